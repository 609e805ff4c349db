// Small manifests for the tests of the disruption budget and autoscaler rules: a workload, a
// PodDisruptionBudget and a HorizontalPodAutoscaler, each a few options away from the usual shape.
import { yaml } from './ruleTester';

const namespaceLine = (namespace?: string) => (namespace ? [`  namespace: ${namespace}`] : []);

/**
 * A workload (Deployment unless told) named `web` whose pods are labelled `app: web`. Its lines: 1-4 header
 * and name, then the namespace and `metadata.labels` when given, `spec:`, `replicas` when given, the selector.
 */
export function workload(options: {
  kind?: string;
  name?: string;
  namespace?: string;
  replicas?: number | string;
  /** Pod template labels, as `key: value` lines. */
  podLabels?: string[];
  /** The lines under `spec.selector:`, indented by 4 here: `matchLabels:` and `  app: web` (the first pod label) by default. */
  selector?: string[];
  /** The workload's own `metadata.labels`, as `key: value` lines. */
  labels?: string[];
} = {}): string {
  const podLabels = options.podLabels ?? ['app: web'];
  return yaml(
    'apiVersion: apps/v1',
    `kind: ${options.kind ?? 'Deployment'}`,
    'metadata:',
    `  name: ${options.name ?? 'web'}`,
    ...namespaceLine(options.namespace),
    ...(options.labels ? ['  labels:', ...options.labels.map((label) => `    ${label}`)] : []),
    'spec:',
    ...(options.replicas !== undefined ? [`  replicas: ${options.replicas}`] : []),
    '  selector:',
    ...(options.selector ?? ['matchLabels:', `  ${podLabels[0]}`]).map((line) => `    ${line}`),
    '  template:',
    '    metadata:',
    '      labels:',
    ...podLabels.map((label) => `        ${label}`),
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: web:1',
  );
}

/**
 * A PodDisruptionBudget `web-pdb` over `app: web`. Lines: 1-4 header and name, the namespace when given,
 * then `spec:`, the budget line(s), `selector:`, `matchLabels:` and the labels.
 */
export function disruptionBudget(options: { name?: string; namespace?: string; budget?: string[]; matchLabels?: string[] } = {}): string {
  return yaml(
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    'metadata:',
    `  name: ${options.name ?? 'web-pdb'}`,
    ...namespaceLine(options.namespace),
    'spec:',
    ...(options.budget ?? ['minAvailable: 1']).map((line) => `  ${line}`),
    '  selector:',
    '    matchLabels:',
    ...(options.matchLabels ?? ['app: web']).map((label) => `      ${label}`),
  );
}

/**
 * A HorizontalPodAutoscaler `web-hpa` scaling Deployment `web`. Lines: 1-4 header and name, the namespace
 * when given, `spec:`, `scaleTargetRef:`, its apiVersion, kind and name, then `minReplicas` when given and `maxReplicas: 10`.
 */
export function autoscaler(options: { name?: string; namespace?: string; kind?: string; target?: string; minReplicas?: number | string } = {}): string {
  return yaml(
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    `  name: ${options.name ?? 'web-hpa'}`,
    ...namespaceLine(options.namespace),
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    `    kind: ${options.kind ?? 'Deployment'}`,
    `    name: ${options.target ?? 'web'}`,
    ...(options.minReplicas !== undefined ? [`  minReplicas: ${options.minReplicas}`] : []),
    '  maxReplicas: 10',
  );
}
