import { checkConfigReferences, CONFIG_MAP_SOURCE } from './configReferences';
import type { WorkspaceRule } from './rule';

export const configReferenceMissing: WorkspaceRule = {
  meta: {
    id: 'config-reference-missing',
    title: 'Pod reads a ConfigMap or key that is not in the workspace',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'ConfigMaps & Secrets',
    fixable: true,
    baseline: true,
    docs: [
      'A pod that takes settings from a ConfigMap (`env[].valueFrom.configMapKeyRef`, `envFrom[].configMapRef`,',
      'a `configMap` volume or a projected one) needs that ConfigMap, in its own namespace, before it can start.',
      'When it is missing, or lacks the key the pod asks for, the container stays in',
      '`CreateContainerConfigError` (environment) or the pod in `ContainerCreating` (volumes), and the rollout',
      'hangs. `kubectl apply` accepts the workload anyway: the mistake shows only once pods are scheduled.',
      '',
      'Kube Guide looks each name up among the ConfigMaps of the workload\'s namespace across the workspace, and',
      'each key (`configMapKeyRef.key`, a volume\'s `items[].key`) among that ConfigMap\'s `data` and',
      '`binaryData`. It only judges a namespace in which the workspace defines at least one ConfigMap: when it',
      'defines none, they evidently come from elsewhere (a Helm chart, another repository, `kubectl create',
      'configmap` in a pipeline), and the workspace cannot know. It also counts as present what Kubernetes',
      'makes in every namespace (`kube-root-ca.crt`) and what a Kustomization generates (`configMapGenerator`),',
      'and leaves alone references marked `optional: true` and keys of a ConfigMap written without any data.',
      '',
      'When a ConfigMap or key of the namespace is one or two typing mistakes away, the fix writes that name.',
      'Otherwise add the ConfigMap next to the workload, or mark the reference `optional: true` if the pod can',
      'run without it.',
    ].join('\n'),
  },

  checkWorkspace(context) {
    checkConfigReferences(context, CONFIG_MAP_SOURCE);
  },
};
