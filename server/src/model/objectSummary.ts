import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { ignoredByAnnotation } from '../rules/suppressions';
import { readLabelSelector, readStringMap, type LabelSelector } from './labelSelector';
import type { ManifestDocument, ManifestFile, Range } from './manifestFile';
import { podSpecOf, podTemplatePathOf, REPLICATED_KINDS } from './workloads';
import { nodeAtPath } from './yamlPath';

// What the workspace index keeps of each Kubernetes object: who it is, which labels its pods carry, what it
// selects and what it names. Plain data with ranges, no YAML tree: a thousand files' summaries stay small,
// cross-resource rules and navigation need nothing else, and a worker thread can send them as they are.

/** How one object names another. */
export type ReferenceKind =
  | 'ingress-backend'
  | 'ingress-tls-secret'
  | 'scale-target'
  | 'secret'
  | 'config-map'
  | 'persistent-volume-claim'
  | 'storage-class'
  | 'service-account'
  | 'governing-service';

export interface ObjectReference {
  via: ReferenceKind;
  /** The object named. `namespace` is unset for cluster-scoped targets (a StorageClass). */
  target: { kind: string; name: string; namespace?: string };
  /** Where the name is written, in this object's file. */
  range: Range;
  /** A key inside a ConfigMap or Secret (`secretKeyRef.key`, a volume's `items[].key`). */
  key?: string;
  keyRange?: Range;
  /** A Service port, by number or by name (Ingress backends). */
  port?: string | number;
  portRange?: Range;
  /** `optional: true`: the pod starts even when the object or key is missing. */
  optional?: boolean;
  /** Where the reference was written, for messages: "env LOG_LEVEL", "volume config". */
  context: string;
}

/** A selector an object applies to pods of its namespace. */
export interface PodSelector {
  selector: LabelSelector;
  /** The selector's key (`selector:`, `podSelector:`). */
  range: Range;
  /** The mapping under the key, when written: go-to-definition works anywhere in it. */
  valueRange?: Range;
}

/** A peer of a NetworkPolicy rule that names pods by label (`from`/`to` with a `podSelector`). */
export interface NetworkPolicyPeer {
  direction: 'ingress' | 'egress';
  podSelector: LabelSelector;
  /** Set when the peer also has a `namespaceSelector`: its pods may be in other namespaces. */
  anyNamespace: boolean;
}

export interface ObjectSummary {
  uri: string;
  documentIndex: number;
  apiVersion: string;
  kind: string;
  name?: string;
  /** The namespace as written; the index applies the default. */
  namespace?: string;
  /** The whole document, and where its text ends (fixes that add a document append there). */
  range: Range;
  endOffset: number;
  kindRange: Range;
  nameRange?: Range;
  labels: Record<string, string>;
  /** Set when the document has YAML errors: positions are then a best guess, so no fix is offered. */
  parseErrors?: true;
  /** Rules the object's `kube-guide.io/ignore` annotation silences. */
  ignoredRules?: string[] | 'all';
  /** The labels of the pods a workload runs (a Pod's own labels). */
  podLabels?: Record<string, string>;
  /** `spec.replicas` when written as a whole number. */
  replicas?: { value: number; range: Range };
  /** Set when `spec.replicas` is written but not as a whole number (an envsubst placeholder): the count is unknown. */
  replicasUnknown?: true;
  /** A HorizontalPodAutoscaler's floor: `spec.minReplicas`, or 1 when left out (the API's default); unset when not a whole number. */
  minReplicas?: number;
  /** What the object selects pods with: a Service's `selector`, a PDB's or a workload's `selector`, a NetworkPolicy's `podSelector`. */
  podSelector?: PodSelector;
  /** A Service's ports. */
  servicePorts?: Array<{ name?: string; port?: number; targetPort?: string | number }>;
  /** A Service's `clusterIP: None`. */
  headless?: boolean;
  /** The keys of a ConfigMap's or Secret's `data`, `stringData` and `binaryData`. */
  dataKeys?: string[];
  /** Where each of those keys is written (go-to-definition from a `secretKeyRef.key`). A position, not meaning: its name ends in `Range` so the index ignores it when comparing. */
  dataKeyRange?: Record<string, Range>;
  /** A PodDisruptionBudget's budget, as written. */
  disruptionBudget?: { minAvailable?: number | string; maxUnavailable?: number | string; range: Range };
  /** A NetworkPolicy's policy types and the pods its rules allow. */
  networkPolicy?: { policyTypes: string[]; peers: NetworkPolicyPeer[] };
  references: ObjectReference[];
  /** A CustomResourceDefinition as plain data: its schemas check the custom resources of the workspace. */
  definition?: unknown;
  /** The ports a workload's containers declare (init containers excluded): a Service can be written from them. */
  containerPorts?: ContainerPort[];
  /** Secrets and ConfigMaps the cluster makes from this object (a cert-manager Certificate's Secret...). */
  creates?: CreatedObject[];
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  /** Set when written and not TCP. */
  protocol?: string;
}

/** An object another one makes exist: it is not written in the workspace, yet pods may name it. */
export interface CreatedObject {
  kind: 'Secret' | 'ConfigMap';
  name: string;
}

/** Kinds that live outside namespaces; everything else without a namespace lands in `default`. */
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'IngressClass',
  'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'RuntimeClass', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration',
  'ClusterIssuer', 'GatewayClass',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

/** The summaries of every Kubernetes object in a parsed file. */
export function summarizeFile(uri: string, file: ManifestFile): ObjectSummary[] {
  return file.documents.flatMap((document) => {
    const root = document.yaml.contents;
    return document.object && isMap(root) ? [summarizeObject(uri, file, document, root)] : [];
  });
}

function summarizeObject(uri: string, file: ManifestFile, document: ManifestDocument, root: YAMLMap): ObjectSummary {
  const object = document.object!;
  const rangeOf = (node: YamlNode) => file.rangeOf(node);
  const ignored = ignoredByAnnotation(root);
  const summary: ObjectSummary = {
    uri,
    documentIndex: document.index,
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
    range: document.range,
    endOffset: document.offsets[1],
    kindRange: object.kindRange,
    nameRange: object.nameRange,
    labels: readStringMap(root.getIn(['metadata', 'labels'], true)) ?? {},
    references: [],
  };
  if (document.yaml.errors.length > 0) summary.parseErrors = true;
  if (ignored) summary.ignoredRules = ignored === 'all' ? 'all' : [...ignored];
  const references = new ReferenceCollector(summary, rangeOf);

  const templatePath = podTemplatePathOf(object.kind);
  if (templatePath) {
    // Without a pod template (misplaced, or not yet written) the workload runs no pods we could know of.
    if (isMap(templatePath.length === 0 ? root : nodeAtPath(root, templatePath))) {
      summary.podLabels = readStringMap(nodeAtPath(root, [...templatePath, 'metadata', 'labels'])) ?? {};
    }
    const pod = podSpecOf(root, object.kind);
    if (pod) {
      collectPodReferences(pod.spec, references);
      const ports = readContainerPorts(pod.spec);
      if (ports.length > 0) summary.containerPorts = ports;
    }
    if (object.kind !== 'Pod' && object.kind !== 'CronJob' && object.kind !== 'Job') {
      setPodSelector(summary, root, ['spec', 'selector'], rangeOf, 'label-selector');
    }
  }
  if (REPLICATED_KINDS.has(object.kind)) {
    const replicas = root.getIn(['spec', 'replicas'], true);
    if (isScalar(replicas) && typeof replicas.value === 'number' && Number.isInteger(replicas.value)) {
      summary.replicas = { value: replicas.value, range: rangeOf(replicas) };
    } else if (replicas !== undefined) {
      summary.replicasUnknown = true;
    }
  }

  switch (object.kind) {
    case 'CustomResourceDefinition':
      try {
        summary.definition = document.yaml.toJS({ maxAliasCount: 100 });
      } catch {
        // An alias bomb or a broken document: no schema from it.
      }
      break;
    case 'Service':
      summarizeService(summary, root, rangeOf);
      break;
    case 'Ingress':
      collectIngressReferences(root, references);
      break;
    case 'HorizontalPodAutoscaler':
      collectScaleTarget(root, references);
      summarizeAutoscalerFloor(summary, root);
      break;
    case 'PodDisruptionBudget':
      setPodSelector(summary, root, ['spec', 'selector'], rangeOf, 'label-selector');
      summarizeDisruptionBudget(summary, root, rangeOf);
      break;
    case 'NetworkPolicy':
      setPodSelector(summary, root, ['spec', 'podSelector'], rangeOf, 'label-selector');
      summary.networkPolicy = readNetworkPolicy(root);
      break;
    case 'ConfigMap':
    case 'Secret':
      summary.dataKeys = ['data', 'stringData', 'binaryData'].flatMap((section) => {
        const data = root.get(section, true);
        return isMap(data) ? data.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : [])) : [];
      });
      summary.dataKeyRange = dataKeyRanges(root, rangeOf);
      break;
    case 'PersistentVolumeClaim':
      references.storageClass(root.getIn(['spec', 'storageClassName'], true), 'spec.storageClassName');
      break;
    case 'StatefulSet': {
      references.named('governing-service', 'Service', root.getIn(['spec', 'serviceName'], true), 'spec.serviceName');
      const templates = root.getIn(['spec', 'volumeClaimTemplates'], true);
      if (isSeq(templates)) {
        for (const template of templates.items) {
          if (!isMap(template)) continue;
          const claim = template.getIn(['metadata', 'name']);
          references.storageClass(template.getIn(['spec', 'storageClassName'], true), `volumeClaimTemplate ${String(claim ?? '')}`.trim());
        }
      }
      break;
    }
  }
  const created = createdObjectsOf(object.apiVersion, object.kind, object.name, root);
  if (created.length > 0) summary.creates = created;
  return summary;
}

function setPodSelector(
  summary: ObjectSummary,
  root: YAMLMap,
  path: string[],
  rangeOf: (node: YamlNode) => Range,
  form: 'label-selector' | 'plain-map',
): void {
  const parent = root.getIn(path.slice(0, -1), true);
  const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]) : undefined;
  if (!pair) return;
  const node = (pair.value ?? undefined) as YamlNode | undefined;
  const selector = node === undefined ? { matchLabels: {}, matchExpressions: [] } : form === 'plain-map' ? plainMapSelector(node) : readLabelSelector(node);
  // The finding goes on the `selector:` key: one line, rather than the whole mapping below it.
  if (selector) summary.podSelector = { selector, range: rangeOf(pair.key as YamlNode), ...(node ? { valueRange: rangeOf(node) } : {}) };
}

/** Where each data key of a ConfigMap or Secret is written; the first wins when a key repeats across sections. */
function dataKeyRanges(root: YAMLMap, rangeOf: (node: YamlNode) => Range): Record<string, Range> {
  const ranges: Record<string, Range> = {};
  for (const section of ['data', 'stringData', 'binaryData']) {
    const data = root.get(section, true);
    if (!isMap(data)) continue;
    for (const pair of data.items) {
      if (isScalar(pair.key) && !Object.hasOwn(ranges, String(pair.key.value))) ranges[String(pair.key.value)] = rangeOf(pair.key);
    }
  }
  return ranges;
}

function plainMapSelector(node: YamlNode): LabelSelector | undefined {
  const matchLabels = isScalar(node) && node.value === null ? {} : readStringMap(node);
  return matchLabels ? { matchLabels, matchExpressions: [] } : undefined;
}

function summarizeService(summary: ObjectSummary, root: YAMLMap, rangeOf: (node: YamlNode) => Range): void {
  const spec = root.get('spec', true);
  if (!isMap(spec)) return;
  // A Service without a selector is wired by hand (EndpointSlices, ExternalName): nothing to match.
  if (spec.has('selector')) setPodSelector(summary, root, ['spec', 'selector'], rangeOf, 'plain-map');
  summary.headless = spec.get('clusterIP') === 'None';
  const ports = spec.get('ports', true);
  if (isSeq(ports)) {
    summary.servicePorts = ports.items.flatMap((item) => {
      if (!isMap(item)) return [];
      const name = item.get('name');
      const port = item.get('port');
      const targetPort = item.get('targetPort');
      return [{
        ...(typeof name === 'string' ? { name } : {}),
        ...(typeof port === 'number' ? { port } : {}),
        ...(typeof targetPort === 'number' || typeof targetPort === 'string' ? { targetPort } : {}),
      }];
    });
  }
}

function summarizeDisruptionBudget(summary: ObjectSummary, root: YAMLMap, rangeOf: (node: YamlNode) => Range): void {
  const spec = root.get('spec', true);
  if (!isMap(spec)) return;
  const budgetValue = (key: string) => {
    const value = spec.get(key);
    return typeof value === 'number' || typeof value === 'string' ? value : undefined;
  };
  const minAvailable = budgetValue('minAvailable');
  const maxUnavailable = budgetValue('maxUnavailable');
  const node = (spec.get(minAvailable !== undefined ? 'minAvailable' : 'maxUnavailable', true) ?? spec) as YamlNode;
  summary.disruptionBudget = { minAvailable, maxUnavailable, range: rangeOf(node) };
}

function readNetworkPolicy(root: YAMLMap): ObjectSummary['networkPolicy'] {
  const spec = root.get('spec', true);
  const policyTypesNode = isMap(spec) ? spec.get('policyTypes', true) : undefined;
  const policyTypes = isSeq(policyTypesNode) ? policyTypesNode.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : [])) : [];
  const peers: NetworkPolicyPeer[] = [];
  for (const [direction, section, peerKey] of [['ingress', 'ingress', 'from'], ['egress', 'egress', 'to']] as const) {
    const rules = isMap(spec) ? spec.get(section, true) : undefined;
    if (!isSeq(rules)) continue;
    for (const rule of rules.items) {
      const list = isMap(rule) ? rule.get(peerKey, true) : undefined;
      if (!isSeq(list)) continue;
      for (const peer of list.items) {
        if (!isMap(peer) || !peer.has('podSelector')) continue;
        const selectorNode = peer.get('podSelector', true);
        const podSelector = readLabelSelector(selectorNode);
        if (podSelector) peers.push({ direction, podSelector, anyNamespace: peer.has('namespaceSelector') });
      }
    }
  }
  return { policyTypes, peers };
}

/** Records references with the object's namespace and the ranges of what names them. */
class ReferenceCollector {
  constructor(
    private readonly summary: ObjectSummary,
    readonly rangeOf: (node: YamlNode) => Range,
  ) {}

  /** A reference by a scalar name node; nothing when the name is missing, empty or templated. */
  named(
    via: ReferenceKind,
    kind: string,
    nameNode: unknown,
    context: string,
    extra: Partial<Pick<ObjectReference, 'key' | 'keyRange' | 'port' | 'portRange' | 'optional'>> = {},
  ): void {
    if (!isScalar(nameNode) || typeof nameNode.value !== 'string' || nameNode.value.trim() === '') return;
    const namespace = isClusterScoped(kind) ? undefined : this.summary.namespace;
    this.summary.references.push({
      via,
      target: { kind, name: nameNode.value, ...(namespace !== undefined ? { namespace } : {}) },
      range: this.rangeOf(nameNode),
      context,
      ...extra,
    });
  }

  storageClass(nameNode: unknown, context: string): void {
    // `storageClassName: ""` asks for no class at all (static binding): nothing to find.
    this.named('storage-class', 'StorageClass', nameNode, context);
  }

  /** A `secretKeyRef`/`configMapKeyRef` mapping: `name`, `key`, `optional`. */
  keyRef(via: 'secret' | 'config-map', ref: unknown, context: string): void {
    if (!isMap(ref)) return;
    const keyNode = ref.get('key', true);
    const key = isScalar(keyNode) && typeof keyNode.value === 'string' ? keyNode.value : undefined;
    this.named(via, via === 'secret' ? 'Secret' : 'ConfigMap', ref.get('name', true), context, {
      ...(key !== undefined ? { key, keyRange: this.rangeOf(keyNode as YamlNode) } : {}),
      optional: ref.get('optional') === true,
    });
  }

  /** A volume source that names a ConfigMap or Secret and may list `items[].key`. */
  volumeSource(via: 'secret' | 'config-map', source: YAMLMap, nameKey: string, context: string): void {
    const optional = source.get('optional') === true;
    const kind = via === 'secret' ? 'Secret' : 'ConfigMap';
    const items = source.get('items', true);
    const keyed = isSeq(items) ? items.items.filter(isMap).map((item) => item.get('key', true)).filter(isScalar) : [];
    if (keyed.length === 0) {
      this.named(via, kind, source.get(nameKey, true), context, { optional });
      return;
    }
    for (const keyNode of keyed) {
      this.named(via, kind, source.get(nameKey, true), context, { key: String(keyNode.value), keyRange: this.rangeOf(keyNode), optional });
    }
  }
}

function collectPodReferences(pod: YAMLMap, references: ReferenceCollector): void {
  references.named('service-account', 'ServiceAccount', pod.get('serviceAccountName', true), 'serviceAccountName');
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    const containers = pod.get(list, true);
    if (!isSeq(containers)) continue;
    for (const container of containers.items) {
      if (!isMap(container)) continue;
      const containerName = String(container.get('name') ?? '');
      const env = container.get('env', true);
      if (isSeq(env)) {
        for (const variable of env.items) {
          if (!isMap(variable)) continue;
          const context = `container ${containerName} env ${String(variable.get('name') ?? '')}`;
          const valueFrom = variable.get('valueFrom', true);
          if (!isMap(valueFrom)) continue;
          references.keyRef('secret', valueFrom.get('secretKeyRef', true), context);
          references.keyRef('config-map', valueFrom.get('configMapKeyRef', true), context);
        }
      }
      const envFrom = container.get('envFrom', true);
      if (isSeq(envFrom)) {
        for (const source of envFrom.items) {
          if (!isMap(source)) continue;
          const context = `container ${containerName} envFrom`;
          for (const [key, via] of [['secretRef', 'secret'], ['configMapRef', 'config-map']] as const) {
            const ref = source.get(key, true);
            if (!isMap(ref)) continue;
            references.named(via, via === 'secret' ? 'Secret' : 'ConfigMap', ref.get('name', true), context, { optional: ref.get('optional') === true });
          }
        }
      }
    }
  }
  const volumes = pod.get('volumes', true);
  if (isSeq(volumes)) {
    for (const volume of volumes.items) {
      if (!isMap(volume)) continue;
      const context = `volume ${String(volume.get('name') ?? '')}`;
      const secret = volume.get('secret', true);
      if (isMap(secret)) references.volumeSource('secret', secret, 'secretName', context);
      const configMap = volume.get('configMap', true);
      if (isMap(configMap)) references.volumeSource('config-map', configMap, 'name', context);
      const claim = volume.get('persistentVolumeClaim', true);
      if (isMap(claim)) references.named('persistent-volume-claim', 'PersistentVolumeClaim', claim.get('claimName', true), context);
      const projected = volume.getIn(['projected', 'sources'], true);
      if (isSeq(projected)) {
        for (const source of projected.items) {
          if (!isMap(source)) continue;
          const projectedSecret = source.get('secret', true);
          if (isMap(projectedSecret)) references.volumeSource('secret', projectedSecret, 'name', context);
          const projectedConfigMap = source.get('configMap', true);
          if (isMap(projectedConfigMap)) references.volumeSource('config-map', projectedConfigMap, 'name', context);
        }
      }
    }
  }
}

function collectIngressReferences(root: YAMLMap, references: ReferenceCollector): void {
  const backend = (node: unknown, context: string) => {
    if (!isMap(node)) return;
    const service = node.get('service', true);
    if (!isMap(service)) return;
    const portNode = service.get('port', true);
    let port: { port?: string | number; portRange?: Range } = {};
    if (isMap(portNode)) {
      const number = portNode.get('number', true);
      const name = portNode.get('name', true);
      const chosen = isScalar(number) && typeof number.value === 'number' ? number : isScalar(name) && typeof name.value === 'string' ? name : undefined;
      if (chosen) port = { port: chosen.value as string | number, portRange: references.rangeOf(chosen) };
    }
    references.named('ingress-backend', 'Service', service.get('name', true), context, port);
  };
  const spec = root.get('spec', true);
  if (!isMap(spec)) return;
  backend(spec.get('defaultBackend', true), 'defaultBackend');
  const rules = spec.get('rules', true);
  if (isSeq(rules)) {
    for (const rule of rules.items) {
      if (!isMap(rule)) continue;
      const host = rule.get('host');
      const paths = rule.getIn(['http', 'paths'], true);
      if (!isSeq(paths)) continue;
      for (const path of paths.items) {
        if (isMap(path)) backend(path.get('backend', true), `${typeof host === 'string' ? host : ''}${String(path.get('path') ?? '')}` || 'rule');
      }
    }
  }
  const tls = spec.get('tls', true);
  if (isSeq(tls)) {
    for (const entry of tls.items) {
      if (isMap(entry)) references.named('ingress-tls-secret', 'Secret', entry.get('secretName', true), 'tls');
    }
  }
}

function summarizeAutoscalerFloor(summary: ObjectSummary, root: YAMLMap): void {
  const minReplicas = root.getIn(['spec', 'minReplicas']);
  if (minReplicas === undefined) summary.minReplicas = 1;
  else if (typeof minReplicas === 'number' && Number.isInteger(minReplicas)) summary.minReplicas = minReplicas;
}

function collectScaleTarget(root: YAMLMap, references: ReferenceCollector): void {
  const target = root.getIn(['spec', 'scaleTargetRef'], true);
  if (!isMap(target)) return;
  const kind = target.get('kind');
  if (typeof kind !== 'string' || kind === '') return;
  references.named('scale-target', kind, target.get('name', true), 'spec.scaleTargetRef');
}

function readContainerPorts(pod: YAMLMap): ContainerPort[] {
  const containers = pod.get('containers', true);
  if (!isSeq(containers)) return [];
  return containers.items.flatMap((container) => {
    const ports = isMap(container) ? container.get('ports', true) : undefined;
    if (!isSeq(ports)) return [];
    return ports.items.flatMap((item): ContainerPort[] => {
      if (!isMap(item)) return [];
      const containerPort = item.get('containerPort');
      if (typeof containerPort !== 'number' || !Number.isInteger(containerPort)) return [];
      const name = item.get('name');
      const protocol = item.get('protocol');
      return [{
        ...(typeof name === 'string' && name !== '' ? { name } : {}),
        containerPort,
        ...(typeof protocol === 'string' && protocol !== 'TCP' ? { protocol } : {}),
      }];
    });
  });
}

// Objects that make the cluster create Secrets or ConfigMaps which the workspace never writes itself. Pods
// that name those are not missing anything. Keyed by API group (the part of apiVersion before `/`) and kind.
const CREATORS: Record<string, (root: YAMLMap, name: string | undefined) => CreatedObject[]> = {
  // cert-manager writes the issued certificate to `spec.secretName`.
  'cert-manager.io/Certificate': (root) => createdSecrets([root.getIn(['spec', 'secretName'])]),
  // The Key Vault (Secrets Store CSI) driver syncs mounted secrets into `secretObjects[].secretName`.
  'secrets-store.csi.x-k8s.io/SecretProviderClass': (root) => {
    const objects = root.getIn(['spec', 'secretObjects'], true);
    return createdSecrets(isSeq(objects) ? objects.items.map((item) => (isMap(item) ? item.get('secretName') : undefined)) : []);
  },
  // Sealed Secrets decrypts into a Secret of the same name.
  'bitnami.com/SealedSecret': (_root, name) => createdSecrets([name]),
  // External Secrets writes `spec.target.name`, by default the ExternalSecret's own name.
  'external-secrets.io/ExternalSecret': (root, name) => createdSecrets([root.getIn(['spec', 'target', 'name']) ?? name]),
  // Kustomize generates ConfigMaps and Secrets, and rewrites the references to their hashed names.
  'kustomize.config.k8s.io/Kustomization': (root) => [
    ...generatedNames(root.get('configMapGenerator', true)).map((name) => ({ kind: 'ConfigMap' as const, name })),
    ...generatedNames(root.get('secretGenerator', true)).map((name) => ({ kind: 'Secret' as const, name })),
  ],
};

/** The kinds whose objects may create Secrets or ConfigMaps (`ObjectSummary.creates`). */
export const CREATOR_KINDS: readonly string[] = [...new Set(Object.keys(CREATORS).map((key) => key.slice(key.indexOf('/') + 1)))];

function createdObjectsOf(apiVersion: string, kind: string, name: string | undefined, root: YAMLMap): CreatedObject[] {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return CREATORS[`${group}/${kind}`]?.(root, name) ?? [];
}

function createdSecrets(names: unknown[]): CreatedObject[] {
  return names.flatMap((name) => (typeof name === 'string' && name !== '' ? [{ kind: 'Secret' as const, name }] : []));
}

function generatedNames(generators: unknown): string[] {
  if (!isSeq(generators)) return [];
  return generators.items.flatMap((item) => {
    const name = isMap(item) ? item.get('name') : undefined;
    return typeof name === 'string' && name !== '' ? [name] : [];
  });
}
