import { isScalar } from 'yaml';
import { replaceInScalar } from '../fixes/yamlEdits';
import type { Rule } from './rule';

// Istio 1.22 serves these kinds as v1, with the same fields as the older versions. Telemetry's v1 drops
// a few v1alpha1 fields, so it is reported without a fix.
const V1_KINDS: Record<string, { olderVersions: string[]; sameShape: boolean; kinds: string[] }> = {
  'networking.istio.io': {
    olderVersions: ['v1beta1', 'v1alpha3'],
    sameShape: true,
    kinds: ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'WorkloadEntry', 'WorkloadGroup'],
  },
  'security.istio.io': { olderVersions: ['v1beta1'], sameShape: true, kinds: ['PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication'] },
  'telemetry.istio.io': { olderVersions: ['v1alpha1'], sameShape: false, kinds: ['Telemetry'] },
};

export const istioApiVersion: Rule = {
  meta: {
    id: 'istio-api-version',
    title: 'Istio resource uses a pre-v1 apiVersion',
    severity: 'info',
    category: 'guide-corrections',
    guideSection: '2. Using mTLS (Istio, Linkerd) for Encrypted Service-to-Service Communication',
    fixable: true,
    baseline: false,
    docs: [
      'Since Istio 1.22 the stable networking and security resources (VirtualService, DestinationRule, Gateway,',
      'ServiceEntry, Sidecar, WorkloadEntry, WorkloadGroup, PeerAuthentication, AuthorizationPolicy,',
      'RequestAuthentication) and Telemetry are served as `v1`. The guide\'s PeerAuthentication example still',
      'says `security.istio.io/v1beta1`, and many samples use `networking.istio.io/v1alpha3`.',
      '',
      'The older versions keep working for now, so this rule only informs; writing `v1` says the resource',
      'relies on stable behaviour, and keeps the manifests ready for the day the old versions are dropped. The',
      'fix rewrites the `apiVersion`: for these kinds the fields are the same. Telemetry is not fixed',
      'automatically, as a few `v1alpha1` fields did not make it into `v1`. Meshes older than Istio 1.22 (and',
      'AKS Istio add-on revisions before `asm-1-22`) do not serve `v1`: upgrade the mesh first.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const slash = object.apiVersion.indexOf('/');
    if (slash < 0) return;
    const group = object.apiVersion.slice(0, slash);
    const version = object.apiVersion.slice(slash + 1);
    const known = V1_KINDS[group];
    if (!known || !known.kinds.includes(object.kind) || !known.olderVersions.includes(version)) return;
    const node = root.get('apiVersion', true);
    const edit = known.sameShape && isScalar(node) ? replaceInScalar(file.text, node, object.apiVersion, `${group}/v1`) : undefined;
    report({
      message: known.sameShape
        ? `${object.kind} is served as ${group}/v1 since Istio 1.22: prefer it to ${version}.`
        : `${object.kind} is served as ${group}/v1 since Istio 1.22: prefer it to ${version}, after checking the fields v1 dropped.`,
      range: object.apiVersionRange,
      fix: edit ? { title: `Change apiVersion to ${group}/v1`, edits: [edit] } : undefined,
    });
  },
};
