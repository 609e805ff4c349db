import { renameScalar } from '../fixes/yamlText';
import { closestName } from '../model/didYouMean';
import { namespaceOf } from '../model/workspaceIndex';
import { objectLabel } from './objectNames';
import type { WorkspaceRule } from './rule';

export const pvcMissing: WorkspaceRule = {
  meta: {
    id: 'pvc-missing',
    title: 'Pod mounts a PersistentVolumeClaim that is not in the workspace',
    severity: 'warning',
    category: 'storage',
    guideSection: 'Storage Classes, PV/PVCs',
    fixable: true,
    baseline: true,
    docs: [
      'A pod volume with `persistentVolumeClaim.claimName` mounts the claim of that name in the pod\'s own',
      'namespace. If there is none, the scheduler cannot place the pod: it stays `Pending` with "persistentvolumeclaim',
      'not found", and a Deployment rollout waits on it. The usual causes are a claim name that changed on one',
      'side only, and a claim written in another namespace.',
      '',
      'Kube Guide looks the name up among the PersistentVolumeClaims of the pod\'s namespace across the workspace.',
      'It judges only namespaces in which the workspace defines at least one claim: keeping a claim out of the',
      'application\'s manifests is a common, deliberate choice (created once, so that deleting the app never',
      'deletes its data), and the workspace cannot see those. StatefulSets\' `volumeClaimTemplates` are not',
      'pod volumes and are not judged here.',
      '',
      'When a claim of the namespace is one or two typing mistakes away, the fix writes its name. Otherwise add',
      'the PersistentVolumeClaim next to the workload, in the same namespace.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report, fileText }) {
    const references = object.references.filter((reference) => reference.via === 'persistent-volume-claim');
    if (references.length === 0) return;
    const namespace = namespaceOf(object)!;
    for (const reference of references) {
      const name = reference.target.name;
      if (workspace.find('PersistentVolumeClaim', name, namespace).length > 0) continue;
      const claims = workspace.ofKind('PersistentVolumeClaim', namespace).flatMap((claim) => (claim.name ? [claim.name] : []));
      if (claims.length === 0) return;
      const suggestion = closestName(name, claims);
      const pods = object.kind === 'Pod' ? 'the pod stays' : 'its pods stay';
      report({
        message:
          `${objectLabel(object)} mounts PersistentVolumeClaim "${name}" (${reference.context}), which is not in namespace "${namespace}" in the workspace: ` +
          `${pods} Pending.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        range: reference.range,
        fix: suggestion ? { title: `Mount claim "${suggestion}"`, edits: [renameScalar(fileText(), reference.range, suggestion)] } : undefined,
      });
    }
  },
};
