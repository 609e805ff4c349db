import { rbacPodExec } from './rbac-pod-exec';
import { testRule, yaml } from './testing/ruleTester';

const role = (name: string, ...rules: string[]) =>
  yaml('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', `  name: ${name}`, 'rules:', ...rules);

testRule(rbacPodExec, {
  valid: [
    { name: 'reading pods', code: role('viewer', '- apiGroups: [""]', '  resources: [pods, pods/log]', '  verbs: [get, list]') },
    { name: 'listing exec is harmless', code: role('lister', '- apiGroups: [""]', '  resources: [pods/exec]', '  verbs: [list]') },
    { name: 'the built-in admin role', code: role('admin', '- apiGroups: [""]', '  resources: [pods/attach]', '  verbs: [create]') },
  ],
  invalid: [
    {
      name: 'explicit exec',
      code: role('debugger', '- apiGroups: [""]', '  resources: ["pods/exec"]', '  verbs: ["create"]'),
      errors: [{ line: 7, message: 'The ClusterRole allows pods/exec (verb create): its subjects can run commands in pods.' }],
    },
    {
      name: 'through a resource wildcard',
      code: role('ops', '- apiGroups: ["*"]', '  resources:', '    - "*"', '  verbs: [get]'),
      errors: [{ line: 8, message: 'The ClusterRole allows pods/exec and pods/attach (verb get): its subjects can run commands in pods.' }],
    },
  ],
});
