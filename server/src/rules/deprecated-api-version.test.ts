import { deprecatedApiVersion } from './deprecated-api-version';
import { testRule, yaml } from './testing/ruleTester';

testRule(deprecatedApiVersion, {
  valid: [
    { name: 'current versions', code: yaml('apiVersion: apps/v1', 'kind: Deployment', '---', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', '---', 'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler') },
    { name: 'custom resources are not ours to judge', code: yaml('apiVersion: security.istio.io/v1beta1', 'kind: PeerAuthentication') },
    {
      name: 'not yet deprecated at an older target (1.20): HPA v2beta2, CronJob v1beta1, Endpoints',
      code: yaml('apiVersion: autoscaling/v2beta2', 'kind: HorizontalPodAutoscaler', '---', 'apiVersion: batch/v1beta1', 'kind: CronJob', '---', 'apiVersion: v1', 'kind: Endpoints'),
      settings: { kubernetesVersion: '1.20' },
    },
  ],
  invalid: [
    {
      name: 'same shape: CronJob, RBAC, quoted HPA v2beta2',
      code: yaml(
        'apiVersion: batch/v1beta1 # old',
        'kind: CronJob',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1beta1',
        'kind: ClusterRoleBinding',
        '---',
        'apiVersion: "autoscaling/v2beta2"',
        'kind: HorizontalPodAutoscaler',
      ),
      errors: [
        { line: 1, message: 'batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.' },
        { line: 4, message: 'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding was removed in Kubernetes 1.22; use rbac.authorization.k8s.io/v1.' },
        { line: 7, message: 'autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26; use autoscaling/v2.' },
      ],
      output: yaml(
        'apiVersion: batch/v1 # old',
        'kind: CronJob',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRoleBinding',
        '---',
        'apiVersion: "autoscaling/v2"',
        'kind: HorizontalPodAutoscaler',
      ),
    },
    {
      name: 'workloads and PDBs: fixed only with a selector',
      code: yaml(
        'apiVersion: extensions/v1beta1',
        'kind: Deployment',
        'spec:',
        '  selector: {matchLabels: {app: web}}',
        '---',
        'apiVersion: apps/v1beta2',
        'kind: StatefulSet',
        'spec: {}',
        '---',
        'apiVersion: policy/v1beta1',
        'kind: PodDisruptionBudget',
        'spec:',
        '  selector: {}',
      ),
      errors: [
        { line: 1, message: 'extensions/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1.' },
        { line: 6, message: 'apps/v1beta2 StatefulSet was removed in Kubernetes 1.16; use apps/v1, whose fields differ.' },
        { line: 10, message: 'policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1, whose fields differ.' },
      ],
      output: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'spec:',
        '  selector: {matchLabels: {app: web}}',
        '---',
        'apiVersion: apps/v1beta2',
        'kind: StatefulSet',
        'spec: {}',
        '---',
        'apiVersion: policy/v1beta1',
        'kind: PodDisruptionBudget',
        'spec:',
        '  selector: {}',
      ),
    },
    {
      name: 'target 1.23: HPA v2beta2 deprecated (warning, fixed); CronJob v1beta1 deprecated; RBAC v1beta1 removed (error)',
      settings: { kubernetesVersion: '1.23' },
      code: yaml(
        'apiVersion: autoscaling/v2beta2',
        'kind: HorizontalPodAutoscaler',
        '---',
        'apiVersion: batch/v1beta1',
        'kind: CronJob',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1beta1',
        'kind: Role',
      ),
      errors: [
        { line: 1, severity: 'warning', message: 'autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated since Kubernetes 1.23 and removed in 1.26; use autoscaling/v2.' },
        { line: 4, severity: 'warning', message: 'batch/v1beta1 CronJob is deprecated since Kubernetes 1.21 and removed in 1.25; use batch/v1.' },
        { line: 7, severity: 'error', message: 'rbac.authorization.k8s.io/v1beta1 Role was removed in Kubernetes 1.22; use rbac.authorization.k8s.io/v1.' },
      ],
      output: yaml(
        'apiVersion: autoscaling/v2',
        'kind: HorizontalPodAutoscaler',
        '---',
        'apiVersion: batch/v1',
        'kind: CronJob',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
      ),
    },
    {
      name: 'target 1.26: the same HPA and CronJob are removed (errors, same fixes)',
      settings: { kubernetesVersion: '1.26' },
      code: yaml('apiVersion: autoscaling/v2beta2', 'kind: HorizontalPodAutoscaler', '---', 'apiVersion: batch/v1beta1', 'kind: CronJob'),
      errors: [
        { line: 1, severity: 'error', message: 'autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26; use autoscaling/v2.' },
        { line: 4, severity: 'error', message: 'batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.' },
      ],
      output: yaml('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', '---', 'apiVersion: batch/v1', 'kind: CronJob'),
    },
    {
      name: 'target 1.27: deprecated, but the replacement is not served yet (no fix)',
      settings: { kubernetesVersion: '1.27' },
      code: yaml('apiVersion: flowcontrol.apiserver.k8s.io/v1beta2', 'kind: FlowSchema'),
      errors: [
        { line: 1, severity: 'warning', message: 'flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema is deprecated since Kubernetes 1.26 and removed in 1.29; flowcontrol.apiserver.k8s.io/v1 replaces it from Kubernetes 1.29.' },
      ],
    },
    {
      name: 'default target: deprecated with no removal announced (Endpoints → EndpointSlice, another kind)',
      code: yaml('apiVersion: v1', 'kind: Endpoints', 'metadata:', '  name: external-db'),
      errors: [
        { line: 1, severity: 'warning', message: 'v1 Endpoints is deprecated since Kubernetes 1.33; use discovery.k8s.io/v1 EndpointSlice, whose fields differ.' },
      ],
    },
    {
      name: 'changed shape or no replacement: no fix',
      code: yaml('apiVersion: networking.k8s.io/v1beta1', 'kind: Ingress', '---', 'apiVersion: policy/v1beta1', 'kind: PodSecurityPolicy'),
      errors: [
        { line: 1, message: 'networking.k8s.io/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1, whose fields differ.' },
        { line: 4, message: 'policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; it has no replacement.' },
      ],
    },
  ],
});
