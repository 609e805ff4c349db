import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { insertAfterPair, pairOf, prependToMap, replaceNode } from '../fixes/yamlEdits';
import type { ManifestFile } from '../model/manifestFile';
import { podSpecOf } from '../model/workloads';
import { nodeAtPath } from '../model/yamlPath';
import type { Rule } from './rule';

const FIELD = 'automountServiceAccountToken';

const sameNamespace = (a: string | undefined, b: string | undefined): boolean => !a || !b || a === b;

/** The ServiceAccount `name` declared in the same file, if any. */
function serviceAccountInFile(file: ManifestFile, name: string, namespace: string | undefined): YAMLMap | undefined {
  for (const document of file.documents) {
    const object = document.object;
    const root = document.yaml.contents;
    if (object?.kind === 'ServiceAccount' && object.name === name && sameNamespace(object.namespace, namespace) && isMap(root)) return root;
  }
  return undefined;
}

/** True when a RoleBinding or ClusterRoleBinding in the same file grants the service account a role. */
function isBoundInFile(file: ManifestFile, name: string, namespace: string | undefined): boolean {
  return file.documents.some(({ object, yaml }) => {
    if (!object || (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') || !isMap(yaml.contents)) return false;
    const subjects = yaml.contents.get('subjects', true);
    return isSeq(subjects) && subjects.items.some((subject) => {
      if (!isMap(subject) || subject.get('kind') !== 'ServiceAccount' || String(subject.get('name')) !== name) return false;
      const subjectNamespace = subject.get('namespace');
      return sameNamespace(typeof subjectNamespace === 'string' ? subjectNamespace : object.namespace, namespace);
    });
  });
}

export const automountServiceAccountToken: Rule = {
  meta: {
    id: 'automount-service-account-token',
    title: 'Pod mounts a Kubernetes API token it may not need',
    severity: 'info',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: false,
    docs: [
      'Unless told otherwise, Kubernetes mounts a token for the pod\'s service account (`default` when none is',
      'named) into every container, at `/var/run/secrets/kubernetes.io/serviceaccount`. Most applications never',
      'call the Kubernetes API, but anyone who gets code running in the container can use that token with',
      'whatever the service account is allowed, now or after a later RoleBinding.',
      '',
      'Set `automountServiceAccountToken: false` in the pod spec of workloads that do not talk to the API',
      'server (or on the ServiceAccount, for every pod using it). Microsoft Entra Workload Identity is not',
      'affected: its webhook projects its own token for Azure, separately from this one.',
      '',
      'The rule stays silent when the pod spec or its ServiceAccount (in the same file) already turns the',
      'token off, and when a RoleBinding or ClusterRoleBinding in the same file grants the service account a',
      'role: such a pod evidently uses the API. The fix adds `automountServiceAccountToken: false` to the pod',
      'spec (or turns `true` into `false`).',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    const value = pod.spec.get(FIELD, true);
    if (isScalar(value) && value.value === false) return;
    const accountPair = pairOf(pod.spec, 'serviceAccountName') ?? pairOf(pod.spec, 'serviceAccount');
    const account = isScalar(accountPair?.value) && accountPair.value.value ? String(accountPair.value.value) : 'default';
    if (isBoundInFile(file, account, object.namespace)) return;

    if (isScalar(value) && value.value === true) {
      report({
        message: `The pod mounts an API token for service account "${account}" (${FIELD}: true): set it to false unless the app calls the Kubernetes API.`,
        range: file.rangeOf(value),
        fix: { title: `Set ${FIELD}: false`, edits: [replaceNode(value, 'false')] },
      });
      return;
    }
    if (serviceAccountInFile(file, account, object.namespace)?.get(FIELD) === false) return;

    const line = `${FIELD}: false`;
    const edit = accountPair ? insertAfterPair(file.text, pod.spec, accountPair, [line]) : prependToMap(file.text, pod.spec, [line]);
    const owner = nodeAtPath(root, pod.path.slice(0, -1));
    const specKey = isMap(owner) ? (pairOf(owner, 'spec')?.key as YamlNode | undefined) : undefined;
    const anchor = accountPair?.value ?? specKey ?? pod.spec;
    report({
      message: `The pod gets an API token for service account "${account}" that it likely never uses: set ${FIELD}: false unless the app calls the Kubernetes API.`,
      range: file.rangeOf(anchor),
      fix: edit ? { title: `Set ${FIELD}: false`, edits: [edit] } : undefined,
    });
  },
};
