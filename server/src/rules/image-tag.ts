import { containerImagesOf, parseImageReference } from '../model/workloads';
import type { Rule } from './rule';

export const imageTag: Rule = {
  meta: {
    id: 'image-tag',
    title: 'Image without a version tag, or tagged latest',
    severity: 'warning',
    category: 'images',
    guideSection: 'Pods & Deployments',
    fixable: false,
    baseline: true,
    docs: [
      'An image written without a tag means `:latest`, and `:latest` is just a name that moves: two nodes can run',
      'different code under the same manifest, a restarted pod can come back as a new version nobody deployed,',
      'and `kubectl rollout undo` cannot bring back what `latest` pointed to yesterday. The guide\'s own',
      'Deployments pin versions such as `nginx:1.25`; its later examples still use `:latest`, which this rule',
      'reports.',
      '',
      'Write a specific version (`nginx:1.27.3`), ideally one your CI built and scanned, or pin the exact',
      'content with a digest (`myacr.azurecr.io/api@sha256:…`, with or without a tag), which is never reported.',
      '',
      'There is no automatic fix: only you know which version you mean to run. Your registry lists the tags',
      '(`az acr repository show-tags --name <registry> --repository <image>`).',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    for (const { image } of containerImagesOf(root, object.kind)) {
      const reference = parseImageReference(image.value);
      if (reference.digest) continue;
      if (reference.tag === undefined) {
        report({ message: `Image "${image.value}" has no tag, so it runs whatever ":latest" is at pull time.`, range: file.rangeOf(image) });
      } else if (reference.tag === 'latest') {
        report({ message: `Image "${image.value}" uses ":latest", which changes under you; pin a version.`, range: file.rangeOf(image) });
      }
    }
  },
};
