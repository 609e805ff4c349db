import { isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import { pairOf, removePair } from '../fixes/yamlEdits';
import type { Rule } from './rule';

// Cluster-scoped kinds ignore `metadata.namespace`: a stray `default` there is the schema's business.
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PriorityClass', 'IngressClass', 'RuntimeClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
]);

export const defaultNamespace: Rule = {
  meta: {
    id: 'default-namespace',
    title: 'Object pinned to the default namespace',
    severity: 'info',
    category: 'reliability',
    guideSection: 'How do you handle multi-tenant workloads securely in AKS?',
    fixable: true,
    baseline: false,
    docs: [
      'The guide isolates applications with namespaces: each gets its own RBAC, network policies and resource',
      'quotas. The `default` namespace has none of these unless someone adds them, everything without a home',
      'ends up there, and a manifest that says `namespace: default` ignores `kubectl apply -n`, Kustomize\'s',
      '`namespace:` and Helm\'s `--namespace`: it lands in `default` wherever you deploy it.',
      '',
      'The fix removes the `namespace: default` line, so the namespace is chosen where the manifest is applied',
      '(and stays `default` for a plain `kubectl apply` in the default context, as before). If the object',
      'belongs to a specific namespace, write that name instead. Objects outside namespaces (ClusterRoles,',
      'StorageClasses…) are not reported.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.namespace !== 'default' || CLUSTER_SCOPED.has(object.kind)) return;
    const metadata = root.get('metadata', true);
    if (!isMap(metadata)) return;
    const pair = pairOf(metadata, 'namespace');
    if (!pair || !isScalar(pair.value)) return;
    report({
      message: `${object.kind} "${object.name ?? 'unnamed'}" is pinned to the "default" namespace; give the application a namespace of its own.`,
      range: file.rangeOf(pair.value),
      fix: metadata.flow
        ? undefined
        : { title: 'Remove namespace: default (choose it when applying)', edits: [removePair(file.text, pair as Pair<YamlNode, YamlNode | null>)] },
    });
  },
};
