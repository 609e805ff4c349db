// Services, Ingress and NetworkPolicy: fields, Service types, and the annotations that steer them on AKS.
import { entryOf, type EntryText, fieldEntry, type KnowledgeEntry, link } from './types';

const K8S = 'https://kubernetes.io/docs/concepts/services-networking';
const AKS = 'https://learn.microsoft.com/en-us/azure/aks';
const SERVICE_TYPES = 'Types of Kubernetes Services';
const SERVICES = 'Kubernetes Services: Detailed Explanation, Diagram, and Examples';
const INGRESS = 'a. Ingress Resource';
const POLICIES = '1. Using Network Policies to Restrict Pod-to-Pod Traffic';

const key = (id: string, title: string, paths: string[], kinds: string[] | undefined, text: EntryText): KnowledgeEntry =>
  fieldEntry(id, title, paths, text, kinds);
const entry = entryOf;
const annotation = (name: string) => `meta:annotations[${JSON.stringify(name)}]`;

const serviceLink = link('Service', `${K8S}/service/`);
const serviceTypesLink = link('Service types', `${K8S}/service/#publishing-services-service-types`);
const ingressLink = link('Ingress', `${K8S}/ingress/`);
const policyLink = link('Network Policies', `${K8S}/network-policies/`);
const serviceType = (value: string, rest: EntryText) =>
  entry(`service-type/${value}`, `type: ${value}`, [{ on: 'value', paths: ['spec.type'], values: [value], kinds: ['Service'] }], { ...rest, complete: true });

export const NETWORKING_KNOWLEDGE: readonly KnowledgeEntry[] = [
  // --- Service
  key('service.type', 'type', ['spec.type'], ['Service'], {
    summary: 'Who can reach the Service: `ClusterIP` (in the cluster), `NodePort` (node ports), `LoadBalancer` (a cloud load balancer), `ExternalName` (a DNS alias).',
    details: 'Each wider type includes the narrower ones: a LoadBalancer Service also has a node port and a cluster IP.',
    guideSection: SERVICE_TYPES,
    links: [serviceTypesLink],
  }),
  serviceType('ClusterIP', {
    summary: 'The default: a virtual address reachable only from inside the cluster.',
    details: 'Use it for service-to-service calls (`orders-service.default.svc.cluster.local`) and behind an Ingress. Set `clusterIP: None` for a headless Service that resolves to the pod addresses (StatefulSets).',
    bestPractice: 'The right type for almost every service; publish HTTP to the outside through an Ingress or Gateway instead of changing the type.',
    guideSection: SERVICE_TYPES,
    links: [serviceTypesLink],
  }),
  serviceType('NodePort', {
    summary: 'Opens the same port (30000–32767) on every node and forwards it to the pods.',
    details: 'Reachable at `<node IP>:<nodePort>`. Fine for development or behind your own load balancer; clients must know node addresses, which change.',
    bestPractice: 'Avoid in production: nodes need not have public addresses, and a port per service does not scale. Prefer LoadBalancer or Ingress.',
    aks: 'AKS nodes have no public IP by default, so a NodePort is only reachable from the VNet.',
    guideSection: SERVICE_TYPES,
    links: [serviceTypesLink],
  }),
  serviceType('LoadBalancer', {
    summary: 'Asks the cloud for a load balancer with its own IP that forwards to the Service\'s node ports.',
    details: 'The production way to expose non-HTTP traffic (TCP/UDP). For many HTTP services, one Ingress controller behind a single LoadBalancer is cheaper than one IP each.',
    bestPractice: 'Restrict sources with `loadBalancerSourceRanges`; keep internal services private with the internal-load-balancer annotation.',
    aks: 'AKS adds a rule and a public IP to the cluster\'s Azure Standard Load Balancer. `service.beta.kubernetes.io/azure-load-balancer-internal: "true"` uses a private VNet address instead; `azure-load-balancer-internal-subnet` picks the subnet; `azure-dns-label-name` gives a DNS name. `externalTrafficPolicy: Local` keeps client source IPs.',
    guideSection: 'Example 3: LoadBalancer Service (Cloud)',
    links: [serviceTypesLink, link('AKS public load balancer', `${AKS}/load-balancer-standard`), link('AKS internal load balancer', `${AKS}/internal-lb`)],
  }),
  serviceType('ExternalName', {
    summary: 'No proxying at all: the Service name becomes a DNS CNAME for `externalName`.',
    details: 'Lets pods use a cluster name for an outside dependency (a managed database) and switch it later without changing the app. No ports, selector or load balancing; TLS clients see the external host name.',
    aks: 'For Azure SQL or Storage reached through a private endpoint, point it at the privatelink DNS name.',
    guideSection: 'Example 4: ExternalName Service',
    links: [serviceTypesLink],
  }),
  key('service.selector', 'selector', ['spec.selector'], ['Service'], {
    summary: 'The labels of the pods that receive the traffic; endpoints follow the matching ready pods as they come and go.',
    details: 'Without a selector the Service has no endpoints unless you create EndpointSlices yourself (for outside backends).',
    guideSection: 'How Services Work',
    links: [serviceLink],
  }),
  key('service.ports', 'ports', ['spec.ports'], ['Service'], {
    summary: 'The ports the Service exposes and where each one forwards in the pods.',
    guideSection: SERVICES,
    links: [serviceLink],
  }),
  key('service.port', 'port', ['spec.ports[*].port'], ['Service'], {
    summary: 'The port clients connect to on the Service\'s name or IP.',
    guideSection: 'Example 1: ClusterIP Service',
    links: [serviceLink],
  }),
  key('service.targetPort', 'targetPort', ['spec.ports[*].targetPort'], ['Service'], {
    summary: 'The container port traffic is forwarded to; a number, or the name of a container port. Defaults to `port`.',
    bestPractice: 'Refer to a named container port (`http`) so the container can change its number without touching the Service.',
    guideSection: 'Example 1: ClusterIP Service',
    links: [serviceLink],
  }),
  key('service.nodePort', 'nodePort', ['spec.ports[*].nodePort'], ['Service'], {
    summary: 'The port opened on every node for NodePort and LoadBalancer Services (30000–32767); chosen for you when left out.',
    bestPractice: 'Leave it out unless a fixed port is required: hand-picked ports collide.',
    guideSection: 'Example 2: NodePort Service',
    links: [link('NodePort', `${K8S}/service/#type-nodeport`)],
  }),
  key('service.protocol', 'protocol', ['spec.ports[*].protocol', 'pod:containers[*].ports[*].protocol', 'spec.ingress[*].ports[*].protocol', 'spec.egress[*].ports[*].protocol'], undefined, {
    summary: 'The transport protocol: `TCP` (default), `UDP` or `SCTP`.',
    guideSection: 'Example 1: ClusterIP Service',
    links: [serviceLink],
  }),
  key('service.externalName', 'externalName', ['spec.externalName'], ['Service'], {
    summary: 'The DNS name an ExternalName Service aliases (a CNAME), such as a managed database host.',
    guideSection: 'Example 4: ExternalName Service',
    links: [link('ExternalName', `${K8S}/service/#externalname`)],
  }),
  key('service.clusterIP', 'clusterIP', ['spec.clusterIP'], ['Service'], {
    summary: 'The Service\'s virtual IP, usually assigned for you; `None` makes a headless Service whose DNS name lists the pod IPs.',
    guideSection: 'StatefulSets',
    links: [link('Headless Services', `${K8S}/service/#headless-services`)],
  }),
  key('service.externalTrafficPolicy', 'externalTrafficPolicy', ['spec.externalTrafficPolicy'], ['Service'], {
    summary: '`Cluster` (default) may forward through another node and hides the client IP; `Local` keeps the client IP and only uses nodes with a ready pod.',
    guideSection: 'Example 3: LoadBalancer Service (Cloud)',
    links: [link('Traffic policies', `${K8S}/service-traffic-policy/`)],
  }),
  key('service.loadBalancerSourceRanges', 'loadBalancerSourceRanges', ['spec.loadBalancerSourceRanges'], ['Service'], {
    summary: 'The client CIDRs allowed through a LoadBalancer Service; everything else is dropped.',
    aks: 'AKS writes these ranges into the node network security group.',
    guideSection: 'Security Hardening',
    links: [link('AKS load balancer', `${AKS}/load-balancer-standard#restrict-inbound-traffic-to-specific-ip-ranges`)],
  }),
  // --- Ingress
  key('ingress.ingressClassName', 'ingressClassName', ['spec.ingressClassName'], ['Ingress'], {
    summary: 'Which ingress controller serves this Ingress, by the name of an IngressClass.',
    bestPractice: 'Always set it: with several controllers (or none marked default) an Ingress without a class may be ignored.',
    aks: 'Classes you will meet on AKS: `webapprouting.kubernetes.azures.com` (application routing add-on), `nginx` (your own ingress-nginx), `azure-application-gateway` (AGIC).',
    correction: 'The guide selects the controller with the `kubernetes.io/ingress.class` annotation, deprecated since Kubernetes 1.18; this field replaces it.',
    guideSection: INGRESS,
    links: [link('Ingress class', `${K8S}/ingress/#ingress-class`), link('AKS application routing', `${AKS}/app-routing`)],
  }),
  entry('ingress-class/values', 'ingress class', [{ on: 'value', paths: ['spec.ingressClassName'], values: ['webapprouting.kubernetes.azures.com', 'nginx', 'azure-application-gateway'], kinds: ['Ingress'] }], {
    summary: 'The IngressClass that picks the controller: `webapprouting.kubernetes.azures.com` for AKS application routing (managed NGINX), `nginx` for a self-installed ingress-nginx, `azure-application-gateway` for AGIC.',
    guideSection: 'b. Ingress Controller',
    links: [link('AKS application routing', `${AKS}/app-routing`)],
    complete: true,
  }),
  key('ingress.tls', 'tls', ['spec.tls'], ['Ingress'], {
    summary: 'Terminates HTTPS for the listed `hosts` with the certificate and key in the Secret `secretName` (type `kubernetes.io/tls`).',
    bestPractice: 'Let cert-manager issue and renew the certificates, or keep them in Key Vault.',
    aks: 'The application routing add-on can read certificates straight from Azure Key Vault (`kubernetes.azure.com/tls-cert-keyvault-uri` annotation).',
    guideSection: INGRESS,
    links: [link('Ingress TLS', `${K8S}/ingress/#tls`), link('Key Vault certificates for app routing', `${AKS}/app-routing-dns-ssl`)],
  }),
  key('ingress.tls.hosts', 'hosts', ['spec.tls[*].hosts'], ['Ingress'], {
    summary: 'The host names this certificate covers; they must match the `host` of the rules.',
    guideSection: INGRESS,
    links: [link('Ingress TLS', `${K8S}/ingress/#tls`)],
  }),
  key('ingress.tls.secretName', 'secretName', ['spec.tls[*].secretName'], ['Ingress'], {
    summary: 'The `kubernetes.io/tls` Secret in the Ingress\'s namespace holding `tls.crt` and `tls.key`.',
    guideSection: INGRESS,
    links: [link('TLS Secrets', 'https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets')],
  }),
  key('ingress.rules', 'rules', ['spec.rules'], ['Ingress'], {
    summary: 'Routing rules: for a `host` (or any host), which URL paths go to which Service.',
    guideSection: 'Services & Ingress',
    links: [ingressLink, link('Ingress rules', `${K8S}/ingress/#ingress-rules`)],
  }),
  key('ingress.host', 'host', ['spec.rules[*].host'], ['Ingress'], {
    summary: 'The host name the rule answers for (`app.example.com`, or a wildcard `*.example.com`); without it, every host.',
    guideSection: 'Services & Ingress',
    links: [link('Host name wildcards', `${K8S}/ingress/#hostname-wildcards`)],
  }),
  key('ingress.http', 'http', ['spec.rules[*].http', 'spec.rules[*].http.paths'], ['Ingress'], {
    summary: 'The HTTP paths of the rule, each with a match type and a backend Service.',
    guideSection: 'Services & Ingress',
    links: [link('Ingress rules', `${K8S}/ingress/#ingress-rules`)],
  }),
  key('ingress.path', 'path', ['spec.rules[*].http.paths[*].path'], ['Ingress'], {
    summary: 'The URL path to match, read according to `pathType`; the longest matching path wins.',
    guideSection: 'Services & Ingress',
    links: [link('Path types', `${K8S}/ingress/#path-types`)],
  }),
  key('ingress.pathType', 'pathType', ['spec.rules[*].http.paths[*].pathType'], ['Ingress'], {
    summary: 'How `path` matches: `Prefix` (by path segments: `/api` matches `/api/x`, not `/apix`), `Exact`, or `ImplementationSpecific` (up to the controller).',
    bestPractice: 'Prefer `Prefix` or `Exact`: they behave the same on every controller.',
    guideSection: 'Services & Ingress',
    links: [link('Path types', `${K8S}/ingress/#path-types`)],
  }),
  entry('ingress-path-type/values', 'pathType', [{ on: 'value', paths: ['spec.rules[*].http.paths[*].pathType'], values: ['Prefix', 'Exact', 'ImplementationSpecific'], kinds: ['Ingress'] }], {
    summary: '`Prefix` matches whole path segments, `Exact` only the exact path, `ImplementationSpecific` is left to the controller (avoid for portability).',
    guideSection: 'Services & Ingress',
    links: [link('Path types', `${K8S}/ingress/#path-types`)],
    complete: true,
  }),
  key('ingress.backend', 'backend', ['spec.rules[*].http.paths[*].backend', 'spec.defaultBackend'], ['Ingress'], {
    summary: 'Where matching requests go: a Service in the Ingress\'s namespace and one of its ports.',
    guideSection: 'Services & Ingress',
    links: [link('Ingress backends', `${K8S}/ingress/#resource-backend`)],
  }),
  key('ingress.backend.service', 'service', ['**.backend.service', '**.backend.service.name', '**.backend.service.port', '**.backend.service.port.number', '**.backend.service.port.name'], ['Ingress'], {
    summary: 'The backend Service by `name`, and its port by `number` or by `name` (the Service\'s port, not the container\'s).',
    correction: 'Before `networking.k8s.io/v1` this was written `serviceName` / `servicePort`; those forms no longer exist.',
    guideSection: 'Services & Ingress',
    links: [link('Ingress', `${K8S}/ingress/`)],
  }),
  entry('annotation/ingress.class', 'kubernetes.io/ingress.class', [{ on: 'key', paths: [annotation('kubernetes.io/ingress.class')] }], {
    summary: 'The old way of choosing the ingress controller, deprecated since Kubernetes 1.18.',
    correction: 'The guide sets this annotation. Use `spec.ingressClassName: <class>` instead; controllers may ignore the annotation, and it cannot be combined with the field.',
    guideSection: INGRESS,
    links: [link('Deprecated annotation', `${K8S}/ingress/#deprecated-annotation`)],
    deprecated: true,
  }),
  entry('annotation/nginx-rewrite', 'nginx.ingress.kubernetes.io/*', [{ on: 'key', paths: [annotation('nginx.ingress.kubernetes.io/rewrite-target'), annotation('nginx.ingress.kubernetes.io/ssl-redirect'), annotation('nginx.ingress.kubernetes.io/backend-protocol')] }], {
    summary: 'Settings for the NGINX ingress controller (path rewriting, HTTPS redirect, backend protocol); other controllers ignore them.',
    guideSection: 'b. Ingress Controller',
    links: [link('ingress-nginx annotations', 'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/')],
  }),
  entry('annotation/azure-lb-internal', 'service.beta.kubernetes.io/azure-load-balancer-internal', [{ on: 'key', paths: [annotation('service.beta.kubernetes.io/azure-load-balancer-internal')] }], {
    summary: 'AKS: `"true"` puts a LoadBalancer Service on the internal Azure load balancer, with a private IP from the VNet.',
    details: 'Use it for services only other VNet or peered networks (or an Application Gateway in front) should reach. The value is the string `"true"`, quoted.',
    aks: 'Pair with `service.beta.kubernetes.io/azure-load-balancer-internal-subnet` to choose the subnet.',
    guideSection: 'Networking Options',
    links: [link('AKS internal load balancer', `${AKS}/internal-lb`)],
  }),
  entry('annotation/azure-lb-others', 'service.beta.kubernetes.io/azure-*', [{ on: 'key', paths: [
    annotation('service.beta.kubernetes.io/azure-load-balancer-internal-subnet'),
    annotation('service.beta.kubernetes.io/azure-dns-label-name'),
    annotation('service.beta.kubernetes.io/azure-load-balancer-resource-group'),
    annotation('service.beta.kubernetes.io/azure-pip-name'),
    annotation('service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path'),
  ] }], {
    summary: 'AKS settings for the Azure load balancer of a LoadBalancer Service: subnet, DNS label, public IP name or resource group, health probe path.',
    guideSection: 'Networking Options',
    links: [link('AKS load balancer annotations', `${AKS}/load-balancer-standard`)],
  }),
  // --- NetworkPolicy
  key('policy.podSelector', 'podSelector', ['spec.podSelector'], ['NetworkPolicy'], {
    summary: 'The pods of this namespace the policy applies to; `{}` selects all of them (the basis of a default-deny policy).',
    guideSection: POLICIES,
    links: [policyLink],
  }),
  key('policy.policyTypes', 'policyTypes', ['spec.policyTypes'], ['NetworkPolicy'], {
    summary: 'Which directions the policy restricts: `Ingress`, `Egress` or both. A listed direction with no rules denies all traffic that way.',
    bestPractice: 'Write it out: when left out, `Egress` is only assumed if egress rules exist, which surprises readers.',
    guideSection: POLICIES,
    links: [policyLink],
  }),
  entry('policy-type/values', 'policyTypes', [{ on: 'value', paths: ['spec.policyTypes[*]'], values: ['Ingress', 'Egress'], kinds: ['NetworkPolicy'] }], {
    summary: '`Ingress` restricts traffic into the selected pods, `Egress` traffic out of them; an empty rule list for a listed type denies everything.',
    guideSection: '9. Scenario: You need to restrict egress traffic from a namespace. How do you do it?',
    links: [policyLink],
    complete: true,
  }),
  key('policy.ingress', 'ingress', ['spec.ingress'], ['NetworkPolicy'], {
    summary: 'Allowed incoming traffic: each rule lists sources (`from`) and `ports`; a connection passes if any rule allows it.',
    guideSection: POLICIES,
    links: [policyLink],
  }),
  key('policy.egress', 'egress', ['spec.egress'], ['NetworkPolicy'], {
    summary: 'Allowed outgoing traffic: each rule lists destinations (`to`) and `ports`; `egress: []` with `Egress` in policyTypes denies all.',
    bestPractice: 'When you deny egress, allow DNS (port 53 to kube-dns in kube-system) or every name lookup fails.',
    guideSection: '9. Scenario: You need to restrict egress traffic from a namespace. How do you do it?',
    links: [policyLink],
  }),
  key('policy.from', 'from', ['spec.ingress[*].from', 'spec.egress[*].to'], ['NetworkPolicy'], {
    summary: 'The peers a rule allows: pods (`podSelector`), namespaces (`namespaceSelector`), both in one item (AND), or address ranges (`ipBlock`).',
    details: 'Separate list items are OR-ed; a `podSelector` and `namespaceSelector` in the same item must both match.',
    guideSection: POLICIES,
    links: [link('Behavior of to and from selectors', `${K8S}/network-policies/#behavior-of-to-and-from-selectors`)],
  }),
  key('policy.peer.podSelector', 'podSelector', ['spec.ingress[*].from[*].podSelector', 'spec.egress[*].to[*].podSelector'], ['NetworkPolicy'], {
    summary: 'Allows pods with these labels, in the policy\'s own namespace unless a `namespaceSelector` sits in the same item.',
    guideSection: POLICIES,
    links: [policyLink],
  }),
  key('policy.peer.namespaceSelector', 'namespaceSelector', ['spec.ingress[*].from[*].namespaceSelector', 'spec.egress[*].to[*].namespaceSelector'], ['NetworkPolicy'], {
    summary: 'Allows pods in namespaces with these labels; `kubernetes.io/metadata.name` selects a namespace by name.',
    guideSection: POLICIES,
    links: [policyLink],
  }),
  key('policy.peer.ipBlock', 'ipBlock', ['spec.ingress[*].from[*].ipBlock', 'spec.egress[*].to[*].ipBlock'], ['NetworkPolicy'], {
    summary: 'Allows an address range (`cidr`, minus `except`), for destinations outside the cluster such as an Azure SQL endpoint.',
    guideSection: POLICIES,
    links: [policyLink],
  }),
  key('policy.ports', 'ports', ['spec.ingress[*].ports', 'spec.egress[*].ports'], ['NetworkPolicy'], {
    summary: 'The ports (and protocols) a rule allows; without them, every port.',
    guideSection: POLICIES,
    links: [policyLink],
  }),
];
