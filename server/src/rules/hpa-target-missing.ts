import { renameScalar } from '../fixes/yamlText';
import { closestName } from '../model/didYouMean';
import { namespaceOf } from '../model/workspaceIndex';
import { REPLICATED_KINDS } from '../model/workloads';
import type { WorkspaceRule } from './rule';

export const hpaTargetMissing: WorkspaceRule = {
  meta: {
    id: 'hpa-target-missing',
    title: 'HorizontalPodAutoscaler whose scale target is not in the workspace',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'Scaling Strategies',
    fixable: true,
    baseline: true,
    docs: [
      'A HorizontalPodAutoscaler finds the workload it scales by `scaleTargetRef`: a kind and a name in the',
      'autoscaler\'s own namespace. When no such object exists, the autoscaler applies cleanly and then does',
      'nothing: `kubectl describe hpa` shows `FailedGetScale`, and the workload stays at whatever size it had',
      'when the load arrives. The usual causes are a renamed Deployment, a typing mistake, an autoscaler in',
      'another namespace than its workload, or a workload that is a StatefulSet while the reference says',
      '`Deployment`.',
      '',
      'Kube Guide looks the target up across the workspace, in the autoscaler\'s namespace. It judges only',
      'namespaces where the workspace has workloads (or objects of the target\'s kind, for custom resources such',
      'as Argo Rollouts), so an autoscaler for a workload deployed from elsewhere stays quiet. It compares kind',
      'and name, not `apiVersion`.',
      '',
      'Write the workload\'s kind and `metadata.name` exactly, and keep the autoscaler in the workload\'s',
      'namespace. When an object of another kind has that name, the message says which kind to write; when',
      'one of the right kind has a name one or two typing mistakes away, the fix writes that name.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report, fileText }) {
    if (object.kind !== 'HorizontalPodAutoscaler') return;
    const reference = object.references.find((candidate) => candidate.via === 'scale-target');
    if (!reference) return;
    const namespace = namespaceOf(object)!;
    const { kind, name } = reference.target;
    if (workspace.find(kind, name, namespace).length > 0) return;
    if (!workspace.hasWorkloads(namespace) && workspace.ofKind(kind, namespace).length === 0) return;
    const who = `HorizontalPodAutoscaler "${object.name ?? 'unnamed'}" scales ${kind} "${name}"`;

    const [otherKind] = [...REPLICATED_KINDS].filter((candidate) => candidate !== kind).flatMap((candidate) => workspace.find(candidate, name, namespace));
    if (otherKind) {
      report({
        message: `${who}, but "${name}" in namespace "${namespace}" is a ${otherKind.kind}: write kind ${otherKind.kind} in scaleTargetRef, or the autoscaler has nothing to scale.`,
        range: reference.range,
      });
      return;
    }
    // Names more than two characters longer or shorter are never close enough: skip them without measuring.
    const candidates = workspace.ofKind(kind, namespace).flatMap((found) => (found.name && Math.abs(found.name.length - name.length) <= 2 ? [found.name] : []));
    const suggestion = closestName(name, candidates);
    report({
      message: `${who}, which is not in namespace "${namespace}" in the workspace: the autoscaler has nothing to scale.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      range: reference.range,
      fix: suggestion ? { title: `Scale ${kind} "${suggestion}"`, edits: [renameScalar(fileText(), reference.range, suggestion)] } : undefined,
    });
  },
};
