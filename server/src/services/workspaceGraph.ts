import { selectorMatches, type LabelSelector } from '../model/labelSelector';
import { isClusterScoped, type ObjectReference, type ObjectSummary, type ReferenceKind } from '../model/objectSummary';
import { DEFAULT_NAMESPACE, namespaceOf, type WorkspaceView } from '../model/workspaceIndex';
import type { WorkspaceGraph, WorkspaceGraphEdge, WorkspaceGraphEdgeKind, WorkspaceGraphNode, WorkspaceGraphParams } from '../protocol';
import { identityRange, selectedWorkloads, targetsOf } from './navigationService';

// The "Your workspace" diagram as data: every object of the workspace index as a node, and what ties them
// together (routes, selectors, mounts, references, autoscalers, budgets, network policies) as edges.
// Objects that something names but the workspace lacks become `missing` nodes, so a broken link shows.

/** One finding of a file, as far as a badge needs it. */
export interface LineFinding {
  line: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

export interface WorkspaceGraphOptions {
  /** The findings of a file (the caller decides where they come from); asked once per file shown. */
  findingsIn(uri: string): Promise<readonly LineFinding[]> | readonly LineFinding[];
  scope?: WorkspaceGraphParams;
}

/**
 * Kinds left out of the graph: they tie to nothing the diagram draws and would only add loose boxes.
 * A Namespace is already every node's `namespace`; a CRD describes a type, not a running thing.
 */
const LEFT_OUT_KINDS: ReadonlySet<string> = new Set(['Namespace', 'CustomResourceDefinition']);
// Kustomize's own files (`kustomization.yaml`) are build instructions, not objects of the cluster.
const LEFT_OUT_API_GROUPS = ['kustomize.config.k8s.io/'];

/** How each kind of reference is drawn; `undefined`: not drawn (a StatefulSet's governing Service is also its selecting Service). */
const EDGE_OF_REFERENCE: Record<ReferenceKind, { kind: WorkspaceGraphEdgeKind; label?: (reference: ObjectReference) => string | undefined } | undefined> = {
  'ingress-backend': { kind: 'routes', label: (reference) => reference.context },
  'ingress-tls-secret': { kind: 'uses-secret', label: () => 'TLS' },
  'scale-target': { kind: 'scales' },
  secret: { kind: 'uses-secret' },
  'config-map': { kind: 'uses-config' },
  'persistent-volume-claim': { kind: 'mounts' },
  'storage-class': { kind: 'storage-class', label: (reference) => (reference.context.startsWith('volumeClaimTemplate') ? reference.context : undefined) },
  'service-account': { kind: 'service-account' },
  'governing-service': undefined,
};

// Every namespace has a ServiceAccount "default": naming it is never a broken link.
const IMPLICIT_OBJECTS: ReadonlySet<string> = new Set(['ServiceAccount/default']);

const MAX_LABEL = 200;

/** The workspace graph, whole or scoped to a namespace or to one file's objects and their neighbours. */
export async function buildWorkspaceGraph(workspace: WorkspaceView, options: WorkspaceGraphOptions): Promise<WorkspaceGraph> {
  const builder = new GraphBuilder(workspace);
  for (const object of workspace.all()) if (isShown(object)) builder.addObject(object);
  for (const object of builder.objects()) builder.addEdgesOf(object);
  const graph = scoped(builder.graph(), options.scope);
  await badgeFindings(graph.nodes, builder, options.findingsIn);
  return graph;
}

function isShown(object: ObjectSummary): boolean {
  return !LEFT_OUT_KINDS.has(object.kind) && !LEFT_OUT_API_GROUPS.some((group) => object.apiVersion.startsWith(group));
}

const identityOf = (kind: string, namespace: string | undefined, name: string) => `${kind}/${namespace ?? ''}/${name}`;

class GraphBuilder {
  private readonly nodes = new Map<string, WorkspaceGraphNode>();
  private readonly nodeOfObject = new Map<ObjectSummary, string>();
  private readonly objectOfNode = new Map<string, ObjectSummary>();
  private readonly edges = new Map<string, WorkspaceGraphEdge>();

  constructor(private readonly workspace: WorkspaceView) {}

  objects(): IterableIterator<ObjectSummary> {
    return this.nodeOfObject.keys();
  }

  /** The object a node stands for; undefined for a missing node. */
  objectOf(nodeId: string): ObjectSummary | undefined {
    return this.objectOfNode.get(nodeId);
  }

  /** Node ids are `kind/namespace/name`; an object defined again in another file or document gets its place appended. */
  addObject(object: ObjectSummary): void {
    const namespace = namespaceOf(object) ?? '';
    const identity = identityOf(object.kind, namespace, object.name ?? '');
    const id = object.name && !this.nodes.has(identity) ? identity : `${identity}@${object.uri}#${object.documentIndex}`;
    this.nodeOfObject.set(object, id);
    this.objectOfNode.set(id, object);
    this.nodes.set(id, {
      id,
      kind: object.kind,
      name: object.name ?? '',
      namespace,
      uri: object.uri,
      range: identityRange(object),
      findings: { errors: 0, warnings: 0, infos: 0 },
    });
  }

  addEdgesOf(object: ObjectSummary): void {
    const from = this.nodeOfObject.get(object)!;
    for (const reference of object.references) {
      const drawn = EDGE_OF_REFERENCE[reference.via];
      if (!drawn) continue;
      const label = drawn.label?.(reference);
      const targets = this.shownTargets(object, reference);
      if (targets.length === 0) {
        const missing = this.missingNode(object, reference);
        if (missing) this.addEdge(from, missing, drawn.kind, label);
      }
      for (const target of targets) this.addEdge(from, target, drawn.kind, label);
    }

    switch (object.kind) {
      case 'Service':
        for (const workload of this.selected(object)) this.addEdge(from, workload, 'selects');
        break;
      case 'PodDisruptionBudget':
        for (const workload of this.selected(object)) this.addEdge(from, workload, 'protects');
        break;
      case 'NetworkPolicy':
        this.addNetworkPolicyEdges(object, from);
        break;
    }
  }

  graph(): WorkspaceGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  /**
   * A NetworkPolicy selects workloads, and each peer of its rules lets traffic flow: from the peer's pods to
   * the selected ones (ingress), or from the selected ones to the peer's pods (egress).
   */
  private addNetworkPolicyEdges(policy: ObjectSummary, from: string): void {
    const selected = this.selected(policy);
    for (const workload of selected) this.addEdge(from, workload, 'selects');
    const namespace = namespaceOf(policy)!;
    for (const peer of policy.networkPolicy?.peers ?? []) {
      const peers = this.workloadsMatching(policy, peer.podSelector, peer.anyNamespace ? undefined : namespace);
      for (const selectedWorkload of selected) {
        for (const peerWorkload of peers) {
          if (peerWorkload === selectedWorkload) continue;
          const [source, destination] = peer.direction === 'ingress' ? [peerWorkload, selectedWorkload] : [selectedWorkload, peerWorkload];
          this.addEdge(source, destination, 'allows', policy.name);
        }
      }
    }
  }

  private selected(selecting: ObjectSummary): string[] {
    return nearestCopies(selecting, selectedWorkloads(selecting, this.workspace)).flatMap((workload) => this.idOf(workload));
  }

  /** Workload nodes whose pods a policy's peer matches, in one namespace or (a peer with a namespaceSelector) in any. */
  private workloadsMatching(policy: ObjectSummary, selector: LabelSelector, namespace: string | undefined): string[] {
    const matching = namespace !== undefined
      ? this.workspace.workloadsSelectedBy(selector, namespace)
      : [...this.nodeOfObject.keys()].filter((object) => object.podLabels && selectorMatches(selector, object.podLabels));
    return nearestCopies(policy, matching).flatMap((workload) => this.idOf(workload));
  }

  private shownTargets(from: ObjectSummary, reference: ObjectReference): string[] {
    return nearestCopies(from, targetsOf(reference, this.workspace)).flatMap((target) => this.idOf(target));
  }

  private idOf(object: ObjectSummary): string[] {
    const id = this.nodeOfObject.get(object);
    return id === undefined ? [] : [id];
  }

  /** A dashed node for an object a reference names and the workspace lacks; shown where it is first named. */
  private missingNode(from: ObjectSummary, reference: ObjectReference): string | undefined {
    const { kind, name } = reference.target;
    if (IMPLICIT_OBJECTS.has(`${kind}/${name}`)) return undefined;
    const namespace = isClusterScoped(kind) ? '' : reference.target.namespace || DEFAULT_NAMESPACE;
    const id = identityOf(kind, namespace, name);
    if (!this.nodes.has(id)) {
      this.nodes.set(id, { id, kind, name, namespace, uri: from.uri, range: reference.range, findings: { errors: 0, warnings: 0, infos: 0 }, missing: true });
    }
    return this.nodes.get(id)!.missing ? id : undefined;
  }

  /** One edge per pair and kind; the labels of repeated links (several Ingress paths to one Service) are merged. */
  private addEdge(from: string, to: string, kind: WorkspaceGraphEdgeKind, label?: string): void {
    const key = `${kind}\u0000${from}\u0000${to}`;
    const existing = this.edges.get(key);
    if (!existing) {
      this.edges.set(key, { from, to, kind, ...(label ? { label: label.slice(0, MAX_LABEL) } : {}) });
      return;
    }
    if (!label) return;
    const labels = new Set((existing.label ?? '').split(', ').filter((part) => part !== ''));
    labels.add(label);
    const merged = [...labels].join(', ');
    existing.label = merged.length <= MAX_LABEL ? merged : `${merged.slice(0, MAX_LABEL - 1)}…`;
  }
}

/**
 * Of the objects a link reaches, the copies nearest to where the link is written, per object. A repository
 * often holds one app several times (an all-in-one file, a kustomize base, a quickstart): a Service's edge
 * goes to the Deployment beside it (same file, else same folder), not to every copy of it; an object with
 * no copy nearby keeps all of them.
 */
function nearestCopies(from: ObjectSummary, objects: readonly ObjectSummary[]): ObjectSummary[] {
  const copies = new Map<string, ObjectSummary[]>();
  objects.forEach((object, position) => {
    // Unnamed objects are not copies of one another.
    const identity = object.name ? identityOf(object.kind, namespaceOf(object), object.name) : `#${position}`;
    copies.set(identity, [...(copies.get(identity) ?? []), object]);
  });
  const folder = folderOf(from.uri);
  return [...copies.values()].flatMap((group) => {
    if (group.length === 1) return group;
    const sameFile = group.filter((object) => object.uri === from.uri);
    if (sameFile.length > 0) return sameFile;
    const sameFolder = group.filter((object) => folderOf(object.uri) === folder);
    return sameFolder.length > 0 ? sameFolder : group;
  });
}

const folderOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));

/**
 * Narrows the graph. A namespace keeps its objects and the cluster-wide ones they use (StorageClasses);
 * a file keeps its objects and everything one edge away from them.
 */
function scoped(graph: WorkspaceGraph, scope: WorkspaceGraphParams | undefined): WorkspaceGraph {
  let { nodes, edges } = graph;
  const keep = (ids: Set<string>) => {
    nodes = nodes.filter((node) => ids.has(node.id));
    edges = edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  };
  if (scope?.namespace !== undefined) {
    const inNamespace = new Set(nodes.filter((node) => node.namespace === scope.namespace).map((node) => node.id));
    const clusterWide = new Set(nodes.filter((node) => node.namespace === '').map((node) => node.id));
    const kept = new Set(inNamespace);
    for (const edge of edges) {
      if (inNamespace.has(edge.from) && clusterWide.has(edge.to)) kept.add(edge.to);
      if (inNamespace.has(edge.to) && clusterWide.has(edge.from)) kept.add(edge.from);
    }
    keep(kept);
  }
  if (scope?.uri !== undefined) {
    const focus = new Set(nodes.filter((node) => node.uri === scope.uri && !node.missing).map((node) => node.id));
    const kept = new Set(focus);
    for (const edge of edges) {
      if (focus.has(edge.from)) kept.add(edge.to);
      if (focus.has(edge.to)) kept.add(edge.from);
    }
    keep(kept);
  }
  return { nodes, edges };
}

/** Counts each file's findings onto the objects whose document holds them; each file is asked once. */
async function badgeFindings(
  nodes: readonly WorkspaceGraphNode[],
  builder: GraphBuilder,
  findingsIn: WorkspaceGraphOptions['findingsIn'],
): Promise<void> {
  const byUri = new Map<string, Array<{ node: WorkspaceGraphNode; object: ObjectSummary }>>();
  for (const node of nodes) {
    const object = builder.objectOf(node.id);
    if (!object) continue;
    const entries = byUri.get(node.uri) ?? [];
    entries.push({ node, object });
    byUri.set(node.uri, entries);
  }
  for (const [uri, entries] of byUri) {
    const findings = await findingsIn(uri);
    for (const finding of findings) {
      const holder = entries.find(({ object }) => finding.line >= object.range.start.line && finding.line <= object.range.end.line);
      if (!holder) continue;
      const counts = holder.node.findings;
      if (finding.severity === 'error') counts.errors++;
      else if (finding.severity === 'warning') counts.warnings++;
      else if (finding.severity === 'info') counts.infos++;
    }
  }
}
