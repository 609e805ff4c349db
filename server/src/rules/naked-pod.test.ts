import { nakedPod } from './naked-pod';
import { testRule, yaml } from './testing/ruleTester';

testRule(nakedPod, {
  valid: [
    { name: 'a Deployment', code: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web') },
    {
      name: 'a static control-plane pod in kube-system',
      code: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  containers: []'),
    },
    {
      name: 'a pod owned by a ReplicaSet',
      code: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web-7d4b9', '  ownerReferences:', '  - {apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: "1"}'),
    },
  ],
  invalid: [
    {
      name: "the guide's file-app pod",
      code: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: file-app', 'spec:', '  containers: []'),
      errors: [{ line: 2, message: 'Pod "file-app" has no controller: nothing replaces it when its node is drained or fails. Run it from a Deployment, StatefulSet or Job.' }],
    },
  ],
});
