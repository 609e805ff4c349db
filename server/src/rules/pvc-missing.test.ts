import { pvcMissing } from './pvc-missing';
import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

const claim = (name: string, namespace?: string) =>
  yaml(
    'apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:', '  accessModes: [ReadWriteMany]', '  storageClassName: azurefile-csi', '  resources:', '    requests:', '      storage: 5Gi',
  );
// `claimName` is on line 17 (18 with a namespace).
const deployment = (claimName: string, namespace?: string) =>
  yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: uploads', ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:', '  template:', '    spec:', '      containers:', '      - name: app', '        image: app:1', '        volumeMounts:', '        - name: files', '          mountPath: /data',
    '      volumes:', '      - name: files', '        persistentVolumeClaim:', `          claimName: ${claimName}`,
  );

testWorkspaceRule(pvcMissing, {
  valid: [
    { name: 'the claim is in another file', files: { 'pvc.yaml': claim('shared-files'), 'deploy.yaml': deployment('shared-files') } },
    { name: 'both in the same non-default namespace', files: { 'pvc.yaml': claim('shared-files', 'shop'), 'deploy.yaml': deployment('shared-files', 'shop') } },
    { name: 'no claim in the namespace: kept out of the app\'s manifests on purpose', files: { 'deploy.yaml': deployment('shared-files') } },
  ],
  invalid: [
    {
      name: 'a misspelled claim name, fixed to the near one',
      files: { 'pvc.yaml': claim('shared-files'), 'deploy.yaml': deployment('shared-file') },
      errors: [{
        file: 'deploy.yaml',
        line: 17,
        message: 'Deployment "uploads" mounts PersistentVolumeClaim "shared-file" (volume files), which is not in namespace "default" in the workspace: its pods stay Pending. Did you mean "shared-files"?',
      }],
      output: { 'deploy.yaml': deployment('shared-files') },
    },
    {
      name: 'the claim is in another namespace',
      files: { 'pvc.yaml': claim('shared-files'), 'other.yaml': claim('cache', 'shop'), 'deploy.yaml': deployment('shared-files', 'shop') },
      errors: [{ file: 'deploy.yaml', line: 18, message: 'Deployment "uploads" mounts PersistentVolumeClaim "shared-files" (volume files), which is not in namespace "shop" in the workspace: its pods stay Pending.' }],
    },
    {
      name: 'a bare Pod',
      files: {
        'pvc.yaml': claim('shared-files'),
        'pod.yaml': yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', '  containers:', '  - name: sh', '    image: busybox:1.36', '  volumes:', '  - name: data', '    persistentVolumeClaim:', '      claimName: "scratch"'),
      },
      errors: [{ file: 'pod.yaml', line: 12, message: 'Pod "debug" mounts PersistentVolumeClaim "scratch" (volume data), which is not in namespace "default" in the workspace: the pod stays Pending.' }],
    },
  ],
});
