// Security contexts, service accounts and Workload Identity, RBAC, and Istio mTLS.
import { entryOf, type EntryText, fieldEntry, type KnowledgeEntry, link } from './types';

const K8S = 'https://kubernetes.io/docs';
const AKS = 'https://learn.microsoft.com/en-us/azure/aks';
const RBAC = '3. Using RBAC for API Access Control (with Azure AD Integration)';
const MTLS = '2. Using mTLS (Istio, Linkerd) for Encrypted Service-to-Service Communication';
const HARDENING = 'i. Security & Compliance';

const key = (id: string, title: string, paths: string[], kinds: string[] | undefined, text: EntryText): KnowledgeEntry =>
  fieldEntry(id, title, paths, text, kinds);
const entry = entryOf;
const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];

const contextLink = link('Security context', `${K8S}/tasks/configure-pod-container/security-context/`);
const pssLink = link('Pod Security Standards', `${K8S}/concepts/security/pod-security-standards/`);
const rbacLink = link('RBAC', `${K8S}/reference/access-authn-authz/rbac/`);
const workloadIdLink = link('Workload ID on AKS', `${AKS}/workload-identity-overview`);

export const SECURITY_KNOWLEDGE: readonly KnowledgeEntry[] = [
  key('securityContext', 'securityContext', ['pod:securityContext', 'pod:containers[*].securityContext'], undefined, {
    summary: 'Who the processes run as and what they may do: user and group, privilege escalation, capabilities, seccomp, read-only root.',
    details: 'The pod-level context sets defaults for all containers (user, group, `fsGroup`, seccomp); the container-level one overrides them and adds capabilities and `readOnlyRootFilesystem`.',
    bestPractice: 'Meet the *restricted* Pod Security Standard: `runAsNonRoot: true`, `allowPrivilegeEscalation: false`, `capabilities.drop: [ALL]`, `seccompProfile.type: RuntimeDefault`, and a read-only root file system where the app allows.',
    aks: 'Azure Policy for AKS has built-in initiatives that audit or deny pods breaking these rules.',
    guideSection: HARDENING,
    links: [contextLink, pssLink, link('Azure Policy for AKS', `${AKS}/use-azure-policy`)],
  }),
  key('runAsNonRoot', 'runAsNonRoot', ['**.securityContext.runAsNonRoot'], undefined, {
    summary: 'Refuses to start a container whose user is root (UID 0).',
    bestPractice: '`true` everywhere; give the image a numeric non-root `USER` or set `runAsUser`.',
    guideSection: HARDENING,
    links: [contextLink],
  }),
  key('runAsUser', 'runAsUser / runAsGroup / fsGroup', ['**.securityContext.runAsUser', '**.securityContext.runAsGroup', '**.securityContext.fsGroup'], undefined, {
    summary: 'The numeric user and group the processes run as, and the group that owns mounted volumes (`fsGroup`).',
    guideSection: HARDENING,
    links: [contextLink],
  }),
  key('allowPrivilegeEscalation', 'allowPrivilegeEscalation', ['**.securityContext.allowPrivilegeEscalation'], undefined, {
    summary: 'Whether a process can gain more privileges than its parent (setuid binaries); set it to `false`.',
    guideSection: HARDENING,
    links: [contextLink],
  }),
  key('readOnlyRootFilesystem', 'readOnlyRootFilesystem', ['**.securityContext.readOnlyRootFilesystem'], undefined, {
    summary: 'Mounts the image\'s file system read-only; writable places come from volumes (`emptyDir` for temp files).',
    guideSection: HARDENING,
    links: [contextLink],
  }),
  key('privileged', 'privileged', ['**.securityContext.privileged'], undefined, {
    summary: 'Gives the container nearly all the host\'s powers. Only node-level system agents need it; application pods never.',
    guideSection: HARDENING,
    links: [contextLink, pssLink],
  }),
  key('capabilities', 'capabilities', ['**.securityContext.capabilities'], undefined, {
    summary: 'Linux capabilities to `drop` (use `[ALL]`) and the few to `add` back (e.g. `NET_BIND_SERVICE`).',
    guideSection: HARDENING,
    links: [contextLink],
  }),
  key('seccompProfile', 'seccompProfile', ['**.securityContext.seccompProfile'], undefined, {
    summary: 'The system-call filter: `RuntimeDefault` blocks calls containers do not need.',
    guideSection: HARDENING,
    links: [link('Seccomp', `${K8S}/tutorials/security/seccomp/`)],
  }),
  key('serviceAccountName', 'serviceAccountName', ['pod:serviceAccountName'], undefined, {
    summary: 'The ServiceAccount the pod runs as: its Kubernetes API permissions and, with Workload Identity, its Azure identity.',
    bestPractice: 'One service account per application instead of `default`, bound only to the roles it needs.',
    aks: 'For Workload Identity, this account carries the `azure.workload.identity/client-id` annotation and the pod template the `azure.workload.identity/use: "true"` label.',
    guideSection: RBAC,
    links: [link('Service accounts', `${K8S}/concepts/security/service-accounts/`), workloadIdLink],
  }),
  key('automountServiceAccountToken', 'automountServiceAccountToken', ['pod:automountServiceAccountToken', 'automountServiceAccountToken'], undefined, {
    summary: 'Whether a Kubernetes API token is mounted into the pod; `false` unless the app calls the API.',
    guideSection: 'Security Hardening',
    links: [link('Service account tokens', `${K8S}/concepts/security/service-accounts/`)],
  }),
  entry('label/azure.workload.identity/use', 'azure.workload.identity/use', [{ on: 'key', paths: ['meta:labels["azure.workload.identity/use"]'] }], {
    summary: 'AKS Workload Identity: `"true"` on a pod (template) label makes the webhook inject the token file and Azure variables for its service account\'s identity.',
    details: 'The pod\'s ServiceAccount names a managed identity in `azure.workload.identity/client-id`; that identity has a federated credential for the cluster\'s OIDC issuer and this service account. Azure SDKs then authenticate with no secret (Key Vault, Storage, SQL).',
    aks: 'Enable it with `az aks update --enable-oidc-issuer --enable-workload-identity`. It must be a **label** on the pod, not an annotation, and the value the string `"true"`.',
    correction: 'The guide\'s Key Vault example relies on AAD Pod Identity, which was deprecated in 2022 and is no longer supported on AKS. Workload Identity is its replacement.',
    guideSection: 'c. Azure Key Vault Integration (AAD Pod Identity)',
    links: [workloadIdLink, link('Deploy with Workload ID', `${AKS}/workload-identity-deploy-cluster`)],
  }),
  entry('annotation/azure.workload.identity', 'azure.workload.identity/*', [{ on: 'key', paths: ['meta:annotations["azure.workload.identity/client-id"]', 'meta:annotations["azure.workload.identity/tenant-id"]'] }], {
    summary: 'AKS Workload Identity: on a ServiceAccount, the client ID (and optionally tenant) of the Microsoft Entra application or managed identity its pods act as.',
    aks: 'Create a federated credential on that identity for `system:serviceaccount:<namespace>:<name>` and the cluster\'s OIDC issuer URL.',
    guideSection: 'c. Azure Key Vault Integration (AAD Pod Identity)',
    links: [workloadIdLink],
  }),
  entry('label/aadpodidbinding', 'aadpodidbinding', [{ on: 'key', paths: ['meta:labels.aadpodidbinding'] }], {
    summary: 'The AAD Pod Identity binding label, from a deprecated add-on.',
    correction: 'AAD Pod Identity was deprecated in 2022 and is no longer supported on AKS. Replace it with Workload Identity: the `azure.workload.identity/use: "true"` label and an annotated ServiceAccount.',
    guideSection: 'c. Azure Key Vault Integration (AAD Pod Identity)',
    links: [link('Migrate from pod identity', `${AKS}/workload-identity-migrate-from-pod-identity`)],
    deprecated: true,
  }),
  entry('label/pod-security', 'pod-security.kubernetes.io/*', [{ on: 'key', paths: ['meta:labels["pod-security.kubernetes.io/enforce"]', 'meta:labels["pod-security.kubernetes.io/audit"]', 'meta:labels["pod-security.kubernetes.io/warn"]'] }], {
    summary: 'On a Namespace: the Pod Security Standard (`privileged`, `baseline`, `restricted`) that new pods must meet (`enforce`) or are reported against (`audit`, `warn`).',
    guideSection: HARDENING,
    links: [link('Pod Security Admission', `${K8S}/concepts/security/pod-security-admission/`)],
  }),
  // --- RBAC
  key('rbac.rules', 'rules', ['rules'], ['Role', 'ClusterRole'], {
    summary: 'The permissions: each rule allows some `verbs` on some `resources` of some `apiGroups`. Rules only add; there is no deny.',
    bestPractice: 'List exact resources and verbs; avoid `*` and keep `secrets` out of roles that only need to read workloads.',
    guideSection: RBAC,
    links: [rbacLink],
  }),
  key('rbac.apiGroups', 'apiGroups', ['rules[*].apiGroups'], ['Role', 'ClusterRole'], {
    summary: 'The API groups of the resources: `""` for the core group (pods, services, secrets), `apps` for deployments, and so on.',
    guideSection: RBAC,
    links: [rbacLink],
  }),
  key('rbac.resources', 'resources', ['rules[*].resources'], ['Role', 'ClusterRole'], {
    summary: 'The resource types (plural, lowercase: `pods`, `deployments`, `pods/log`) the rule covers.',
    guideSection: RBAC,
    links: [rbacLink],
  }),
  key('rbac.verbs', 'verbs', ['rules[*].verbs'], ['Role', 'ClusterRole'], {
    summary: 'The allowed actions: `get`, `list`, `watch` (read), `create`, `update`, `patch`, `delete` (write), and special ones such as `escalate`, `bind`, `impersonate`.',
    details: '`list` and `watch` on Secrets reveal their contents just as `get` does.',
    guideSection: RBAC,
    links: [rbacLink],
  }),
  entry('rbac/wildcard', '"*" in a rule', [{ on: 'value', paths: ['rules[*].apiGroups[*]', 'rules[*].resources[*]', 'rules[*].verbs[*]'], values: ['*'], kinds: ['Role', 'ClusterRole'] }], {
    summary: 'Matches everything, including resources added later.',
    correction: 'The guide\'s "read-only" Role grants `get`/`list`/`watch` on `*` resources of `*` groups, which includes reading every Secret in the namespace. List the resources it should read instead, or bind the built-in `view` ClusterRole, which leaves Secrets out.',
    guideSection: RBAC,
    links: [link('RBAC good practices', `${K8S}/concepts/security/rbac-good-practices/`)],
  }),
  key('rbac.subjects', 'subjects', ['subjects'], ['RoleBinding', 'ClusterRoleBinding'], {
    summary: 'Who receives the role: `User`, `Group` or `ServiceAccount` subjects.',
    aks: 'With Entra ID integration, a `Group` subject is the group\'s object ID and a `User` the user principal name; prefer groups.',
    guideSection: RBAC,
    links: [rbacLink, link('Entra ID and Kubernetes RBAC', `${AKS}/azure-ad-rbac`)],
  }),
  key('rbac.subject.fields', 'subject', ['subjects[*].kind', 'subjects[*].name', 'subjects[*].namespace', 'subjects[*].apiGroup'], ['RoleBinding', 'ClusterRoleBinding'], {
    summary: 'One subject: its `kind` (`User`, `Group`, `ServiceAccount`), `name`, and for service accounts their `namespace`.',
    guideSection: RBAC,
    links: [rbacLink],
  }),
  key('rbac.roleRef', 'roleRef', ['roleRef', 'roleRef.kind', 'roleRef.name', 'roleRef.apiGroup'], ['RoleBinding', 'ClusterRoleBinding'], {
    summary: 'The Role or ClusterRole granted (`kind`, `name`, `apiGroup: rbac.authorization.k8s.io`); it cannot be changed after creation.',
    guideSection: RBAC,
    links: [rbacLink],
  }),
  entry('rbac/subject-kind', 'subject kind', [{ on: 'value', paths: ['subjects[*].kind'], values: ['User', 'Group', 'ServiceAccount'], kinds: RBAC_KINDS }], {
    summary: '`User` and `Group` come from the cluster\'s authentication (Entra ID on AKS); `ServiceAccount` is an in-cluster identity and needs a `namespace`.',
    guideSection: RBAC,
    links: [rbacLink],
    complete: true,
  }),
  // --- Istio
  key('istio.mtls', 'mtls', ['spec.mtls'], ['PeerAuthentication'], {
    summary: 'The mutual TLS setting for the workloads this policy covers.',
    guideSection: MTLS,
    links: [link('Istio mutual TLS', 'https://istio.io/latest/docs/concepts/security/#mutual-tls-authentication')],
  }),
  key('istio.mtls.mode', 'mode', ['spec.mtls.mode'], ['PeerAuthentication'], {
    summary: '`STRICT` accepts only mTLS, `PERMISSIVE` accepts plain text too, `DISABLE` turns it off, `UNSET` inherits from the parent policy.',
    bestPractice: '`STRICT` in production, after every client is in the mesh.',
    guideSection: MTLS,
    links: [link('PeerAuthentication', 'https://istio.io/latest/docs/reference/config/security/peer_authentication/')],
  }),
  entry('istio/mtls-mode', 'mTLS mode', [{ on: 'value', paths: ['spec.mtls.mode'], values: ['STRICT', 'PERMISSIVE', 'DISABLE', 'UNSET'], kinds: ['PeerAuthentication'] }], {
    summary: '`STRICT`: only mutual TLS is accepted; `PERMISSIVE`: mTLS and plain text (for migrating); `DISABLE`: no mTLS; `UNSET`: inherit.',
    guideSection: MTLS,
    links: [link('PeerAuthentication', 'https://istio.io/latest/docs/reference/config/security/peer_authentication/')],
    complete: true,
  }),
  key('istio.selector', 'selector', ['spec.selector'], ['PeerAuthentication'], {
    summary: 'The workloads (by labels) the policy applies to; without it, the whole namespace (or mesh, in the root namespace).',
    guideSection: MTLS,
    links: [link('PeerAuthentication', 'https://istio.io/latest/docs/reference/config/security/peer_authentication/')],
  }),
];
