import { containerImagesOf, parseImageReference, type ImageReference } from '../model/workloads';
import type { Rule } from './rule';

/**
 * True when a trusted-registry entry covers the image: the same host (`myacr.azurecr.io`), a host
 * wildcard (`*.azurecr.io`), or a host with a path prefix (`docker.io/bitnami`).
 */
function trusts(entry: string, image: ImageReference): boolean {
  const normalised = entry.trim().toLowerCase().replace(/\/+$/, '');
  if (normalised === '') return false;
  const [host, ...path] = normalised.split('/');
  const hostMatches = host.startsWith('*.') ? image.registry.endsWith(host.slice(1)) : image.registry === (host === 'index.docker.io' ? 'docker.io' : host);
  if (!hostMatches) return false;
  const prefix = path.join('/');
  return prefix === '' || image.repository.toLowerCase() === prefix || image.repository.toLowerCase().startsWith(`${prefix}/`);
}

export const imageRegistryTrusted: Rule = {
  meta: {
    id: 'image-registry-trusted',
    title: 'Image from a registry outside the trusted list',
    severity: 'warning',
    category: 'images',
    guideSection: 'Scenario: You need to enforce that only images from a trusted registry are deployed. How do you achieve this?',
    fixable: false,
    baseline: false,
    docs: [
      'The guide\'s answer to "only trusted images" is a policy in the cluster (Azure Policy for AKS, Gatekeeper)',
      'backed by the same check in CI. This rule is that check in the editor: list your registries in the',
      '`trustedRegistries` setting (`kubeGuide.trustedRegistries`, or `trustedRegistries` in `.kube-guide.yaml`)',
      'and every container image from elsewhere is reported before the admission controller refuses it.',
      '',
      'An entry is a registry host (`myacr.azurecr.io`), a wildcard host (`*.azurecr.io`) or a host with a path',
      '(`docker.io/bitnami`, `mcr.microsoft.com/oss`). Images without a registry (`nginx`, `bitnami/redis`) come',
      'from Docker Hub and count as `docker.io` (`nginx` is `docker.io/library/nginx`). With an empty list, the',
      'default, the rule says nothing.',
      '',
      'There is no automatic fix: moving an image means importing it first, for example with',
      '`az acr import --name <registry> --source docker.io/library/nginx:1.27`.',
    ].join('\n'),
  },

  check({ root, object, file, report, settings }) {
    const trusted = settings.trustedRegistries.filter((entry) => entry.trim() !== '');
    if (trusted.length === 0) return;
    for (const { image } of containerImagesOf(root, object.kind)) {
      const reference = parseImageReference(image.value);
      if (trusted.some((entry) => trusts(entry, reference))) continue;
      report({
        message: `Image "${image.value}" comes from "${reference.registry}", which is not a trusted registry (${trusted.join(', ')}).`,
        range: file.rangeOf(image),
      });
    }
  },
};
