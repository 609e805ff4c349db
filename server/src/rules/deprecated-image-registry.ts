import { replaceInScalar } from '../fixes/yamlEdits';
import { containerImagesOf } from '../model/workloads';
import type { Rule } from './rule';

const FROZEN = 'k8s.gcr.io';
const REPLACEMENT = 'registry.k8s.io';

export const deprecatedImageRegistry: Rule = {
  meta: {
    id: 'deprecated-image-registry',
    title: 'Image from the frozen k8s.gcr.io registry',
    severity: 'warning',
    category: 'guide-corrections',
    guideSection: 'Control Plane Components',
    fixable: true,
    baseline: true,
    docs: [
      'The Kubernetes project moved its images from `k8s.gcr.io` to `registry.k8s.io` in 2023. The old registry',
      'was frozen: nothing released since (no new Kubernetes version, no security fix) is published there, and',
      'it may stop serving altogether. The guide still shows `k8s.gcr.io` images; this is one of its',
      'corrections.',
      '',
      'The same image paths and tags exist under `registry.k8s.io`, so the fix changes only the registry part',
      'of the reference and keeps the rest of the value, its quotes included. On an AKS cluster with a',
      'restricted egress (firewall), allow `registry.k8s.io` and the hosts it redirects to, or import the image',
      'into your ACR.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    for (const { image } of containerImagesOf(root, object.kind)) {
      if (!image.value.trim().toLowerCase().startsWith(`${FROZEN}/`)) continue;
      const edit = replaceInScalar(file.text, image, FROZEN, REPLACEMENT);
      report({
        message: `"${FROZEN}" is frozen and receives no new images; use "${REPLACEMENT}".`,
        range: file.rangeOf(image),
        fix: edit ? { title: `Pull from ${REPLACEMENT}`, edits: [edit] } : undefined,
      });
    }
  },
};
