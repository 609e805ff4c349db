import { indentUnitOf } from '../fixes/yamlEdits';
import type { Rule } from './rule';
import { addSequenceItem, antiAffinityTopologyKeys, matchLabelLines, replicatedPodSpec, spreadTopologyKeys } from './workloadSpreading';

// The well-known zone label, and the beta one older nodes still carry.
const ZONE_KEYS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];

export const topologySpreadZones: Rule = {
  meta: {
    id: 'topology-spread-zones',
    title: 'Replicated workload not spread across availability zones',
    severity: 'info',
    category: 'reliability',
    guideSection: 'High Availability',
    fixable: true,
    baseline: false,
    docs: [
      'An AKS cluster whose node pools span availability zones survives the loss of a zone only if each',
      'workload has pods in more than one of them. The scheduler does not balance a Deployment across zones on',
      'its own terms; a topology spread constraint on `topology.kubernetes.io/zone` asks it to. The guide\'s',
      'high availability section says to distribute workloads across zones.',
      '',
      'The rule checks Deployments and StatefulSets with two or more replicas, or with `replicas` left out. It is',
      'satisfied by a `topologySpreadConstraints` entry or a pod anti-affinity term on the zone label (the',
      'deprecated `failure-domain.beta.kubernetes.io/zone` counts too).',
      '',
      'The fix adds a constraint with `maxSkew: 1` and `whenUnsatisfiable: ScheduleAnyway`, selecting the',
      'workload\'s own pods: on a cluster without zones, or when a zone is full, pods are still scheduled.',
      'Switch to `DoNotSchedule` for a hard guarantee. Zonal disks (Azure Disk LRS) bind a StatefulSet pod to',
      'its disk\'s zone: spread those with a `WaitForFirstConsumer` storage class (see `storageclass-binding-mode`).',
    ].join('\n'),
  },

  check(context) {
    const pod = replicatedPodSpec(context);
    if (!pod) return;
    const keys = [...spreadTopologyKeys(pod.spec), ...antiAffinityTopologyKeys(pod.spec)];
    if (ZONE_KEYS.some((key) => keys.includes(key))) return;

    const { file, object, report } = context;
    const unit = indentUnitOf(file.text);
    const labels = matchLabelLines(context, unit);
    const edit = labels
      ? addSequenceItem(file.text, pod.spec, 'topologySpreadConstraints', [
          'maxSkew: 1',
          `topologyKey: ${ZONE_KEYS[0]}`,
          'whenUnsatisfiable: ScheduleAnyway',
          'labelSelector:',
          ...labels.map((line) => ' '.repeat(unit) + line),
        ])
      : undefined;
    report({
      message: `${object.kind} "${object.name ?? 'unnamed'}" does not spread its replicas across availability zones.`,
      range: object.nameRange ?? object.kindRange,
      fix: edit ? { title: 'Spread its pods across zones (topology spread constraint)', edits: [edit] } : undefined,
    });
  },
};
