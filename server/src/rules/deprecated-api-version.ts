import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { replaceInScalar } from '../fixes/yamlEdits';
import type { Rule } from './rule';

interface Removal {
  /** The Kubernetes minor version that stopped serving it. */
  removedIn: string;
  /** The apiVersion to use instead, when there is one. */
  replacement?: string;
  /**
   * Whether changing only `apiVersion` is a correct migration: `true`, `false` (the object's shape
   * changed), or a test on the object for changes that only some objects need.
   */
  sameShape: boolean | ((root: YAMLMap) => boolean);
}

// Workloads: apps/v1 requires `spec.selector` (the betas defaulted it from the template's labels).
const hasSelector = (root: YAMLMap) => isMap(root.getIn(['spec', 'selector'], true));
// policy/v1 reads an empty selector as "every pod in the namespace"; policy/v1beta1 as "none".
const hasNonEmptySelector = (root: YAMLMap) => {
  const selector = root.getIn(['spec', 'selector'], true);
  return isMap(selector) && selector.items.some((pair) => (isMap(pair.value) || isSeq(pair.value)) && (pair.value.items.length > 0));
};

const toApps = (removedIn: string): Removal => ({ removedIn, replacement: 'apps/v1', sameShape: hasSelector });

/** `apiVersion kind` → what happened to it. */
const REMOVED: Record<string, Removal> = {
  'extensions/v1beta1 Deployment': toApps('1.16'),
  'extensions/v1beta1 DaemonSet': toApps('1.16'),
  'extensions/v1beta1 ReplicaSet': toApps('1.16'),
  'apps/v1beta1 Deployment': toApps('1.16'),
  'apps/v1beta1 StatefulSet': toApps('1.16'),
  'apps/v1beta2 Deployment': toApps('1.16'),
  'apps/v1beta2 StatefulSet': toApps('1.16'),
  'apps/v1beta2 DaemonSet': toApps('1.16'),
  'apps/v1beta2 ReplicaSet': toApps('1.16'),
  'extensions/v1beta1 NetworkPolicy': { removedIn: '1.16', replacement: 'networking.k8s.io/v1', sameShape: true },
  'extensions/v1beta1 PodSecurityPolicy': { removedIn: '1.16', sameShape: false },
  'extensions/v1beta1 Ingress': { removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameShape: false },
  'networking.k8s.io/v1beta1 Ingress': { removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameShape: false },
  'networking.k8s.io/v1beta1 IngressClass': { removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameShape: true },
  'rbac.authorization.k8s.io/v1beta1 Role': { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameShape: true },
  'rbac.authorization.k8s.io/v1beta1 ClusterRole': { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameShape: true },
  'rbac.authorization.k8s.io/v1beta1 RoleBinding': { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameShape: true },
  'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding': { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameShape: true },
  'storage.k8s.io/v1beta1 StorageClass': { removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameShape: true },
  'storage.k8s.io/v1beta1 VolumeAttachment': { removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameShape: true },
  'storage.k8s.io/v1beta1 CSIDriver': { removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameShape: true },
  'storage.k8s.io/v1beta1 CSINode': { removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameShape: true },
  'storage.k8s.io/v1beta1 CSIStorageCapacity': { removedIn: '1.27', replacement: 'storage.k8s.io/v1', sameShape: true },
  'scheduling.k8s.io/v1beta1 PriorityClass': { removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', sameShape: true },
  'coordination.k8s.io/v1beta1 Lease': { removedIn: '1.22', replacement: 'coordination.k8s.io/v1', sameShape: true },
  'apiregistration.k8s.io/v1beta1 APIService': { removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1', sameShape: true },
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition': { removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', sameShape: false },
  'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration': { removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', sameShape: false },
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration': { removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', sameShape: false },
  'certificates.k8s.io/v1beta1 CertificateSigningRequest': { removedIn: '1.22', replacement: 'certificates.k8s.io/v1', sameShape: false },
  'batch/v1beta1 CronJob': { removedIn: '1.25', replacement: 'batch/v1', sameShape: true },
  'policy/v1beta1 PodDisruptionBudget': { removedIn: '1.25', replacement: 'policy/v1', sameShape: hasNonEmptySelector },
  'policy/v1beta1 PodSecurityPolicy': { removedIn: '1.25', sameShape: false },
  'autoscaling/v2beta1 HorizontalPodAutoscaler': { removedIn: '1.25', replacement: 'autoscaling/v2', sameShape: false },
  'autoscaling/v2beta2 HorizontalPodAutoscaler': { removedIn: '1.26', replacement: 'autoscaling/v2', sameShape: true },
  'discovery.k8s.io/v1beta1 EndpointSlice': { removedIn: '1.25', replacement: 'discovery.k8s.io/v1', sameShape: false },
  'events.k8s.io/v1beta1 Event': { removedIn: '1.25', replacement: 'events.k8s.io/v1', sameShape: false },
  'node.k8s.io/v1beta1 RuntimeClass': { removedIn: '1.25', replacement: 'node.k8s.io/v1', sameShape: true },
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema': { removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameShape: false },
  'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration': { removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameShape: false },
  'flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema': { removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameShape: false },
  'flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration': { removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameShape: false },
  'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema': { removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameShape: true },
  'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration': { removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameShape: false },
};

export const deprecatedApiVersion: Rule = {
  meta: {
    id: 'deprecated-api-version',
    title: 'apiVersion no longer served by Kubernetes',
    severity: 'error',
    category: 'api-versions',
    guideSection: 'How do you upgrade a running AKS cluster with minimal disruption?',
    fixable: true,
    baseline: true,
    docs: [
      'Beta APIs are removed a few releases after their stable version ships. A manifest written against a',
      'removed `apiVersion` is refused by every cluster from that release on: `kubectl apply` fails with "no',
      'matches for kind". Every supported AKS version is past these removals (1.16: `extensions/v1beta1` and',
      '`apps/v1beta1|2` workloads; 1.22: `v1beta1` Ingress, RBAC, storage, CRDs, webhooks; 1.25: `batch/v1beta1`',
      'CronJob, `policy/v1beta1` PDB and PodSecurityPolicy, `autoscaling/v2beta1`; 1.26: `autoscaling/v2beta2`;',
      '1.29/1.32: the flow-control betas). The guide asks you to check release notes for breaking changes before',
      'an upgrade; this rule does that for your manifests.',
      '',
      'The fix rewrites only the `apiVersion`, and only where the object means the same under the new version:',
      'RBAC, storage, scheduling, coordination, APIService, RuntimeClass, IngressClass, NetworkPolicy, CronJob',
      '`batch/v1`, HPA `v2beta2` → `v2`, and flow-control `v1beta3` FlowSchemas. Workloads move to `apps/v1`',
      'when they already have `spec.selector` (now required); a `policy/v1beta1` PDB moves to `policy/v1` when',
      'its selector is not empty (an empty one selects every pod in `policy/v1`).',
      '',
      'No fix where the shape changed: Ingress (`serviceName`/`servicePort` became `service.name`/`service.port`,',
      '`pathType` is required), HPA `v2beta1` (metric targets), CRDs (structural schemas), webhooks, CSRs,',
      'EndpointSlice, Event and the older flow-control betas. PodSecurityPolicy has no replacement object: use',
      'Pod Security Admission labels on namespaces, or Azure Policy for AKS.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const removal = REMOVED[`${object.apiVersion} ${object.kind}`];
    if (!removal) return;
    const node = root.get('apiVersion', true);
    if (!isScalar(node)) return;
    const sameShape = typeof removal.sameShape === 'function' ? removal.sameShape(root) : removal.sameShape;
    const edit = removal.replacement && sameShape ? replaceInScalar(file.text, node, object.apiVersion, removal.replacement) : undefined;
    const instead = removal.replacement
      ? `; use ${removal.replacement}${sameShape ? '' : ', whose fields differ'}`
      : '; it has no replacement';
    report({
      message: `${object.apiVersion} ${object.kind} was removed in Kubernetes ${removal.removedIn}${instead}.`,
      range: object.apiVersionRange,
      fix: edit ? { title: `Change apiVersion to ${removal.replacement}`, edits: [edit] } : undefined,
    });
  },
};
