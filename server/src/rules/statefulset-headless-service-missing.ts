import { appendDocument } from '../fixes/documentEdits';
import { newDocumentLines, renameScalar } from '../fixes/yamlText';
import { closestName } from '../model/didYouMean';
import type { ObjectReference, ObjectSummary } from '../model/objectSummary';
import { namespaceOf } from '../model/workspaceIndex';
import { objectInFile, objectLabel } from './objectNames';
import type { Fix, WorkspaceRule, WorkspaceRuleContext } from './rule';

export const statefulsetHeadlessServiceMissing: WorkspaceRule = {
  meta: {
    id: 'statefulset-headless-service-missing',
    title: 'StatefulSet whose serviceName is not a headless Service in the workspace',
    severity: 'warning',
    category: 'networking',
    guideSection: 'StatefulSets',
    fixable: true,
    baseline: false,
    docs: [
      'A StatefulSet gives each pod a stable name (`db-0`, `db-1`), and its `serviceName` names the Service that',
      'turns those into stable DNS names (`db-0.db.<namespace>.svc.cluster.local`). Databases and brokers use',
      'them to find their peers and to tell clients which replica is the primary. Kubernetes publishes those',
      'per-pod records only for a headless Service (`clusterIP: None`) of that name in the same namespace.',
      'Without one, the StatefulSet still starts its pods, but the names do not resolve, and clustering or',
      'replication that relies on them fails.',
      '',
      'Kube Guide reports a `serviceName` that names no Service of the namespace in the workspace. It also',
      'reports one that names an ordinary Service (with a cluster IP) when the StatefulSet runs more than one',
      'replica; a single-replica StatefulSet behind its ordinary Service is common and works through the',
      'Service\'s own name, so it is left alone.',
      '',
      'When the Service is missing, the fix adds a headless Service to the StatefulSet\'s file: named as',
      '`serviceName`, selecting the StatefulSet\'s `matchLabels`, with the containers\' ports (or, when a headless',
      'Service of the namespace has a name one or two typing mistakes away, it writes that name instead). A',
      'Service that exists with a cluster IP has no fix: the cluster IP of a live Service cannot be changed in',
      'place, so keep that Service for clients and add a second, headless one for `serviceName`.',
    ].join('\n'),
  },

  checkWorkspace(context) {
    const { object, workspace, report } = context;
    if (object.kind !== 'StatefulSet') return;
    const reference = object.references.find((found) => found.via === 'governing-service');
    if (!reference) return;
    const namespace = namespaceOf(object)!;
    const services = workspace.find('Service', reference.target.name, namespace);
    const firstPod = `${object.name ?? 'unnamed'}-0.${reference.target.name}`;
    if (services.length === 0) {
      const headless = workspace.ofKind('Service', namespace).flatMap((service) => (service.headless && service.name ? [service.name] : []));
      const suggestion = closestName(reference.target.name, headless);
      report({
        message:
          `${objectLabel(object)} names Service "${reference.target.name}" as its serviceName, but no Service of that name is in namespace "${namespace}" ` +
          `in the workspace: its pods get no DNS names such as ${firstPod}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        range: reference.range,
        fix: suggestion
          ? { title: `Use headless Service "${suggestion}"`, edits: [renameScalar(context.fileText(), reference.range, suggestion)] }
          : addHeadlessService(context, reference),
      });
      return;
    }
    if (services.some((service) => service.headless) || (object.replicas?.value ?? 1) < 2) return;
    report({
      message:
        `${objectLabel(object)} runs ${object.replicas!.value} replicas governed by ${objectInFile(services[0])}, which is not headless: ` +
        `without clusterIP: None, no per-pod DNS names such as ${firstPod} exist. Add a headless Service for serviceName ` +
        `(a live Service's cluster IP cannot be changed in place).`,
      range: reference.range,
    });
  },
};

/** Appends a headless Service for the StatefulSet, when its selector is plain labels a Service can use. */
function addHeadlessService({ object, fileText }: WorkspaceRuleContext, reference: ObjectReference): Fix | undefined {
  const selector = object.podSelector?.selector;
  if (!selector || selector.matchExpressions.length > 0 || Object.keys(selector.matchLabels).length === 0) return undefined;
  const ports = servicePortsFrom(object);
  const text = fileText();
  const lines = newDocumentLines(text, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: reference.target.name, ...(object.namespace ? { namespace: object.namespace } : {}) },
    spec: { clusterIP: 'None', selector: selector.matchLabels, ...(ports.length > 0 ? { ports } : {}) },
  });
  const edit = appendDocument(text, lines);
  return edit && { title: `Add a headless Service "${reference.target.name}" for this StatefulSet`, edits: [edit] };
}

/** Service ports for the containers' ports: one per port and protocol, named as Kubernetes requires when there are several. */
function servicePortsFrom(statefulSet: ObjectSummary): Array<{ name?: string; port: number; protocol?: string }> {
  const seen = new Set<string>();
  const distinct = (statefulSet.containerPorts ?? []).filter((port) => {
    const key = `${port.containerPort}/${port.protocol ?? 'TCP'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const names = new Set<string>();
  return distinct.map((port) => {
    let name = port.name && !names.has(port.name) ? port.name : distinct.length > 1 ? `port-${port.containerPort}` : undefined;
    if (name && names.has(name)) name = `${name}-${(port.protocol ?? 'tcp').toLowerCase()}`;
    if (name) names.add(name);
    return { ...(name ? { name } : {}), port: port.containerPort, ...(port.protocol ? { protocol: port.protocol } : {}) };
  });
}
