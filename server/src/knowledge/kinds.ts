// The kinds the guide covers, what each is for and when to choose it; plus the fields every object has.
import { entryOf, type EntryText, type KnowledgeEntry, link } from './types';

const K8S = 'https://kubernetes.io/docs/concepts';
const AKS = 'https://learn.microsoft.com/en-us/azure/aks';

const kind = (name: string, entry: Omit<KnowledgeEntry, 'id' | 'title' | 'match'>): KnowledgeEntry => ({
  id: `kind/${name}`,
  title: name,
  match: [{ on: 'kind', kinds: [name] }],
  ...entry,
});

export const KIND_KNOWLEDGE: readonly KnowledgeEntry[] = [
  kind('Pod', {
    summary: 'The smallest thing Kubernetes runs: one or more containers that share a network address and volumes.',
    details:
      'A bare Pod is not recreated when its node fails or it is deleted. Write Pods directly only for one-off tasks and experiments; ' +
      'for anything that must keep running, let a controller (Deployment, StatefulSet, DaemonSet, Job) create them from a pod template.',
    bestPractice: 'Give every container resource requests and limits, readiness and liveness probes, and a non-root security context.',
    aks:
      'The control plane is managed by Azure: you never write Pods for the API server, scheduler or kubelet on AKS. ' +
      'The kubelet is not a Pod at all; it runs as a service on each node.',
    correction:
      'The guide shows control-plane and kubelet Pods pulling images from `k8s.gcr.io`. That registry is frozen; upstream images now come ' +
      'from `registry.k8s.io`. The kubelet does not run as a Pod.',
    guideSection: 'Kubernetes Core Components',
    links: [link('Pods', `${K8S}/workloads/pods/`), link('Image registry change', 'https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/')],
  }),
  kind('Deployment', {
    summary: 'Runs interchangeable copies of a stateless pod and replaces them with rolling updates.',
    details:
      'Choose a Deployment for web front ends, APIs and workers that keep no data of their own: any replica can serve any request. ' +
      'Choose a **StatefulSet** when each replica needs its own stable name and disk (databases, queues), and a **DaemonSet** when one copy must run on every node (log and metrics agents).',
    bestPractice:
      'Run at least 3 replicas for production, spread them over nodes and zones (pod anti-affinity or topology spread constraints), ' +
      'set readiness probes so rollouts only send traffic to ready pods, and protect them with a PodDisruptionBudget.',
    aks: 'Spread replicas across Availability Zones with `topology.kubernetes.io/zone`; node pools must be created zonal for this to work.',
    guideSection: 'Pods & Deployments',
    links: [link('Deployments', `${K8S}/workloads/controllers/deployment/`), link('AKS best practices', `${AKS}/best-practices`)],
  }),
  kind('StatefulSet', {
    summary: 'Runs pods that each keep a stable name (`web-0`, `web-1`) and their own persistent volume.',
    details:
      'Pods are created, updated and removed in order, and pod *n* keeps its identity and its PersistentVolumeClaim (from `volumeClaimTemplates`) when it is rescheduled. ' +
      'Use it for databases, message queues and other clustered state. Stateless apps belong in a **Deployment**; per-node agents in a **DaemonSet**.',
    bestPractice:
      'Create the headless Service named in `serviceName` first, give each replica a claim template with a storage class that fits (Azure Disk for one writer per volume), ' +
      'and prefer a managed database service (Azure SQL, Cosmos DB, PostgreSQL flexible server) when one fits.',
    aks: 'Azure Disks are zonal: a pod whose disk is in zone 1 can only run in zone 1. Use ZRS disk SKUs or one replica per zone with zone-aware scheduling.',
    guideSection: 'StatefulSets',
    links: [link('StatefulSets', `${K8S}/workloads/controllers/statefulset/`), link('Azure Disk CSI on AKS', `${AKS}/azure-disk-csi`)],
  }),
  kind('DaemonSet', {
    summary: 'Runs one copy of a pod on every node (or on every node that matches a selector).',
    details:
      'New nodes get the pod automatically; removed nodes take theirs away. Use it for node-level agents: log shippers (Fluentd, Fluent Bit), metrics exporters, storage and network plugins. ' +
      'Application replicas belong in a **Deployment** or **StatefulSet**, not here.',
    bestPractice: 'Keep requests small (the pod runs on every node), add tolerations only for the taints it must run on, and use a `nodeSelector` to target node pools.',
    aks: 'AKS already runs its own agents (Azure Monitor, CSI drivers, CNI) as DaemonSets in `kube-system`; check before adding a second log agent.',
    guideSection: 'DaemonSets',
    links: [link('DaemonSet', `${K8S}/workloads/controllers/daemonset/`)],
  }),
  kind('Job', {
    summary: 'Runs pods until a task completes successfully, retrying failures.',
    details: 'Use a Job for batch work and migrations; use a CronJob to run one on a schedule.',
    guideSection: 'Pods & Deployments',
    links: [link('Jobs', `${K8S}/workloads/controllers/job/`)],
  }),
  kind('CronJob', {
    summary: 'Creates a Job on a schedule written in cron syntax.',
    correction: '`batch/v1beta1` CronJobs were removed in Kubernetes 1.25; use `batch/v1`.',
    guideSection: 'Pods & Deployments',
    links: [link('CronJob', `${K8S}/workloads/controllers/cron-jobs/`)],
  }),
  kind('Service', {
    summary: 'A stable name and virtual address in front of the changing set of pods its selector matches.',
    details:
      'Pods come and go and change addresses; a Service keeps one DNS name (`name.namespace.svc.cluster.local`) and balances over the ready pods. Its `type` decides who can reach it: ' +
      '**ClusterIP** (default) only inside the cluster; **NodePort** on a fixed port of every node; **LoadBalancer** through a cloud load balancer with its own IP; ' +
      '**ExternalName** is only a DNS alias to a name outside the cluster.',
    bestPractice:
      'Keep services ClusterIP and publish HTTP through one Ingress or Gateway rather than a LoadBalancer per service; use LoadBalancer for non-HTTP traffic.',
    aks: 'A LoadBalancer Service creates a rule on the cluster\'s Azure Standard Load Balancer; the annotation `service.beta.kubernetes.io/azure-load-balancer-internal: "true"` keeps it on a private VNet address.',
    guideSection: 'Kubernetes Services: Detailed Explanation, Diagram, and Examples',
    links: [link('Service', `${K8S}/services-networking/service/`), link('AKS load balancer', `${AKS}/load-balancer-standard`)],
  }),
  kind('Ingress', {
    summary: 'HTTP(S) routing by host and path from outside the cluster to Services, with TLS termination.',
    details:
      'An Ingress does nothing by itself: an ingress controller (NGINX, Application Gateway for Containers / AGIC, Traefik) reads it. ' +
      'Choose it over one LoadBalancer Service per app when many HTTP services share an address and certificates. The Gateway API (`Gateway`, `HTTPRoute`) is its successor for new designs.',
    bestPractice: 'Name the controller with `spec.ingressClassName`, terminate TLS with a certificate Secret in `spec.tls`, and use `pathType: Prefix` or `Exact` (not `ImplementationSpecific`).',
    aks: 'AKS offers a managed NGINX ingress (the application routing add-on, class `webapprouting.kubernetes.azures.com`) and Application Gateway based controllers; certificates can come from Key Vault.',
    correction:
      'The guide selects the controller with the `kubernetes.io/ingress.class` annotation. That annotation is deprecated since Kubernetes 1.18; set `spec.ingressClassName` instead. ' +
      'Ingress is `networking.k8s.io/v1`; the `v1beta1` versions were removed in 1.22.',
    guideSection: 'Services & Ingress',
    links: [link('Ingress', `${K8S}/services-networking/ingress/`), link('AKS application routing', `${AKS}/app-routing`)],
  }),
  kind('NetworkPolicy', {
    summary: 'A firewall for pods: which pods and addresses the selected pods may receive traffic from and send traffic to.',
    details:
      'Without any policy every pod can reach every other pod. Once a policy selects a pod for a direction (`policyTypes`), only traffic some policy allows in that direction passes. ' +
      'Policies add up: there is no deny rule, only "allow" lists on top of a default deny.',
    bestPractice: 'Start each namespace with a default-deny policy (`podSelector: {}`), then allow the flows you need; remember DNS (UDP/TCP 53 to kube-dns) when you deny egress.',
    aks: 'Policies are only enforced when the cluster has a network policy engine: Azure Network Policy Manager, Calico or Cilium (Azure CNI powered by Cilium). Choose it at cluster creation.',
    guideSection: 'Network Policies',
    links: [link('Network Policies', `${K8S}/services-networking/network-policies/`), link('AKS network policies', `${AKS}/use-network-policies`)],
  }),
  kind('StorageClass', {
    summary: 'A kind of storage that claims can ask for by name: which provisioner creates the volumes, with which parameters.',
    details: 'A PersistentVolumeClaim names a class in `storageClassName`; the class\'s provisioner then creates a matching volume. Choose **Azure Disk** for one writer, **Azure Files** for shared access, **Azure Blob** for large unstructured data.',
    bestPractice: 'Use the classes AKS already provides (`managed-csi`, `managed-csi-premium`, `azurefile-csi`, `azurefile-csi-premium`) unless you need other parameters; set `volumeBindingMode: WaitForFirstConsumer` and `allowVolumeExpansion: true` on your own.',
    aks: 'AKS installs the Azure Disk, Azure Files (and optionally Blob) CSI drivers and their storage classes in every cluster since 1.21.',
    correction:
      'The guide\'s classes use the in-tree provisioners `kubernetes.io/azure-disk` and `kubernetes.io/azure-file`. These were removed in favour of the CSI drivers `disk.csi.azure.com` and `file.csi.azure.com`. ' +
      'Its class named `azurefile` also shadows the name AKS used for its old built-in class.',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [link('Storage classes', `${K8S}/storage/storage-classes/`), link('CSI drivers on AKS', `${AKS}/csi-storage-drivers`)],
  }),
  kind('PersistentVolume', {
    summary: 'A piece of storage in the cluster (an Azure Disk, a file share) that a claim can bind to.',
    details: 'With dynamic provisioning you do not write PersistentVolumes: the storage class creates one per claim. Write one by hand only to attach storage that already exists (a static volume).',
    aks: 'For an existing disk or share, use the CSI driver in `spec.csi` (`disk.csi.azure.com` / `file.csi.azure.com`) with the resource\'s ID or share name.',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [link('Persistent volumes', `${K8S}/storage/persistent-volumes/`), link('Static Azure Disk volume', `${AKS}/azure-csi-disk-storage-provision`)],
  }),
  kind('PersistentVolumeClaim', {
    summary: 'A request for storage of a size and access mode, from a storage class; pods mount the claim, not the disk.',
    details: '`ReadWriteOnce` claims suit databases on Azure Disk; `ReadWriteMany` claims (several pods on several nodes) need Azure Files or NFS.',
    bestPractice: 'Name a storage class explicitly, size the request for growth (disks can be expanded, not shrunk), and back claims up (Velero or Azure Backup for AKS).',
    aks: 'Use `managed-csi`/`managed-csi-premium` for disks and `azurefile-csi`/`azurefile-csi-premium` for shares.',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [link('Persistent volume claims', `${K8S}/storage/persistent-volumes/#persistentvolumeclaims`), link('Azure Files on AKS', `${AKS}/azure-files-csi`)],
  }),
  kind('ConfigMap', {
    summary: 'Non-secret configuration (key/value pairs or files) that pods read as environment variables or mounted files.',
    details: 'Keep configuration out of images so one image runs in every environment. A ConfigMap is not encrypted; secrets belong in a Secret or Key Vault.',
    bestPractice: 'Pods do not see changes in environment variables until they restart: roll the workload after a change (or version the ConfigMap name).',
    correction:
      'The guide writes `data` inside `metadata`. `data` (and `binaryData`) are top-level fields of a ConfigMap, beside `metadata`; under `metadata` the API server rejects them.',
    guideSection: 'ConfigMaps & Secrets',
    links: [link('ConfigMaps', `${K8S}/configuration/configmap/`)],
  }),
  kind('Secret', {
    summary: 'Small confidential values (passwords, tokens, certificates) given to pods as variables or files.',
    details: '`data` values are base64-encoded, which is not encryption; `stringData` takes plain text. Anyone who can read Secrets in the namespace can read them all.',
    bestPractice: 'Restrict `get`/`list` on Secrets with RBAC, enable encryption at rest, keep secrets out of Git, and prefer an external store.',
    aks: 'Mount secrets from Azure Key Vault with the Secrets Store CSI driver (AKS add-on `azure-keyvault-secrets-provider`), authenticated by Workload Identity; it can also sync them into a Secret.',
    correction:
      'The guide writes `type` and `data` inside `metadata`. Both are top-level fields of a Secret, beside `metadata`; under `metadata` the API server rejects them.',
    guideSection: 'ConfigMaps & Secrets',
    links: [link('Secrets', `${K8S}/configuration/secret/`), link('Key Vault CSI driver on AKS', `${AKS}/csi-secrets-store-driver`)],
  }),
  kind('ResourceQuota', {
    summary: 'A cap on the total resources and object counts a namespace may use.',
    details: 'Once a quota limits `requests.cpu` or `limits.memory`, every new pod in the namespace must declare them, or it is refused; add a LimitRange to give defaults.',
    bestPractice: 'Give each team or tenant namespace a quota and a LimitRange; keep the sum of quotas within what the node pools can hold.',
    guideSection: 'Resource Quotas & Limits',
    links: [link('Resource quotas', 'https://kubernetes.io/docs/concepts/policy/resource-quotas/')],
  }),
  kind('LimitRange', {
    summary: 'Default and maximum requests and limits for each container of a namespace.',
    guideSection: 'Resource Quotas & Limits',
    links: [link('Limit ranges', 'https://kubernetes.io/docs/concepts/policy/limit-range/')],
  }),
  kind('HorizontalPodAutoscaler', {
    summary: 'Changes a workload\'s replica count to keep a metric (CPU, memory, custom or external) near a target.',
    details: 'The HPA adds pods; the cluster autoscaler adds nodes when pods no longer fit. Utilization targets are measured against the pods\' **requests**, so pods without requests cannot be scaled on CPU.',
    bestPractice: 'Use `autoscaling/v2`, set requests on every container, keep `minReplicas` ≥ 2 for availability, and do not also set `replicas` in the Deployment applied by GitOps (it fights the HPA).',
    aks: 'Enable the cluster autoscaler on node pools; for event-driven scaling (queues, Kafka) use the KEDA add-on, which drives HPAs for you.',
    correction: 'Older HPA versions `autoscaling/v2beta1` and `v2beta2` were removed (Kubernetes 1.25 and 1.26); the guide\'s `autoscaling/v2` is the current one.',
    guideSection: 'Scaling Strategies',
    links: [link('Horizontal Pod Autoscaling', 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/'), link('KEDA on AKS', `${AKS}/keda-about`)],
  }),
  kind('PodDisruptionBudget', {
    summary: 'How many pods of an application must stay up during voluntary disruptions: node drains, upgrades, scale-downs.',
    details: 'Evictions that would break the budget wait. It does not protect against node crashes, only against planned evictions.',
    bestPractice: 'Give every replicated production workload a PDB that still allows at least one eviction (e.g. `maxUnavailable: 1`); a budget that allows none blocks node upgrades.',
    aks: 'AKS upgrades and node image updates cordon and drain nodes and honour PDBs; a PDB allowing no evictions makes the upgrade stall and fail.',
    correction: '`policy/v1beta1` PodDisruptionBudgets were removed in Kubernetes 1.25; use `policy/v1` as the guide does.',
    guideSection: '14. How do you upgrade a running AKS cluster with minimal disruption?',
    links: [link('Configure a PDB', 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/'), link('AKS upgrades', `${AKS}/upgrade-cluster`)],
  }),
  kind('Role', {
    summary: 'A set of permissions (verbs on resources) inside one namespace.',
    details: 'A Role grants nothing until a RoleBinding gives it to users, groups or service accounts. Use a ClusterRole for cluster-wide resources or to reuse one definition in many namespaces.',
    bestPractice: 'Grant the least privilege: name resources and verbs explicitly, avoid `*`, and keep `secrets` out of read-only roles.',
    guideSection: '3. Using RBAC for API Access Control (with Azure AD Integration)',
    links: [link('RBAC', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/')],
  }),
  kind('ClusterRole', {
    summary: 'A set of permissions that applies across the cluster, or a reusable permission set bound per namespace.',
    details: 'Bound with a ClusterRoleBinding it grants everywhere; bound with a RoleBinding it grants only in that namespace. Built-in roles `view`, `edit`, `admin` and `cluster-admin` already exist.',
    bestPractice: 'Prefer the built-in `view`/`edit` roles through RoleBindings; keep ClusterRoleBindings to platform teams.',
    guideSection: '3. Using RBAC for API Access Control (with Azure AD Integration)',
    links: [link('RBAC', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/')],
  }),
  kind('RoleBinding', {
    summary: 'Gives a Role (or ClusterRole) to users, groups or service accounts within one namespace.',
    aks: 'With Microsoft Entra ID integration, a `Group` subject is the group\'s object ID and a `User` subject is the user principal name. Bind groups rather than people.',
    guideSection: '3. Using RBAC for API Access Control (with Azure AD Integration)',
    links: [link('RBAC', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/'), link('Entra ID and Kubernetes RBAC', `${AKS}/azure-ad-rbac`)],
  }),
  kind('ClusterRoleBinding', {
    summary: 'Gives a ClusterRole to users, groups or service accounts in every namespace.',
    bestPractice: 'Audit these regularly: a binding to `cluster-admin` is full control of the cluster.',
    guideSection: '3. Using RBAC for API Access Control (with Azure AD Integration)',
    links: [link('RBAC', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/')],
  }),
  kind('ServiceAccount', {
    summary: 'The identity a pod runs as, for the Kubernetes API and, through Workload Identity, for Azure.',
    bestPractice: 'One service account per application, `automountServiceAccountToken: false` unless the app calls the Kubernetes API.',
    aks: 'For Azure access, annotate it with `azure.workload.identity/client-id` (a user-assigned managed identity federated with the cluster\'s OIDC issuer) and label the pods `azure.workload.identity/use: "true"`.',
    correction: 'The guide mentions AAD Pod Identity. It was deprecated in 2022 and is no longer supported on AKS; use Microsoft Entra Workload ID on a ServiceAccount instead.',
    guideSection: 'c. Azure Key Vault Integration (AAD Pod Identity)',
    links: [link('Service accounts', 'https://kubernetes.io/docs/concepts/security/service-accounts/'), link('Workload ID on AKS', `${AKS}/workload-identity-overview`)],
  }),
  kind('Namespace', {
    summary: 'A named scope for objects, quotas, policies and permissions.',
    bestPractice: 'One namespace per team or application; label it with `pod-security.kubernetes.io/enforce` to apply a Pod Security Standard.',
    guideSection: '12. How do you handle multi-tenant workloads securely in AKS?',
    links: [link('Namespaces', `${K8S}/overview/working-with-objects/namespaces/`)],
  }),
  kind('PeerAuthentication', {
    summary: 'Istio: whether workloads accept plain text or only mutual TLS from their peers.',
    details: '`mtls.mode: STRICT` accepts only mTLS (encrypted and authenticated by workload certificates); `PERMISSIVE` accepts both, for migration. In the mesh root namespace it applies mesh-wide; with a selector, to chosen workloads.',
    bestPractice: 'Move to STRICT once every client has a sidecar; add AuthorizationPolicies to say which identities may call which service.',
    aks: 'AKS offers Istio as a managed add-on (Istio-based service mesh); its root namespace is `aks-istio-system`.',
    correction: 'The guide uses `security.istio.io/v1beta1`. Istio 1.22 promoted security resources to `security.istio.io/v1`; prefer it.',
    guideSection: '2. Using mTLS (Istio, Linkerd) for Encrypted Service-to-Service Communication',
    links: [link('Istio PeerAuthentication', 'https://istio.io/latest/docs/reference/config/security/peer_authentication/'), link('Istio add-on for AKS', `${AKS}/istio-about`)],
  }),
];

// Object-wide fields keep their plain ids (`metadata.labels`), without the `field/` prefix of the others.
const field = (id: string, title: string, paths: string[], text: EntryText, kinds?: string[]): KnowledgeEntry =>
  entryOf(id, title, [{ on: 'key', paths, kinds }], text);

/** The fields every object has, and the API versions the guide (or older manifests) use. */
export const OBJECT_FIELD_KNOWLEDGE: readonly KnowledgeEntry[] = [
  field('field/apiVersion', 'apiVersion', ['apiVersion'], {
    summary: 'The API group and version the object is written in; together with `kind` it says which schema applies.',
    bestPractice: 'Use the stable versions (`apps/v1`, `networking.k8s.io/v1`, `policy/v1`, `autoscaling/v2`); beta versions are removed after a few releases.',
    guideSection: '2. Kubernetes Resource Management',
    links: [link('Deprecated API migration guide', 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/')],
  }),
  field('field/kind', 'kind', ['kind'], {
    summary: 'The type of object: Deployment, Service, ConfigMap...; hover the value for what each kind is for.',
    guideSection: '2. Kubernetes Resource Management',
    links: [link('Kubernetes objects', `${K8S}/overview/working-with-objects/`)],
  }),
  field('field/metadata', 'metadata', ['metadata', '**.template.metadata', 'spec.volumeClaimTemplates[*].metadata', 'spec.jobTemplate.metadata'], {
    summary: 'The object\'s name, namespace, labels and annotations: who it is, not what it does.',
    details: 'Only identity fields belong here. Content such as a ConfigMap\'s `data` or a Secret\'s `type` sits beside `metadata`, at the top level.',
    guideSection: '2. Kubernetes Resource Management',
    links: [link('Object names', `${K8S}/overview/working-with-objects/names/`)],
  }),
  field('field/metadata.name', 'name', ['meta:name'], {
    summary: 'The object\'s name, unique per kind within its namespace; lowercase letters, digits and `-`.',
    guideSection: '2. Kubernetes Resource Management',
    links: [link('Object names', `${K8S}/overview/working-with-objects/names/`)],
  }),
  field('field/metadata.namespace', 'namespace', ['meta:namespace'], {
    summary: 'The namespace the object lives in; without it, the one of the current kubectl context.',
    bestPractice: 'Write the namespace in the manifest (or in Kustomize) so applying it never lands in the wrong place; avoid `default` in production.',
    guideSection: '12. How do you handle multi-tenant workloads securely in AKS?',
    links: [link('Namespaces', `${K8S}/overview/working-with-objects/namespaces/`)],
  }),
  field('field/metadata.labels', 'labels', ['meta:labels'], {
    summary: 'Key/value tags that selectors match: Services, Deployments, NetworkPolicies and PDBs find pods by them.',
    bestPractice: 'Use the recommended keys (`app.kubernetes.io/name`, `app.kubernetes.io/instance`, `app.kubernetes.io/version`) and keep pod template labels in sync with the selectors.',
    guideSection: 'How Services Work',
    links: [link('Labels and selectors', `${K8S}/overview/working-with-objects/labels/`), link('Recommended labels', `${K8S}/overview/working-with-objects/common-labels/`)],
  }),
  field('field/metadata.annotations', 'annotations', ['meta:annotations'], {
    summary: 'Key/value notes for tools and controllers (load balancer settings, ingress options); never used for selection.',
    guideSection: 'a. Ingress Resource',
    links: [link('Annotations', `${K8S}/overview/working-with-objects/annotations/`)],
  }),
  field('field/metadata.data', 'data (misplaced)', ['metadata.data'], {
    summary: 'Not a metadata field: a ConfigMap\'s or Secret\'s `data` belongs at the top level of the object.',
    correction: 'The guide\'s ConfigMap and Secret examples nest `data` under `metadata`; move it out one level, beside `metadata`.',
    guideSection: 'ConfigMaps & Secrets',
    links: [link('ConfigMaps', `${K8S}/configuration/configmap/`), link('Secrets', `${K8S}/configuration/secret/`)],
  }, ['ConfigMap', 'Secret']),
  field('field/metadata.type', 'type (misplaced)', ['metadata.type'], {
    summary: 'Not a metadata field: a Secret\'s `type` belongs at the top level of the object.',
    correction: 'The guide\'s Secret nests `type: Opaque` under `metadata`; move it out one level, beside `metadata`.',
    guideSection: 'ConfigMaps & Secrets',
    links: [link('Secret types', `${K8S}/configuration/secret/#secret-types`)],
  }, ['Secret']),
  field('field/spec', 'spec', ['spec'], {
    summary: 'The desired state you ask for; controllers work to make the actual state (`status`) match it.',
    guideSection: '2. Kubernetes Resource Management',
    links: [link('Object spec and status', `${K8S}/overview/working-with-objects/#object-spec-and-status`)],
  }),
  field('field/configmap.data', 'data', ['data'], {
    summary: 'The configuration entries: each key becomes a variable name or a file name when mounted.',
    guideSection: 'ConfigMaps & Secrets',
    links: [link('ConfigMaps', `${K8S}/configuration/configmap/`)],
  }, ['ConfigMap']),
  field('field/secret.data', 'data', ['data', 'stringData'], {
    summary: 'The secret values: base64-encoded under `data`, plain text under `stringData`.',
    bestPractice: 'Keep real values out of Git: generate the Secret at deploy time or mount from Key Vault.',
    guideSection: 'ConfigMaps & Secrets',
    links: [link('Secrets', `${K8S}/configuration/secret/`)],
  }, ['Secret']),
  field('field/secret.type', 'type', ['type'], {
    summary: 'What the Secret holds: `Opaque` (any data), `kubernetes.io/tls` (a certificate), `kubernetes.io/dockerconfigjson` (registry credentials)...',
    guideSection: 'ConfigMaps & Secrets',
    links: [link('Secret types', `${K8S}/configuration/secret/#secret-types`)],
  }, ['Secret']),
];

const apiVersionValue = (id: string, values: string[], summary: string, correction: string): KnowledgeEntry => ({
  id,
  title: values[0],
  summary,
  correction,
  guideSection: '2. Kubernetes Resource Management',
  links: [link('Deprecated API migration guide', 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/')],
  match: [{ on: 'value', paths: ['apiVersion'], values }],
});

/**
 * API versions of other projects' resources worth a note. Kubernetes' own deprecated and removed versions
 * are in apiLifecycle.ts, judged against the target version.
 */
export const API_VERSION_KNOWLEDGE: readonly KnowledgeEntry[] = [
  apiVersionValue('api-version/istio-security-v1beta1', ['security.istio.io/v1beta1'], 'An older Istio API version, still served.', 'Istio 1.22 promoted PeerAuthentication and AuthorizationPolicy to `security.istio.io/v1`; prefer it.'),
];
