// The guide's seven architecture diagrams as data: boxes, arrows and frames, each box with a short
// explanation in our own words, the knowledge entry that says more, and the snippet that creates it.
// "Kube Guide: Show Architecture Diagrams" draws them (the client asks with GUIDE_DIAGRAMS_REQUEST);
// where boxes sit is left to the layout, so the data says only what is connected to what.
import type { GuideDiagram, GuideDiagramEdge, GuideDiagramGroup, GuideDiagramNode } from '../protocol';
import { KNOWLEDGE_AREAS } from './lookup';
import type { KnowledgeEntry } from './types';

/** A box as written here: its text, plus the id of a knowledge entry whose advice is appended. */
export interface DiagramNodeSource extends GuideDiagramNode {
  knowledge?: string;
}

export interface DiagramSource extends Omit<GuideDiagram, 'nodes'> {
  nodes: DiagramNodeSource[];
}

const node = (id: string, label: string, category: GuideDiagramNode['category'], text: string, more: Partial<DiagramNodeSource> = {}): DiagramNodeSource => ({
  id,
  label,
  category,
  text,
  ...more,
});
const edge = (from: string, to: string, label?: string, more: Partial<GuideDiagramEdge> = {}): GuideDiagramEdge => ({
  from,
  to,
  ...(label ? { label } : {}),
  ...more,
});
const group = (id: string, label: string): GuideDiagramGroup => ({ id, label });

const CONTROL_PLANE: DiagramSource = {
  id: 'control-plane',
  title: 'Control plane and nodes',
  summary: 'Every change goes through the API server; the other components watch it and act. On AKS, Azure runs the control plane for you.',
  guideSection: '1. Kubernetes Core Components',
  direction: 'TB',
  groups: [group('control-plane', 'Control plane (run by Azure on AKS)'), group('worker', 'Worker node (one of many)')],
  nodes: [
    node('user', 'You', 'person', 'People and pipelines talk to the cluster through `kubectl`, `az aks` or a CI tool. All of them call the API server; nothing talks to the nodes directly.', { sublabel: 'kubectl, CI/CD' }),
    node('api-server', 'API server', 'control-plane',
      'The front door of the cluster. It authenticates and authorizes each request, validates the object, stores it in etcd and tells watchers about the change.\n\n' +
      'On AKS the API server is managed by Azure: you never write its manifest, and you can make it private or limit it to authorized IP ranges.',
      { sublabel: 'kube-apiserver', group: 'control-plane', snippet: 'k8s-static-pod-apiserver' }),
    node('etcd', 'etcd', 'control-plane',
      'The key-value database that holds the whole desired and observed state of the cluster. Only the API server reads and writes it.\n\n' +
      'On AKS Azure runs and backs up etcd; back up your own manifests in Git instead.',
      { group: 'control-plane' }),
    node('scheduler', 'Scheduler', 'control-plane',
      'Picks a node for each new pod: enough free CPU and memory for its requests, matching node selectors, affinity, taints and topology spread.\n\n' +
      'Pods without resource requests look free to the scheduler, which is how nodes get overcommitted.',
      { sublabel: 'kube-scheduler', group: 'control-plane' }),
    node('controller-manager', 'Controller manager', 'control-plane',
      'Runs the control loops that turn desired state into real state: Deployments create ReplicaSets, ReplicaSets create pods, endpoints follow the pods behind each Service, dead nodes get their pods replaced.',
      { sublabel: 'kube-controller-manager', group: 'control-plane' }),
    node('kubelet', 'kubelet', 'node-agent',
      'The agent on every node. It watches the API server for pods placed on its node, starts them through the container runtime, runs their probes and reports their status back.\n\n' +
      'It is a service of the node\'s operating system, not a pod; its settings live in a KubeletConfiguration file (on AKS, set them per node pool).',
      { group: 'worker', snippet: 'k8s-kubelet-config' }),
    node('kube-proxy', 'kube-proxy', 'node-agent',
      'Programs the node\'s packet rules so that traffic to a Service\'s cluster IP reaches one of the pods behind it. On AKS with Azure CNI powered by Cilium, eBPF takes over this job.',
      { group: 'worker' }),
    node('runtime', 'Container runtime', 'node-agent',
      'Pulls images and runs the containers the kubelet asks for. AKS nodes use containerd; Docker is no longer a Kubernetes runtime.',
      { sublabel: 'containerd', group: 'worker' }),
    node('pods', 'Your pods', 'workload',
      'Your application containers. You rarely create pods yourself: a Deployment, StatefulSet or DaemonSet creates and replaces them for you.',
      { group: 'worker', knowledge: 'kind/Pod', snippet: 'k8s-deployment' }),
  ],
  edges: [
    edge('user', 'api-server', 'requests (HTTPS)'),
    edge('api-server', 'etcd', 'stores state', { bidirectional: true }),
    edge('api-server', 'scheduler', 'watch / bind', { style: 'dashed', bidirectional: true }),
    edge('api-server', 'controller-manager', 'watch / update', { style: 'dashed', bidirectional: true }),
    edge('api-server', 'kubelet', 'pods for this node', { bidirectional: true }),
    edge('api-server', 'kube-proxy', 'Services, endpoints', { style: 'dashed' }),
    edge('kubelet', 'runtime', 'start containers'),
    edge('runtime', 'pods', 'runs'),
  ],
};

const SERVICE_TYPES: DiagramSource = {
  id: 'service-types',
  title: 'Service types',
  summary: 'Each Service type builds on the one below it: a LoadBalancer opens a node port, a node port forwards to a cluster IP, and the cluster IP reaches the pods the selector matches.',
  guideSection: 'Diagram: Kubernetes Service Types',
  direction: 'TB',
  groups: [],
  nodes: [
    node('client', 'Client', 'person', 'Whoever calls the application: a browser, another system, or on the inside another pod.', { sublabel: 'outside the cluster' }),
    node('load-balancer', 'LoadBalancer Service', 'network',
      'Gets an address from the cloud\'s load balancer and forwards it to a node port on every node. Use it for traffic that is not HTTP; for HTTP, one ingress controller behind one load balancer serves many applications.',
      { sublabel: 'external IP', knowledge: 'service-type/LoadBalancer', snippet: 'k8s-service-loadbalancer' }),
    node('node-port', 'NodePort Service', 'network',
      'Opens the same port (30000-32767) on every node and forwards it to the Service. Rarely what you want on AKS: nodes come and go, and their addresses are not meant to be public.',
      { sublabel: 'node IP : port', knowledge: 'service-type/NodePort', snippet: 'k8s-service-nodeport' }),
    node('cluster-ip', 'ClusterIP Service', 'network',
      'The default type: a stable virtual address and DNS name (`name.namespace.svc.cluster.local`) inside the cluster. Other pods call it; it spreads calls over the ready pods that match its selector.',
      { sublabel: 'cluster IP', knowledge: 'service-type/ClusterIP', snippet: 'k8s-service' }),
    node('pods', 'Pods', 'workload',
      'The pods whose labels match the Service\'s `selector`. Only pods that pass their readiness probe receive traffic, so a pod that is starting or failing is skipped.',
      { sublabel: 'selected by labels', knowledge: 'kind/Deployment', snippet: 'k8s-deployment' }),
  ],
  edges: [
    edge('client', 'load-balancer', 'external IP : port'),
    edge('load-balancer', 'node-port', 'node IP : node port'),
    edge('node-port', 'cluster-ip', 'cluster IP : port'),
    edge('cluster-ip', 'pods', 'label selector → targetPort'),
  ],
};

const AKS_END_TO_END: DiagramSource = {
  id: 'aks-end-to-end',
  title: 'End-to-end architecture on AKS',
  summary: 'A JavaScript frontend and a Java backend on AKS, behind an Azure entry point, with their database, secrets, storage and monitoring in Azure services.',
  guideSection: '1. High-Level Architecture Diagram',
  direction: 'TB',
  groups: [group('cluster', 'AKS cluster')],
  nodes: [
    node('user', 'Users', 'person', 'People using the application from a browser or a mobile app, over HTTPS.'),
    node('entry', 'Front Door / Application Gateway', 'azure',
      'The public entry point in Azure. **Front Door** is global (CDN, failover between regions); **Application Gateway** is regional. Both can end TLS and filter requests with a web application firewall before they reach the cluster.',
      { sublabel: 'TLS, web application firewall' }),
    node('ingress', 'Ingress controller', 'network',
      'Routes HTTP requests to Services by host and path, as Ingress objects say. On AKS, the application routing add-on (managed NGINX) or the Application Gateway ingress controller; choose it with `ingressClassName`, not with the old annotation.',
      { sublabel: 'app routing (NGINX) or AGIC', group: 'cluster', knowledge: 'kind/Ingress', snippet: 'k8s-ingress-tls' }),
    node('frontend', 'JavaScript frontend', 'workload',
      'The web application (React, Angular, Vue...), usually static files served by a small web server, run as a Deployment with several replicas behind a ClusterIP Service.',
      { sublabel: 'Deployment + Service', group: 'cluster', knowledge: 'kind/Deployment', snippet: 'k8s-deployment' }),
    node('backend', 'Java backend', 'workload',
      'The microservices (Spring Boot, Quarkus...) as Deployments with their own Services. They call each other by Service DNS name, and reach Azure services with **Workload Identity** rather than stored passwords.',
      { sublabel: 'microservices', group: 'cluster', knowledge: 'kind/ServiceAccount', snippet: 'aks-deployment-workload-identity' }),
    node('sql', 'Azure SQL Database', 'azure',
      'The managed relational database (or SQL Managed Instance). Reach it over a private endpoint in the cluster\'s virtual network, and sign in with Microsoft Entra ID through Workload Identity instead of a password in a Secret.',
      { sublabel: 'or SQL Managed Instance' }),
    node('key-vault', 'Azure Key Vault', 'security',
      'Holds passwords, keys and certificates outside the cluster. Pods read them through the Secrets Store CSI driver, authenticated by Workload Identity (AAD Pod Identity, which the guide mentions, is retired).',
      { sublabel: 'secrets, keys, certificates', knowledge: 'kind/Secret', snippet: 'aks-deployment-workload-identity' }),
    node('monitor', 'Azure Monitor', 'observability',
      'Collects container logs, metrics and traces (Container insights, managed Prometheus, Log Analytics) from the cluster, the applications and the database, for dashboards and alerts.',
      { sublabel: 'Log Analytics, Prometheus' }),
    node('storage', 'Azure Storage', 'storage',
      'Backs persistent volumes: Azure Disks for one pod at a time, Azure Files for shares, Blob storage for large files. Storage classes with the CSI drivers create them on demand.',
      { sublabel: 'Disks, Files, Blob', knowledge: 'kind/StorageClass', snippet: 'aks-pvc-azurefile' }),
  ],
  edges: [
    edge('user', 'entry', 'HTTPS'),
    edge('entry', 'ingress', 'HTTPS'),
    edge('ingress', 'frontend', 'host / path'),
    edge('frontend', 'backend', 'REST over a Service'),
    edge('backend', 'sql', 'private endpoint'),
    edge('backend', 'key-vault', 'secrets (Workload Identity)', { style: 'dashed' }),
    edge('backend', 'storage', 'persistent volumes', { style: 'dashed' }),
    edge('backend', 'monitor', 'logs, metrics', { style: 'dashed' }),
    edge('sql', 'monitor', 'diagnostics', { style: 'dashed' }),
  ],
};

const STATEFUL_STORAGE: DiagramSource = {
  id: 'stateful-storage',
  title: 'Stateful service and storage',
  summary: 'A StatefulSet gives each pod its own claim and its own Azure Disk; pods that must share files mount one Azure Files share through a single claim.',
  guideSection: '7. Diagram: Stateful Service and Storage Integration',
  direction: 'LR',
  groups: [group('per-pod', 'One disk per pod'), group('shared', 'One share for many pods')],
  nodes: [
    node('statefulset', 'StatefulSet', 'workload',
      'Creates pods with stable names (`db-0`, `db-1`) and, from its `volumeClaimTemplates`, one claim per pod that follows the pod when it moves.',
      { knowledge: 'kind/StatefulSet', snippet: 'k8s-statefulset-postgres' }),
    node('pod-0', 'Pod 0', 'workload', 'The first replica, always named after the StatefulSet with `-0` (`db-0`). After a restart or a move to another node it gets the same name and the same disk back.', { group: 'per-pod' }),
    node('pod-1', 'Pod 1', 'workload', 'The second replica (`db-1`): created only once pod 0 is ready, and removed before it when scaling down.', { group: 'per-pod' }),
    node('pvc-0', 'Claim 0', 'storage',
      'The PersistentVolumeClaim made from the template for pod 0. It asks for `ReadWriteOnce`: one node at a time. Deleting the StatefulSet keeps it, so the data survives.',
      { sublabel: 'ReadWriteOnce', group: 'per-pod', knowledge: 'kind/PersistentVolumeClaim', snippet: 'aks-pvc-azuredisk' }),
    node('pvc-1', 'Claim 1', 'storage', 'The claim of pod 1, with its own size and its own disk: replicas never share a disk.', { sublabel: 'ReadWriteOnce', group: 'per-pod', snippet: 'aks-pvc-azuredisk' }),
    node('disk-0', 'Azure Disk 0', 'azure',
      'A managed disk created by the Azure Disk CSI driver (`disk.csi.azure.com`). A disk lives in one availability zone, so its pod can only run in that zone unless the SKU is zone-redundant (ZRS).',
      { group: 'per-pod', knowledge: 'provisioner/disk.csi.azure.com', snippet: 'aks-storageclass-azuredisk' }),
    node('disk-1', 'Azure Disk 1', 'azure', 'The second replica\'s disk. Use a storage class with `volumeBindingMode: WaitForFirstConsumer` so each disk is created in the zone where its pod is scheduled.', { group: 'per-pod', snippet: 'aks-storageclass-azuredisk' }),
    node('app-pods', 'App pods', 'workload', 'Any number of pods, often of a Deployment, that read and write the same files: uploads, shared content, reports.', { sublabel: 'any number', group: 'shared', snippet: 'aks-azurefile-mount' }),
    node('pvc-shared', 'Shared claim', 'storage',
      'One claim with `ReadWriteMany`, mounted by every pod that needs the files. Azure Disks cannot do this; Azure Files can.',
      { sublabel: 'ReadWriteMany', group: 'shared', knowledge: 'access-mode/ReadWriteMany', snippet: 'aks-pvc-azurefile' }),
    node('file-share', 'Azure Files share', 'azure',
      'An SMB or NFS share created by the Azure Files CSI driver (`file.csi.azure.com`), which many nodes can mount at once. Premium shares suit busy workloads.',
      { group: 'shared', knowledge: 'provisioner/file.csi.azure.com', snippet: 'aks-storageclass-azurefile' }),
  ],
  // Pod 1's arrows first: the layout then draws pod 0 above pod 1.
  edges: [
    edge('statefulset', 'pod-1', 'creates'),
    edge('statefulset', 'pod-0', 'creates'),
    edge('pod-1', 'pvc-1', 'mounts'),
    edge('pod-0', 'pvc-0', 'mounts'),
    edge('pvc-1', 'disk-1', 'bound to'),
    edge('pvc-0', 'disk-0', 'bound to'),
    edge('app-pods', 'pvc-shared', 'all mount'),
    edge('pvc-shared', 'file-share', 'bound to'),
  ],
};

const NODE_POOL_UPGRADE: DiagramSource = {
  id: 'node-pool-upgrade',
  title: 'Node pool upgrade',
  summary: 'Upgrade the control plane first, then one node pool at a time: take nodes out of service, upgrade them, check them, and put them back.',
  guideSection: '4. Diagram: Upgrade Flow',
  direction: 'LR',
  groups: [group('pool', 'Each node pool in turn')],
  nodes: [
    node('control-plane', 'Upgrade the control plane', 'step',
      'Upgrade the cluster\'s Kubernetes version first (`az aks upgrade --control-plane-only`): nodes may run older minor versions than the control plane, never newer ones. Check the release notes for removed API versions before you start.',
      { sublabel: 'az aks upgrade' }),
    node('cordon', 'Cordon', 'step',
      'Mark the node unschedulable so no new pods land on it. AKS does this for you during `az aks nodepool upgrade`, after adding surge nodes (`--max-surge`) to take the load.',
      { group: 'pool' }),
    node('drain', 'Drain', 'step',
      'Evict the node\'s pods so their controllers recreate them elsewhere. Evictions respect PodDisruptionBudgets: a budget that allows no disruption blocks the drain.',
      { group: 'pool', knowledge: 'kind/PodDisruptionBudget', snippet: 'k8s-pdb' }),
    node('upgrade', 'Upgrade nodes', 'step',
      'Replace the node with one running the new node image and Kubernetes version. Surge nodes make this faster at the cost of extra VMs for a while.',
      { sublabel: 'az aks nodepool upgrade', group: 'pool' }),
    node('validate', 'Validate', 'step',
      'Check that nodes are Ready, pods are running and passing their probes, and the application answers, before going further. Stop here if anything is wrong.',
      { group: 'pool', knowledge: 'field/readinessProbe' }),
    node('uncordon', 'Uncordon', 'step',
      'Make the upgraded nodes schedulable again so they take their share of pods. AKS does this at the end of each node\'s upgrade.',
      { group: 'pool' }),
    node('next-pool', 'Next node pool', 'step',
      'Upgrade pools one at a time, system pool included, so that a problem shows up on one pool while the others still run the old version.'),
  ],
  edges: [
    edge('control-plane', 'cordon'),
    edge('cordon', 'drain'),
    edge('drain', 'upgrade'),
    edge('upgrade', 'validate'),
    edge('validate', 'uncordon'),
    edge('uncordon', 'next-pool'),
    edge('next-pool', 'cordon', 'repeat', { style: 'dashed' }),
  ],
};

const NETWORK_POLICY: DiagramSource = {
  id: 'network-policy',
  title: 'Frontend-to-backend network policy',
  summary: 'Once a policy selects the backend pods, they accept traffic only from the pods it allows: here the frontend, and nothing else.',
  guideSection: '1. Using Network Policies to Restrict Pod-to-Pod Traffic',
  direction: 'LR',
  groups: [],
  nodes: [
    node('frontend', 'frontend pod', 'workload', 'A pod labelled `app: frontend`. The policy\'s `from.podSelector` names this label, so its calls to the backend pass.', { sublabel: 'app: frontend' }),
    node('other', 'any other pod', 'workload', 'Every pod the policy does not list: its calls to the backend are dropped, which limits how far an attacker in one pod can reach.', { sublabel: 'no matching label' }),
    node('policy', 'NetworkPolicy', 'security',
      'Selects the backend pods with `podSelector` and lists who may reach them under `ingress.from`. Pair it with a default-deny policy for the namespace so that anything not allowed is blocked.',
      { sublabel: 'allow from frontend', knowledge: 'kind/NetworkPolicy', snippet: 'k8s-networkpolicy-allow-from' }),
    node('backend', 'backend pod', 'workload', 'A pod labelled `app: backend`. Once a policy selects it for ingress, only traffic some policy allows gets in.', { sublabel: 'app: backend' }),
  ],
  edges: [
    edge('frontend', 'backend', 'allowed'),
    edge('other', 'backend', 'denied', { style: 'denied' }),
    edge('policy', 'backend', 'selects', { style: 'dashed' }),
  ],
};

const MTLS: DiagramSource = {
  id: 'mtls',
  title: 'mTLS between sidecars',
  summary: 'A service mesh puts a proxy beside each application container; the proxies encrypt and authenticate every call between them, with certificates from the mesh\'s control plane.',
  guideSection: '2. Using mTLS (Istio, Linkerd) for Encrypted Service-to-Service Communication',
  direction: 'LR',
  groups: [group('pod-a', 'Pod of service A'), group('pod-b', 'Pod of service B')],
  nodes: [
    node('app-a', 'Service A', 'workload', 'The calling application. It makes a plain HTTP call; it needs no TLS code of its own.', { sublabel: 'app container', group: 'pod-a' }),
    node('proxy-a', 'Sidecar proxy', 'network', 'The mesh proxy (Envoy for Istio, linkerd2-proxy for Linkerd) injected into the pod. It takes the outgoing call and opens a mutual-TLS connection with the workload certificate of service A.', { sublabel: 'Envoy', group: 'pod-a' }),
    node('proxy-b', 'Sidecar proxy', 'network', 'The proxy in front of service B. It checks the caller\'s certificate, applies the mesh\'s authorization policies, and passes the call to the application.', { sublabel: 'Envoy', group: 'pod-b' }),
    node('app-b', 'Service B', 'workload', 'The called application, which receives plain HTTP from its own proxy on the pod\'s local network.', { sublabel: 'app container', group: 'pod-b' }),
    node('mesh', 'Mesh control plane', 'control-plane',
      'Issues and rotates the workload certificates and sends configuration to every proxy (istiod for Istio). On AKS, the Istio-based service mesh add-on runs it for you. A PeerAuthentication in `STRICT` mode refuses plain-text calls.',
      { sublabel: 'istiod / Linkerd', knowledge: 'kind/PeerAuthentication', snippet: 'istio-peerauthentication-strict' }),
  ],
  edges: [
    edge('app-a', 'proxy-a', 'localhost', { bidirectional: true }),
    edge('proxy-a', 'proxy-b', 'mTLS', { bidirectional: true }),
    edge('proxy-b', 'app-b', 'localhost', { bidirectional: true }),
    edge('mesh', 'proxy-a', 'certificates, config', { style: 'dashed' }),
    edge('mesh', 'proxy-b', 'certificates, config', { style: 'dashed' }),
  ],
};

/** The diagrams in the guide's order. */
export const DIAGRAM_SOURCES: readonly DiagramSource[] = [CONTROL_PLANE, SERVICE_TYPES, AKS_END_TO_END, STATEFUL_STORAGE, NODE_POOL_UPGRADE, NETWORK_POLICY, MTLS];

/** A knowledge entry by its id, from every area of knowledge. */
export function knowledgeEntryById(id: string): KnowledgeEntry | undefined {
  for (const entries of Object.values(KNOWLEDGE_AREAS)) {
    const found = entries.find((entry) => entry.id === id);
    if (found) return found;
  }
  return undefined;
}

/** The box's own text, then the best practice and the AKS advice of its knowledge entry. */
function nodeText(source: DiagramNodeSource): string {
  const entry = source.knowledge ? knowledgeEntryById(source.knowledge) : undefined;
  const parts = [source.text];
  if (entry?.bestPractice) parts.push(`**Best practice:** ${entry.bestPractice}`);
  if (entry?.aks) parts.push(`**On AKS:** ${entry.aks}`);
  return parts.join('\n\n');
}

/** The diagrams as the client receives them: every box's text complete, no knowledge ids. */
export function guideDiagrams(): GuideDiagram[] {
  return DIAGRAM_SOURCES.map((diagram) => ({
    ...diagram,
    nodes: diagram.nodes.map((source) => {
      const { knowledge, ...box } = source;
      return { ...box, text: nodeText(source) };
    }),
  }));
}
