import { closestName } from '../model/didYouMean';
import type { ObjectReference, ObjectSummary } from '../model/objectSummary';
import { namespaceOf } from '../model/workspaceIndex';
import { replaceRange } from '../fixes/documentEdits';
import { renameScalar } from '../fixes/yamlText';
import { objectLabel } from './objectNames';
import type { WorkspaceRule, WorkspaceRuleContext } from './rule';

const describePorts = (service: ObjectSummary) =>
  (service.servicePorts ?? []).map((port) => (port.name ? `${port.port ?? '?'} (${port.name})` : String(port.port ?? '?'))).join(', ') || 'none';

export const ingressBackendMissing: WorkspaceRule = {
  meta: {
    id: 'ingress-backend-missing',
    title: 'Ingress backend names a Service or port that is not in the workspace',
    severity: 'warning',
    category: 'networking',
    guideSection: 'How do you expose a web application to the internet on AKS?',
    fixable: true,
    baseline: true,
    docs: [
      'An Ingress rule routes a host and path to a Service by name and port. When that Service does not exist in',
      'the Ingress\'s namespace, or has no such port, the ingress controller has nowhere to send the request and',
      'answers 503 (NGINX) or 502 (Application Gateway) for that path, while every object applies cleanly.',
      '',
      'Kube Guide looks the backend up across the workspace, in the Ingress\'s own namespace (an Ingress cannot',
      'route to a Service in another namespace). A port is matched by `number` against the Service\'s `port`',
      'values, or by `name` against its port names.',
      '',
      'When a Service in the namespace has a name one or two typing mistakes away, or the Service has a single',
      'port, the fix writes that name or port.',
    ].join('\n'),
  },

  checkWorkspace(context) {
    const { object } = context;
    if (object.kind !== 'Ingress') return;
    for (const reference of object.references) {
      if (reference.via === 'ingress-backend') checkBackend(context, reference);
    }
  },
};

function checkBackend({ object, workspace, report, fileText }: WorkspaceRuleContext, reference: ObjectReference): void {
  const namespace = namespaceOf(object)!;
  const name = reference.target.name;
  const [service] = workspace.find('Service', name, namespace);
  const ingress = objectLabel(object);
  if (!service) {
    const candidates = workspace.ofKind('Service', namespace).flatMap((found) => (found.name ? [found.name] : []));
    const suggestion = closestName(name, candidates);
    report({
      message: `${ingress} routes ${reference.context} to Service "${name}", which is not in namespace "${namespace}" in the workspace${suggestion ? `. Did you mean "${suggestion}"?` : '.'}`,
      range: reference.range,
      fix: suggestion ? { title: `Route to Service "${suggestion}"`, edits: [renameScalar(fileText(), reference.range, suggestion)] } : undefined,
    });
    return;
  }
  if (reference.port === undefined || !reference.portRange || !service.servicePorts) return;
  const ports = service.servicePorts;
  const matches = typeof reference.port === 'number' ? ports.some((port) => port.port === reference.port) : ports.some((port) => port.name === reference.port);
  if (matches) return;
  const only = ports.length === 1 ? ports[0] : undefined;
  const replacement = typeof reference.port === 'number' ? only?.port : only?.name;
  report({
    message: `${ingress} routes ${reference.context} to port ${reference.port} of Service "${name}", which has no such port (its ports: ${describePorts(service)}).`,
    range: reference.portRange,
    fix: replacement !== undefined ? { title: `Use port ${replacement}`, edits: [typeof replacement === 'number' ? replaceRange(fileText(), reference.portRange, String(replacement)) : renameScalar(fileText(), reference.portRange, replacement)] } : undefined,
  });
}
