import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import type { ManifestFile } from '../model/manifestFile';

// Readers shared by the RBAC rules: what a Role or ClusterRole's rules grant.

export interface PolicyRule {
  rule: YAMLMap;
  apiGroups: Scalar[];
  resources: Scalar[];
  verbs: Scalar[];
}

const scalars = (map: YAMLMap, key: string): Scalar[] => {
  const list = map.get(key, true);
  return isSeq(list) ? list.items.filter((item): item is Scalar => isScalar(item)) : [];
};

/** The `rules` of a Role or ClusterRole, each with its lists of scalars. */
export function policyRulesOf(root: YAMLMap): PolicyRule[] {
  const rules = root.get('rules', true);
  if (!isSeq(rules)) return [];
  return rules.items.flatMap((rule) =>
    isMap(rule) ? [{ rule, apiGroups: scalars(rule, 'apiGroups'), resources: scalars(rule, 'resources'), verbs: scalars(rule, 'verbs') }] : [],
  );
}

export const valuesOf = (list: Scalar[]): string[] => list.map((item) => String(item.value ?? ''));

/** Names Kubernetes and AKS create themselves: a file re-declaring them is describing the platform. */
export const isPlatformName = (name: string | undefined): boolean => !!name && name.startsWith('system:');

// Roles Kubernetes itself defines: re-declaring them says nothing about the user's own policy.
const BUILT_IN_CLUSTER_ROLES = new Set(['admin', 'edit', 'cluster-admin']);

/** True for a Role or ClusterRole the user wrote (not a `system:` or built-in one): what RBAC rules judge. */
export function isUserRole(kind: string, name: string | undefined): boolean {
  if (kind !== 'Role' && kind !== 'ClusterRole') return false;
  return !isPlatformName(name) && !(kind === 'ClusterRole' && BUILT_IN_CLUSTER_ROLES.has(name ?? ''));
}

/** True when a role's rules grant every verb on every resource of every API group. */
export function grantsEverything(rules: PolicyRule[]): boolean {
  const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
  return rules.some(({ apiGroups, resources, verbs }) => {
    const verbNames = valuesOf(verbs);
    return valuesOf(apiGroups).includes('*') && valuesOf(resources).includes('*') && (verbNames.includes('*') || ALL_VERBS.every((verb) => verbNames.includes(verb)));
  });
}

/** The Role or ClusterRole `kind`/`name` defined in the same file (and namespace, for a Role), if any. */
export function roleInFile(file: ManifestFile, kind: string, name: string, namespace: string | undefined): YAMLMap | undefined {
  for (const document of file.documents) {
    const object = document.object;
    if (!object || object.kind !== kind || object.name !== name) continue;
    if (kind === 'Role' && namespace && object.namespace && object.namespace !== namespace) continue;
    const root = document.yaml.contents;
    if (isMap(root)) return root;
  }
  return undefined;
}
