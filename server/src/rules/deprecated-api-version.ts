import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { replaceInScalar } from '../fixes/yamlEdits';
import { apiLifecycle, apiStatusAt, replacementName, replacementServedAt, type ApiLifecycle, type Migration } from '../knowledge/apiLifecycle';
import type { Rule } from './rule';

// Workloads: apps/v1 requires `spec.selector` (the betas defaulted it from the template's labels).
const hasSelector = (root: YAMLMap) => isMap(root.getIn(['spec', 'selector'], true));
// policy/v1 reads an empty selector as "every pod in the namespace"; policy/v1beta1 as "none".
const hasNonEmptySelector = (root: YAMLMap) => {
  const selector = root.getIn(['spec', 'selector'], true);
  return isMap(selector) && selector.items.some((pair) => (isMap(pair.value) || isSeq(pair.value)) && (pair.value.items.length > 0));
};

/** Whether changing only `apiVersion` is a correct migration for this object. */
function keepsMeaning(migration: Migration, root: YAMLMap): boolean {
  switch (migration) {
    case 'same-shape':
      return true;
    case 'needs-selector':
      return hasSelector(root);
    case 'needs-non-empty-selector':
      return hasNonEmptySelector(root);
    case 'changed-shape':
      return false;
  }
}

export const deprecatedApiVersion: Rule = {
  meta: {
    id: 'deprecated-api-version',
    title: 'apiVersion removed or deprecated in the target Kubernetes version',
    severity: 'error',
    category: 'api-versions',
    guideSection: 'How do you upgrade a running AKS cluster with minimal disruption?',
    fixable: true,
    baseline: true,
    docs: [
      'Beta APIs are removed a few releases after their stable version ships. A manifest written against a',
      'removed `apiVersion` is refused by every cluster from that release on: `kubectl apply` fails with "no',
      'matches for kind". The guide asks you to read the release notes for breaking changes before an upgrade;',
      'this rule does that for your manifests, for the Kubernetes version you deploy to.',
      '',
      'That version is the **target**: the setting `kubeGuide.kubernetesVersion`, or `kubernetesVersion` in a',
      '`.kube-guide.yaml` (which wins), and by default the newest version AKS offers. Against the target:',
      '',
      '- **removed** at or before it (1.16: `extensions/v1beta1` and `apps/v1beta1|2` workloads; 1.22: `v1beta1`',
      '  Ingress, RBAC, storage, CRDs, webhooks; 1.25: `batch/v1beta1` CronJob, `policy/v1beta1` PDB and',
      '  PodSecurityPolicy, `autoscaling/v2beta1`; 1.26: `autoscaling/v2beta2`; 1.26, 1.29 and 1.32: the',
      '  flow-control betas): an error, since the cluster refuses the object;',
      '- **deprecated** but still served (say `batch/v1beta1` CronJob for a 1.23 cluster, or `v1` Endpoints from',
      '  1.33, which EndpointSlices replace): a warning, one step below, since the object still applies today but',
      '  the next upgrade will break it;',
      '- not yet deprecated: nothing. Such an API is what the cluster expects, and its replacement may not be',
      '  served yet; hover the `apiVersion` to see when it goes away.',
      '',
      'A severity you choose for this rule moves both kinds of finding alike (with `warning`, removed APIs are',
      'warnings and deprecated ones information).',
      '',
      'The fix rewrites only the `apiVersion`, only where the replacement is served at the target, and only',
      'where the object means the same under the new version: RBAC, storage, scheduling, coordination,',
      'APIService, RuntimeClass, IngressClass, NetworkPolicy, CronJob `batch/v1`, HPA `v2beta2` → `v2`, and',
      'flow-control `v1beta3` FlowSchemas. Workloads move to `apps/v1` when they already have `spec.selector`',
      '(now required); a `policy/v1beta1` PDB moves to `policy/v1` when its selector is not empty (an empty one',
      'selects every pod in `policy/v1`).',
      '',
      'No fix where the shape changed: Ingress (`serviceName`/`servicePort` became `service.name`/`service.port`,',
      '`pathType` is required), HPA `v2beta1` (metric targets), CRDs (structural schemas), webhooks, CSRs,',
      'EndpointSlice, Event, Endpoints and the older flow-control betas. PodSecurityPolicy has no replacement',
      'object: use Pod Security Admission labels on namespaces, or Azure Policy for AKS.',
    ].join('\n'),
  },

  check({ root, object, file, settings, report }) {
    const lifecycle = apiLifecycle(object.apiVersion, object.kind);
    if (!lifecycle) return;
    const target = settings.kubernetesVersion;
    const status = apiStatusAt(lifecycle, target);
    // Not yet deprecated at the target: the cluster is fine with it, and the replacement may not be served yet.
    if (status === 'served') return;
    const node = root.get('apiVersion', true);
    if (!isScalar(node)) return;
    const replacement = lifecycle.replacement;
    const sameShape = replacement !== undefined && replacement.kind === undefined && keepsMeaning(replacement.migration, root);
    const canMove = replacement !== undefined && replacementServedAt(lifecycle, target);
    const edit = sameShape && canMove ? replaceInScalar(file.text, node, object.apiVersion, replacement.apiVersion) : undefined;
    report({
      message: `${object.apiVersion} ${object.kind} ${whatHappened(lifecycle, status)}${advice(lifecycle, sameShape, canMove)}.`,
      range: object.apiVersionRange,
      fix: edit ? { title: `Change apiVersion to ${replacement!.apiVersion}`, edits: [edit] } : undefined,
      // A deprecated API still works: one step below a removed one (an error by default).
      severity: status === 'removed' ? 'error' : 'warning',
    });
  },
};

function whatHappened(lifecycle: ApiLifecycle, status: 'removed' | 'deprecated'): string {
  if (status === 'removed') return `was removed in Kubernetes ${lifecycle.removedIn}`;
  const removal = lifecycle.removedIn ? ` and removed in ${lifecycle.removedIn}` : '';
  return `is deprecated since Kubernetes ${lifecycle.deprecatedIn}${removal}`;
}

function advice(lifecycle: ApiLifecycle, sameShape: boolean, canMove: boolean): string {
  const instead = replacementName(lifecycle);
  if (!instead) return '; it has no replacement';
  if (!canMove) return `; ${instead} replaces it from Kubernetes ${lifecycle.replacement!.servedSince}`;
  return `; use ${instead}${sameShape ? '' : ', whose fields differ'}`;
}
