// Fields of workloads and their pod templates (wherever the pod spec sits), scaling and availability.
import { entryOf, type EntryText, fieldEntry, type KnowledgeEntry, type KnowledgeMatch, link } from './types';

const K8S = 'https://kubernetes.io/docs';
const AKS = 'https://learn.microsoft.com/en-us/azure/aks';
const PODS_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'];
const ANTI_AFFINITY = 'Pod Anti-Affinity: Spreading Pods Across Nodes';
const REQUESTS_LIMITS = '8. How do you implement resource limits and requests? Why are they important?';
const PROBES = '5. Scenario: You need to perform a zero-downtime deployment. How do you achieve this?';

const key = fieldEntry;
const values = (id: string, title: string, match: KnowledgeMatch[], text: EntryText): KnowledgeEntry => entryOf(`value/${id}`, title, match, text);

const affinityLink = link('Affinity and anti-affinity', `${K8S}/concepts/scheduling-eviction/assign-pod-node/#affinity-and-anti-affinity`);
const resourcesLink = link('Resource management for pods', `${K8S}/concepts/configuration/manage-resources-containers/`);
const probesLink = link('Liveness, readiness and startup probes', `${K8S}/concepts/configuration/liveness-readiness-startup-probes/`);
const hpaLink = link('Horizontal Pod Autoscaling', `${K8S}/tasks/run-application/horizontal-pod-autoscale/`);
const pdbLink = link('Configure a PodDisruptionBudget', `${K8S}/tasks/run-application/configure-pdb/`);
const spreadLink = link('Topology spread constraints', `${K8S}/concepts/scheduling-eviction/topology-spread-constraints/`);

export const WORKLOAD_FIELD_KNOWLEDGE: readonly KnowledgeEntry[] = [
  // --- Workload controllers
  key('replicas', 'replicas', ['spec.replicas'], {
    summary: 'How many copies of the pod the controller keeps running.',
    bestPractice: 'At least 3 for production services, spread over nodes and zones. Leave it out when an HPA manages the count, or each apply resets it.',
    guideSection: '2. How would you design a highly available application on AKS?',
    links: [link('Deployments', `${K8S}/concepts/workloads/controllers/deployment/`)],
  }, ['Deployment', 'StatefulSet', 'ReplicaSet']),
  key('selector', 'selector', ['spec.selector'], {
    summary: 'Which pods this object manages or protects, by their labels.',
    details: 'For a Deployment, StatefulSet or DaemonSet it must match the pod template\'s labels and cannot be changed after creation.',
    guideSection: 'Pods & Deployments',
    links: [link('Labels and selectors', `${K8S}/concepts/overview/working-with-objects/labels/`)],
  }, [...PODS_KINDS, 'PodDisruptionBudget']),
  key('matchLabels', 'matchLabels', ['**.matchLabels'], {
    summary: 'Selects objects that carry all of these labels (an AND of equalities).',
    details: 'For a workload\'s `spec.selector` the same labels must appear in `spec.template.metadata.labels`.',
    guideSection: 'How Services Work',
    links: [link('Labels and selectors', `${K8S}/concepts/overview/working-with-objects/labels/`)],
  }),
  key('matchExpressions', 'matchExpressions', ['**.matchExpressions'], {
    summary: 'Selects by label rules: `key`, an `operator` (`In`, `NotIn`, `Exists`, `DoesNotExist`) and `values`.',
    guideSection: ANTI_AFFINITY,
    links: [link('Set-based selectors', `${K8S}/concepts/overview/working-with-objects/labels/#set-based-requirement`)],
  }),
  key('matchExpressions.key', 'key', ['**.matchExpressions[*].key'], {
    summary: 'The label key the rule tests.',
    guideSection: ANTI_AFFINITY,
    links: [link('Set-based selectors', `${K8S}/concepts/overview/working-with-objects/labels/#set-based-requirement`)],
  }),
  key('matchExpressions.operator', 'operator', ['**.matchExpressions[*].operator'], {
    summary: 'How the label is tested: `In` / `NotIn` a list of values, or `Exists` / `DoesNotExist` (then without values).',
    guideSection: ANTI_AFFINITY,
    links: [link('Set-based selectors', `${K8S}/concepts/overview/working-with-objects/labels/#set-based-requirement`)],
  }),
  key('matchExpressions.values', 'values', ['**.matchExpressions[*].values'], {
    summary: 'The label values for `In` and `NotIn`; must be empty for `Exists` and `DoesNotExist`.',
    guideSection: ANTI_AFFINITY,
    links: [link('Set-based selectors', `${K8S}/concepts/overview/working-with-objects/labels/#set-based-requirement`)],
  }),
  key('template', 'template', ['spec.template', 'spec.jobTemplate'], {
    summary: 'The pod (or job) the controller creates copies of; changing it starts a rollout.',
    guideSection: 'Pods & Deployments',
    links: [link('Pod templates', `${K8S}/concepts/workloads/pods/#pod-templates`)],
  }),
  key('podSpec', 'spec (pod)', ['spec.template.spec', 'spec.jobTemplate.spec.template.spec'], {
    summary: 'The pod spec of the template: containers, volumes, scheduling and security settings for every pod created.',
    guideSection: 'Pods & Deployments',
    links: [link('Pods', `${K8S}/concepts/workloads/pods/`)],
  }),
  key('strategy', 'strategy', ['spec.strategy', 'spec.updateStrategy'], {
    summary: 'How pods are replaced on update: `RollingUpdate` (a few at a time, no downtime) or `Recreate` / `OnDelete`.',
    bestPractice: 'For zero-downtime rollouts keep `RollingUpdate` with `maxUnavailable: 0` and a small `maxSurge`, and readiness probes so only ready pods get traffic.',
    guideSection: PROBES,
    links: [link('Deployment strategy', `${K8S}/concepts/workloads/controllers/deployment/#strategy`)],
  }),
  key('rollingUpdate', 'rollingUpdate', ['spec.strategy.rollingUpdate', 'spec.updateStrategy.rollingUpdate'], {
    summary: 'Pace of a rolling update: how many extra pods may be created (`maxSurge`) and how many may be missing (`maxUnavailable`).',
    guideSection: PROBES,
    links: [link('Rolling update', `${K8S}/concepts/workloads/controllers/deployment/#rolling-update-deployment`)],
  }),
  key('maxSurge', 'maxSurge', ['**.rollingUpdate.maxSurge'], {
    summary: 'How many pods above the desired count may exist during an update (number or percentage).',
    guideSection: PROBES,
    links: [link('Max surge', `${K8S}/concepts/workloads/controllers/deployment/#max-surge`)],
  }),
  key('rollingUpdate.maxUnavailable', 'maxUnavailable', ['**.rollingUpdate.maxUnavailable'], {
    summary: 'How many pods below the desired count may be missing during an update; `0` keeps full capacity.',
    guideSection: PROBES,
    links: [link('Max unavailable', `${K8S}/concepts/workloads/controllers/deployment/#max-unavailable`)],
  }),
  key('serviceName', 'serviceName', ['spec.serviceName'], {
    summary: 'The headless Service (with `clusterIP: None`) that gives each StatefulSet pod its own DNS name, `pod-0.service`.',
    details: 'Create that Service yourself; the StatefulSet does not. Clients of one specific replica (a database primary) use these names.',
    guideSection: 'StatefulSets',
    links: [link('Stable network ID', `${K8S}/concepts/workloads/controllers/statefulset/#stable-network-id`)],
  }, ['StatefulSet']),
  key('volumeClaimTemplates', 'volumeClaimTemplates', ['spec.volumeClaimTemplates'], {
    summary: 'Claims created once per replica (`data-web-0`, `data-web-1`...); each pod keeps its own volume when it moves.',
    details: 'The claims outlive the StatefulSet: deleting or scaling it down keeps them (and the data) unless `persistentVolumeClaimRetentionPolicy` says otherwise.',
    bestPractice: 'Use a `ReadWriteOnce` disk class (`managed-csi-premium` for databases); mount the claim by name in the containers\' `volumeMounts`.',
    aks: 'Azure Disks are zonal: a replica whose disk is in one zone is always scheduled back into that zone.',
    guideSection: '2. StatefulSet Example with Persistent Volumes',
    links: [link('Stable storage', `${K8S}/concepts/workloads/controllers/statefulset/#stable-storage`)],
  }, ['StatefulSet']),
  key('volumeClaimTemplates.spec', 'spec (claim)', ['spec.volumeClaimTemplates[*].spec'], {
    summary: 'The PersistentVolumeClaim spec each replica\'s claim is made from: access modes, size and storage class.',
    guideSection: '2. StatefulSet Example with Persistent Volumes',
    links: [link('Stable storage', `${K8S}/concepts/workloads/controllers/statefulset/#stable-storage`)],
  }, ['StatefulSet']),
  // --- Containers
  key('containers', 'containers', ['pod:containers'], {
    summary: 'The containers of the pod; they start together, share the network address and can share volumes.',
    details: 'Usually one application container per pod; sidecars (proxies, log shippers) sit beside it, and `initContainers` run to completion first.',
    guideSection: 'Pods & Deployments',
    links: [link('Containers', `${K8S}/concepts/containers/`)],
  }),
  key('container.name', 'name', ['pod:containers[*].name'], {
    summary: 'The container\'s name, unique in the pod; `kubectl logs -c` and `exec -c` use it.',
    guideSection: 'Pods & Deployments',
    links: [link('Containers', `${K8S}/concepts/containers/`)],
  }),
  key('image', 'image', ['pod:containers[*].image'], {
    summary: 'The container image to run: registry, repository and tag (or digest).',
    bestPractice: 'Pin a version tag or a digest, never `latest` (you cannot tell what runs or roll back), and pull only from registries you trust.',
    aks: 'Use Azure Container Registry attached to the cluster (`az aks update --attach-acr`) so nodes pull with the kubelet identity, no pull secret; Azure Policy can deny other registries.',
    correction: 'Upstream Kubernetes images moved from `k8s.gcr.io` (frozen since 2023) to `registry.k8s.io`.',
    guideSection: '25. Scenario: You need to enforce that only images from a trusted registry are deployed. How do you achieve this?',
    links: [link('Images', `${K8S}/concepts/containers/images/`), link('ACR with AKS', `${AKS}/cluster-container-registry-integration`)],
  }),
  key('imagePullPolicy', 'imagePullPolicy', ['pod:containers[*].imagePullPolicy'], {
    summary: 'When the node pulls the image: `IfNotPresent`, `Always` or `Never`; the default is `Always` for `latest` and `IfNotPresent` otherwise.',
    guideSection: 'Pods & Deployments',
    links: [link('Image pull policy', `${K8S}/concepts/containers/images/#image-pull-policy`)],
  }),
  key('command', 'command', ['pod:containers[*].command', 'pod:containers[*].args'], {
    summary: 'Replaces the image\'s entrypoint (`command`) or its arguments (`args`); not run through a shell unless you call one.',
    guideSection: '4. Example: Azure Files PVC and Pod Mount',
    links: [link('Command and arguments', `${K8S}/tasks/inject-data-application/define-command-argument-container/`)],
  }),
  key('ports', 'ports', ['pod:containers[*].ports'], {
    summary: 'The ports the container listens on; informational, but names here can be used by Services and probes.',
    guideSection: 'Pods & Deployments',
    links: [link('Container ports', `${K8S}/concepts/services-networking/connect-applications-service/`)],
  }),
  key('containerPort', 'containerPort', ['pod:containers[*].ports[*].containerPort'], {
    summary: 'The port number the process listens on inside the pod; a Service\'s `targetPort` points at it.',
    guideSection: 'Pods & Deployments',
    links: [link('Services', `${K8S}/concepts/services-networking/service/`)],
  }),
  key('env', 'env', ['pod:containers[*].env'], {
    summary: 'Environment variables for the container, given as values or taken from ConfigMaps, Secrets and pod fields.',
    bestPractice: 'Take secrets from a Secret (`valueFrom.secretKeyRef`) or a Key Vault mount, never write them as literal values.',
    guideSection: 'd. Java Microservices Backend',
    links: [link('Environment variables', `${K8S}/tasks/inject-data-application/define-environment-variable-container/`)],
  }),
  key('env.name', 'name', ['pod:containers[*].env[*].name'], {
    summary: 'The environment variable\'s name as the process sees it.',
    guideSection: 'd. Java Microservices Backend',
    links: [link('Environment variables', `${K8S}/tasks/inject-data-application/define-environment-variable-container/`)],
  }),
  key('env.valueFrom', 'valueFrom', ['pod:containers[*].env[*].valueFrom'], {
    summary: 'Takes the variable\'s value from a Secret, a ConfigMap, a pod field or a resource limit instead of writing it.',
    guideSection: '6. How do you handle secrets management in Kubernetes for production?',
    links: [link('Secrets as environment variables', `${K8S}/tasks/inject-data-application/distribute-credentials-secure/`)],
  }),
  key('secretKeyRef', 'secretKeyRef', ['**.secretKeyRef'], {
    summary: 'Reads the variable from one key of a Secret in the pod\'s namespace (`name`, `key`).',
    details: 'The value is read when the container starts: after rotating the Secret, restart the pods (`kubectl rollout restart`).',
    aks: 'With the Key Vault CSI driver, `secretObjects` can sync Key Vault secrets into a Secret that this reference then reads.',
    guideSection: '23. Scenario: You need to rotate secrets used by running pods. How do you do it safely?',
    links: [link('Secrets as environment variables', `${K8S}/tasks/inject-data-application/distribute-credentials-secure/`), link('Sync Key Vault secrets', `${AKS}/csi-secrets-store-configuration-options`)],
  }),
  key('secretKeyRef.name', 'name', ['**.secretKeyRef.name', '**.configMapKeyRef.name'], {
    summary: 'The name of the Secret (or ConfigMap) to read from, in the same namespace as the pod.',
    guideSection: '6. How do you handle secrets management in Kubernetes for production?',
    links: [link('Secrets', `${K8S}/concepts/configuration/secret/`)],
  }),
  key('secretKeyRef.key', 'key', ['**.secretKeyRef.key', '**.configMapKeyRef.key'], {
    summary: 'Which entry of the Secret (or ConfigMap) becomes the variable\'s value.',
    guideSection: '6. How do you handle secrets management in Kubernetes for production?',
    links: [link('Secrets', `${K8S}/concepts/configuration/secret/`)],
  }),
  key('volumeMounts', 'volumeMounts', ['pod:containers[*].volumeMounts'], {
    summary: 'Where the pod\'s volumes appear in this container\'s file system.',
    guideSection: '4. Example: Azure Files PVC and Pod Mount',
    links: [link('Volumes', `${K8S}/concepts/storage/volumes/`)],
  }),
  key('volumeMounts.name', 'name', ['pod:containers[*].volumeMounts[*].name'], {
    summary: 'The volume to mount: a name from the pod\'s `volumes` or, in a StatefulSet, from `volumeClaimTemplates`.',
    guideSection: '2. StatefulSet Example with Persistent Volumes',
    links: [link('Volumes', `${K8S}/concepts/storage/volumes/`)],
  }),
  key('mountPath', 'mountPath', ['pod:containers[*].volumeMounts[*].mountPath'], {
    summary: 'The directory inside the container where the volume is mounted; it hides what the image had there.',
    guideSection: '4. Example: Azure Files PVC and Pod Mount',
    links: [link('Volumes', `${K8S}/concepts/storage/volumes/`)],
  }),
  // --- Resources
  key('resources', 'resources', ['pod:containers[*].resources'], {
    summary: 'The CPU and memory the container asks for (`requests`) and may not exceed (`limits`).',
    details: 'The scheduler places pods by requests; the kubelet throttles CPU above the limit and kills the container (OOMKilled) above the memory limit.',
    bestPractice: 'Set requests on every container (HPA and bin-packing depend on them) and a memory limit; equal requests and limits give the Guaranteed QoS class.',
    guideSection: REQUESTS_LIMITS,
    links: [resourcesLink],
  }),
  key('requests', 'requests', ['pod:containers[*].resources.requests'], {
    summary: 'The minimum CPU and memory reserved for the container; the scheduler only places the pod where this fits.',
    bestPractice: 'Base requests on observed usage (`kubectl top`, Azure Monitor); too high wastes nodes, too low gets pods evicted under pressure.',
    guideSection: REQUESTS_LIMITS,
    links: [resourcesLink],
  }),
  key('limits', 'limits', ['pod:containers[*].resources.limits'], {
    summary: 'The most CPU and memory the container may use: CPU above it is throttled, memory above it gets the container killed.',
    guideSection: REQUESTS_LIMITS,
    links: [resourcesLink],
  }),
  key('cpu', 'cpu', ['pod:containers[*].resources.requests.cpu', 'pod:containers[*].resources.limits.cpu'], {
    summary: 'CPU in cores: `500m` is half a core, `2` is two cores.',
    guideSection: REQUESTS_LIMITS,
    links: [link('CPU units', `${K8S}/concepts/configuration/manage-resources-containers/#meaning-of-cpu`)],
  }),
  key('memory', 'memory', ['pod:containers[*].resources.requests.memory', 'pod:containers[*].resources.limits.memory'], {
    summary: 'Memory in bytes with a suffix: `512Mi`, `2Gi` (binary) or `500M` (decimal).',
    guideSection: REQUESTS_LIMITS,
    links: [link('Memory units', `${K8S}/concepts/configuration/manage-resources-containers/#meaning-of-memory`)],
  }),
  // --- Probes
  key('livenessProbe', 'livenessProbe', ['pod:containers[*].livenessProbe'], {
    summary: 'Restarts the container when this check keeps failing: recovery from deadlocks.',
    bestPractice: 'Check only the process itself (not databases it depends on), with a generous `failureThreshold`; a wrong liveness probe restarts healthy pods in a loop.',
    guideSection: PROBES,
    links: [probesLink],
  }),
  key('readinessProbe', 'readinessProbe', ['pod:containers[*].readinessProbe'], {
    summary: 'Takes the pod out of its Services\' endpoints while this check fails: traffic goes only to pods that can serve it.',
    bestPractice: 'Every serving container needs one: rolling updates and zero-downtime deployments wait on readiness.',
    guideSection: PROBES,
    links: [probesLink],
  }),
  key('startupProbe', 'startupProbe', ['pod:containers[*].startupProbe'], {
    summary: 'Holds off liveness and readiness checks until a slow-starting container has started.',
    guideSection: PROBES,
    links: [probesLink],
  }),
  key('probe.httpGet', 'httpGet', ['**.livenessProbe.httpGet', '**.readinessProbe.httpGet', '**.startupProbe.httpGet'], {
    summary: 'Probe by HTTP GET on a `path` and `port`: any status from 200 to 399 passes. The usual choice for web services.',
    guideSection: PROBES,
    links: [probesLink],
  }),
  key('probe.tcpSocket', 'tcpSocket', ['**.livenessProbe.tcpSocket', '**.readinessProbe.tcpSocket', '**.startupProbe.tcpSocket'], {
    summary: 'Probe by opening a TCP connection to a `port`: passes when the connection is accepted. For non-HTTP servers.',
    guideSection: PROBES,
    links: [probesLink],
  }),
  key('probe.exec', 'exec', ['**.livenessProbe.exec', '**.readinessProbe.exec', '**.startupProbe.exec'], {
    summary: 'Probe by running a `command` in the container: exit code 0 passes. Costs a process per check.',
    guideSection: PROBES,
    links: [probesLink],
  }),
  key('probe.grpc', 'grpc', ['**.livenessProbe.grpc', '**.readinessProbe.grpc', '**.startupProbe.grpc'], {
    summary: 'Probe through the gRPC health checking protocol on a `port`.',
    guideSection: PROBES,
    links: [probesLink],
  }),
  key('probe.timing', 'probe timing', ['**.initialDelaySeconds', '**.periodSeconds', '**.failureThreshold', '**.successThreshold', '**.timeoutSeconds'], {
    summary: 'When and how often the probe runs, and how many failures (or successes) change the container\'s state.',
    guideSection: PROBES,
    links: [link('Configure probes', `${K8S}/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes`)],
  }),
  // --- Scheduling
  key('affinity', 'affinity', ['pod:affinity'], {
    summary: 'Rules on where pods may or prefer to run: near or away from other pods, on nodes with certain labels.',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink],
  }),
  key('podAntiAffinity', 'podAntiAffinity', ['pod:affinity.podAntiAffinity'], {
    summary: 'Keeps pods away from pods that match a selector, per topology domain: replicas on different nodes or zones.',
    details: '`preferredDuringScheduling...` spreads when it can and still schedules when it cannot; `requiredDuringScheduling...` refuses to schedule a replica that would share a node or zone, so it needs at least as many nodes/zones as replicas.',
    bestPractice: 'Use it for every critical replicated workload: prefer spreading across zones (`topology.kubernetes.io/zone`) and across nodes (`kubernetes.io/hostname`). For even spreading, `topologySpreadConstraints` are simpler.',
    aks: 'Combine with a zone-redundant node pool (`--zones 1 2 3`) so there are zones to spread over.',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink, link('AKS availability zones', `${AKS}/availability-zones`)],
  }),
  key('podAffinity', 'podAffinity', ['pod:affinity.podAffinity'], {
    summary: 'Places pods near pods that match a selector (same node or zone), e.g. a cache beside its app.',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink],
  }),
  key('nodeAffinity', 'nodeAffinity', ['pod:affinity.nodeAffinity'], {
    summary: 'Places pods on nodes whose labels match: node pools, zones, VM features.',
    aks: 'AKS node labels include `agentpool`, `kubernetes.azure.com/mode` (system/user) and `kubernetes.azure.com/scalesetpriority: spot`.',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink],
  }),
  key('preferredAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', ['**.preferredDuringSchedulingIgnoredDuringExecution'], {
    summary: 'Soft rules: the scheduler adds each matching term\'s `weight` to a node\'s score but still schedules when none can be met.',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink],
  }),
  key('requiredAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', ['**.requiredDuringSchedulingIgnoredDuringExecution'], {
    summary: 'Hard rules: a pod is only scheduled where all of them hold; otherwise it stays Pending.',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink],
  }),
  key('weight', 'weight', ['**.preferredDuringSchedulingIgnoredDuringExecution[*].weight'], {
    summary: 'How much this preference counts (1–100) against the other preferences when nodes are scored.',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink],
  }),
  key('podAffinityTerm', 'podAffinityTerm', ['**.podAffinityTerm'], {
    summary: 'The pods to stay away from (or near), by `labelSelector`, and the `topologyKey` that defines "the same place".',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink],
  }),
  key('labelSelector', 'labelSelector', ['**.labelSelector'], {
    summary: 'The pods this rule counts, by their labels; usually the workload\'s own pods.',
    guideSection: ANTI_AFFINITY,
    links: [affinityLink],
  }),
  key('topologyKey', 'topologyKey', ['**.topologyKey'], {
    summary: 'The node label that defines a domain: `kubernetes.io/hostname` means "one node", `topology.kubernetes.io/zone` means "one zone".',
    aks: 'AKS nodes carry `topology.kubernetes.io/zone` values such as `eastus-1` in zonal pools, and `0` in pools without zones.',
    guideSection: ANTI_AFFINITY,
    links: [link('Well-known labels', `${K8S}/reference/labels-annotations-taints/`)],
  }),
  key('topologySpreadConstraints', 'topologySpreadConstraints', ['pod:topologySpreadConstraints'], {
    summary: 'Spreads matching pods evenly over zones or nodes, allowing at most `maxSkew` difference between domains.',
    details: 'Simpler and more even than anti-affinity for replica spreading; anti-affinity only says "not together".',
    bestPractice: 'Spread over `topology.kubernetes.io/zone` with `whenUnsatisfiable: ScheduleAnyway` (or `DoNotSchedule` when zones are guaranteed) and over `kubernetes.io/hostname`.',
    guideSection: '2. How would you design a highly available application on AKS?',
    links: [spreadLink],
  }),
  key('maxSkew', 'maxSkew', ['**.topologySpreadConstraints[*].maxSkew'], {
    summary: 'The largest allowed difference in matching pods between two domains; 1 is as even as possible.',
    guideSection: '2. How would you design a highly available application on AKS?',
    links: [spreadLink],
  }),
  key('whenUnsatisfiable', 'whenUnsatisfiable', ['**.topologySpreadConstraints[*].whenUnsatisfiable'], {
    summary: '`DoNotSchedule` keeps a pod Pending rather than break the spread; `ScheduleAnyway` only prefers the spread.',
    guideSection: '2. How would you design a highly available application on AKS?',
    links: [spreadLink],
  }),
  values('whenUnsatisfiable', 'whenUnsatisfiable', [{ on: 'value', paths: ['**.topologySpreadConstraints[*].whenUnsatisfiable'], values: ['DoNotSchedule', 'ScheduleAnyway'] }], {
    summary: '`DoNotSchedule` is a hard rule (pods stay Pending); `ScheduleAnyway` a soft one (the scheduler only prefers the spread).',
    guideSection: '2. How would you design a highly available application on AKS?',
    links: [spreadLink],
    complete: true,
  }),
  key('nodeSelector', 'nodeSelector', ['pod:nodeSelector'], {
    summary: 'Runs the pod only on nodes that carry all these labels.',
    aks: 'Target a node pool with `agentpool: <pool>` or `kubernetes.azure.com/mode: user`; Windows pools need `kubernetes.io/os: windows`.',
    guideSection: 'Cluster Architecture & Node Pools',
    links: [link('nodeSelector', `${K8S}/concepts/scheduling-eviction/assign-pod-node/#nodeselector`), link('AKS node pools', `${AKS}/create-node-pools`)],
  }),
  key('tolerations', 'tolerations', ['pod:tolerations'], {
    summary: 'Lets the pod run on nodes with matching taints; it does not attract the pod there (use a node selector for that).',
    aks: 'Spot node pools are tainted `kubernetes.azure.com/scalesetpriority=spot:NoSchedule`; only pods that tolerate it run there.',
    guideSection: 'Cost Optimization',
    links: [link('Taints and tolerations', `${K8S}/concepts/scheduling-eviction/taint-and-toleration/`), link('AKS spot node pools', `${AKS}/spot-node-pool`)],
  }),
  key('volumes', 'volumes', ['pod:volumes'], {
    summary: 'The volumes the pod\'s containers can mount: claims, ConfigMaps, Secrets, `emptyDir`, CSI volumes.',
    guideSection: '4. Example: Azure Files PVC and Pod Mount',
    links: [link('Volumes', `${K8S}/concepts/storage/volumes/`)],
  }),
  key('volumes.name', 'name', ['pod:volumes[*].name'], {
    summary: 'The volume\'s name, which `volumeMounts[*].name` refers to.',
    guideSection: '4. Example: Azure Files PVC and Pod Mount',
    links: [link('Volumes', `${K8S}/concepts/storage/volumes/`)],
  }),
  key('volumes.persistentVolumeClaim', 'persistentVolumeClaim', ['pod:volumes[*].persistentVolumeClaim'], {
    summary: 'Mounts an existing PersistentVolumeClaim of the pod\'s namespace.',
    details: 'Several pods can share one claim only if its access mode allows (`ReadWriteMany` on Azure Files). For one claim per replica, use a StatefulSet\'s `volumeClaimTemplates`.',
    guideSection: '4. Example: Azure Files PVC and Pod Mount',
    links: [link('Claims as volumes', `${K8S}/concepts/storage/persistent-volumes/#claims-as-volumes`)],
  }),
  key('claimName', 'claimName', ['**.persistentVolumeClaim.claimName'], {
    summary: 'The name of the PersistentVolumeClaim to mount, in the pod\'s namespace.',
    guideSection: '4. Example: Azure Files PVC and Pod Mount',
    links: [link('Claims as volumes', `${K8S}/concepts/storage/persistent-volumes/#claims-as-volumes`)],
  }),
  // --- HorizontalPodAutoscaler
  key('hpa.scaleTargetRef', 'scaleTargetRef', ['spec.scaleTargetRef'], {
    summary: 'The workload whose replicas the autoscaler sets: its `apiVersion`, `kind` and `name`.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.scaleTargetRef.fields', 'scaleTargetRef', ['spec.scaleTargetRef.apiVersion', 'spec.scaleTargetRef.kind', 'spec.scaleTargetRef.name'], {
    summary: 'Names the scaled workload, e.g. `apps/v1` / `Deployment` / its name, in the autoscaler\'s namespace.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.minReplicas', 'minReplicas', ['spec.minReplicas'], {
    summary: 'The fewest replicas the autoscaler keeps, however low the load.',
    bestPractice: 'At least 2 (3 across zones) for services that must stay available.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.maxReplicas', 'maxReplicas', ['spec.maxReplicas'], {
    summary: 'The most replicas the autoscaler creates: a cost ceiling and protection against runaway scaling.',
    aks: 'Make sure the node pool\'s cluster-autoscaler maximum can hold this many pods.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.metrics', 'metrics', ['spec.metrics'], {
    summary: 'What the autoscaler watches; with several metrics it takes the one asking for the most replicas.',
    details: '`Resource` (CPU/memory of the pods, from metrics-server), `Pods` (a custom per-pod metric), `Object` (a metric of another object), `External` (outside the cluster, e.g. a queue length).',
    aks: 'Custom metrics need an adapter (Prometheus Adapter, or KEDA which also scales to zero).',
    guideSection: '13. Scenario: You need to autoscale your application based on custom metrics. How do you implement this?',
    links: [hpaLink, link('Scaling on custom metrics', `${K8S}/tasks/run-application/horizontal-pod-autoscale-walkthrough/#autoscaling-on-multiple-metrics-and-custom-metrics`)],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.metric.type', 'type', ['spec.metrics[*].type'], {
    summary: 'Which kind of metric this is: `Resource`, `ContainerResource`, `Pods`, `Object` or `External`; the field of the same name holds its settings.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  values('hpa.metric.type', 'metric type', [{ on: 'value', paths: ['spec.metrics[*].type'], values: ['Resource', 'ContainerResource', 'Pods', 'Object', 'External'], kinds: ['HorizontalPodAutoscaler'] }], {
    summary: '`Resource`: CPU or memory of the pods; `Pods`: a custom metric averaged per pod; `Object`: a metric of one object; `External`: a metric from outside the cluster.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
    complete: true,
  }),
  key('hpa.metric.resource', 'resource', ['spec.metrics[*].resource', 'spec.metrics[*].resource.name'], {
    summary: 'A CPU or memory metric of the pods (`name: cpu` or `memory`), compared with their requests.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.metric.pods', 'pods', ['spec.metrics[*].pods', 'spec.metrics[*].pods.metric', 'spec.metrics[*].pods.metric.name'], {
    summary: 'A custom metric reported per pod (requests per second, queue depth per worker), averaged over the pods.',
    details: 'The metric must be served by the custom metrics API, e.g. by the Prometheus Adapter.',
    guideSection: '13. Scenario: You need to autoscale your application based on custom metrics. How do you implement this?',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.target', 'target', ['spec.metrics[*].resource.target', 'spec.metrics[*].pods.target', 'spec.metrics[*].object.target', 'spec.metrics[*].external.target', 'spec.metrics[*].containerResource.target'], {
    summary: 'The value to keep the metric at: `type: Utilization` (percent of requests), `AverageValue` (per pod) or `Value`.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.target.type', 'type', ['spec.metrics[*].resource.target.type', 'spec.metrics[*].pods.target.type', 'spec.metrics[*].object.target.type', 'spec.metrics[*].external.target.type', 'spec.metrics[*].containerResource.target.type'], {
    summary: '`Utilization` compares with a percentage of the pods\' requests; `AverageValue` with a value per pod; `Value` with a total.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  values('hpa.target.type', 'target type', [{ on: 'value', paths: ['spec.metrics[*].resource.target.type', 'spec.metrics[*].pods.target.type', 'spec.metrics[*].object.target.type', 'spec.metrics[*].external.target.type'], values: ['Utilization', 'AverageValue', 'Value'], kinds: ['HorizontalPodAutoscaler'] }], {
    summary: '`Utilization`: percent of requests (Resource metrics only); `AverageValue`: value per pod; `Value`: the metric\'s total.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
    complete: true,
  }),
  key('hpa.averageUtilization', 'averageUtilization', ['**.target.averageUtilization'], {
    summary: 'The target as a percentage of the pods\' requests: `50` adds pods when they average more than half of what they requested.',
    details: 'Pods without a request for this resource make the calculation impossible; the autoscaler then does nothing.',
    guideSection: 'Scaling Strategies',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.averageValue', 'averageValue', ['**.target.averageValue', '**.target.value'], {
    summary: 'The target as a quantity per pod (`averageValue`) or in total (`value`), such as `100` or `500m`.',
    guideSection: '13. Scenario: You need to autoscale your application based on custom metrics. How do you implement this?',
    links: [hpaLink],
  }, ['HorizontalPodAutoscaler']),
  key('hpa.behavior', 'behavior', ['spec.behavior'], {
    summary: 'How fast the autoscaler may scale up and down (stabilization windows and rate policies) to avoid flapping.',
    guideSection: 'Scaling Strategies',
    links: [link('Configurable scaling behavior', `${K8S}/tasks/run-application/horizontal-pod-autoscale/#configurable-scaling-behavior`)],
  }, ['HorizontalPodAutoscaler']),
  // --- PodDisruptionBudget
  key('pdb.minAvailable', 'minAvailable', ['spec.minAvailable'], {
    summary: 'How many of the selected pods (a number or a percentage) must stay running while nodes are drained or upgraded.',
    details: 'An eviction that would leave fewer pods ready waits. With `minAvailable` equal to the replica count no pod can ever be evicted, and node drains hang.',
    bestPractice: 'Keep it below the replica count (e.g. 2 of 3), or use `maxUnavailable: 1`, which keeps working when you scale.',
    aks: 'AKS upgrades drain nodes one surge batch at a time and wait on PDBs; a budget that allows no eviction makes the upgrade fail after its drain timeout.',
    guideSection: '14. How do you upgrade a running AKS cluster with minimal disruption?',
    links: [pdbLink, link('AKS upgrades and PDBs', `${AKS}/upgrade-cluster`)],
  }, ['PodDisruptionBudget']),
  key('pdb.maxUnavailable', 'maxUnavailable', ['spec.maxUnavailable'], {
    summary: 'How many of the selected pods (a number or a percentage) may be down at once during voluntary disruptions.',
    bestPractice: '`maxUnavailable: 1` adapts to any replica count and always leaves room for node drains.',
    guideSection: '14. How do you upgrade a running AKS cluster with minimal disruption?',
    links: [pdbLink],
  }, ['PodDisruptionBudget']),
  // --- ResourceQuota
  key('quota.hard', 'hard', ['spec.hard'], {
    summary: 'The limits of the namespace: total `requests.*` and `limits.*` of its pods, object counts (`pods`, `services`), storage.',
    guideSection: 'Resource Quotas & Limits',
    links: [link('Resource quotas', `${K8S}/concepts/policy/resource-quotas/`)],
  }, ['ResourceQuota']),
  key('quota.compute', 'compute quota', ['spec.hard["requests.cpu"]', 'spec.hard["requests.memory"]', 'spec.hard["limits.cpu"]', 'spec.hard["limits.memory"]', 'spec.hard.cpu', 'spec.hard.memory'], {
    summary: 'The sum of all pods\' CPU or memory requests (or limits) allowed in the namespace.',
    details: 'Once set, pods that do not declare that request or limit are refused; a LimitRange can give defaults.',
    guideSection: 'Resource Quotas & Limits',
    links: [link('Compute resource quota', `${K8S}/concepts/policy/resource-quotas/#compute-resource-quota`)],
  }, ['ResourceQuota']),
  key('quota.count', 'object count quota', ['spec.hard.pods', 'spec.hard.services', 'spec.hard.secrets', 'spec.hard.configmaps', 'spec.hard.persistentvolumeclaims', 'spec.hard["requests.storage"]', 'spec.hard["services.loadbalancers"]'], {
    summary: 'The most objects of a type (or total claimed storage) the namespace may hold.',
    guideSection: 'Resource Quotas & Limits',
    links: [link('Object count quota', `${K8S}/concepts/policy/resource-quotas/#object-count-quota`)],
  }, ['ResourceQuota']),
  // --- Values
  values('operator', 'operator', [{ on: 'value', paths: ['**.matchExpressions[*].operator'], values: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }], {
    summary: '`In`/`NotIn`: the label\'s value is (not) one of `values`; `Exists`/`DoesNotExist`: the label is (not) present, whatever its value.',
    guideSection: ANTI_AFFINITY,
    links: [link('Set-based selectors', `${K8S}/concepts/overview/working-with-objects/labels/#set-based-requirement`)],
    complete: true,
  }),
  values('image.k8s-gcr', 'k8s.gcr.io', [{ on: 'value', paths: ['pod:containers[*].image'], prefixes: ['k8s.gcr.io/'] }], {
    summary: 'The old registry of upstream Kubernetes images, frozen since April 2023.',
    correction: 'The guide pulls from `k8s.gcr.io`; upstream images are now published only to `registry.k8s.io` (same paths). New versions never reach the old name.',
    guideSection: 'Control Plane Components',
    links: [link('registry.k8s.io', 'https://kubernetes.io/blog/2023/03/10/image-registry-redirect/')],
  }),
];
