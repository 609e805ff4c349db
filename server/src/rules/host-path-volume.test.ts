import { hostPathVolume } from './host-path-volume';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: logs', 'spec:', '  containers:', '    - name: app', ...specLines);

testRule(hostPathVolume, {
  valid: [{ name: 'emptyDir and a PVC', code: pod('  volumes:', '    - name: tmp', '      emptyDir: {}', '    - name: data', '      persistentVolumeClaim: {claimName: data}') }],
  invalid: [
    {
      name: 'hostPath',
      code: pod('  volumes:', '    - name: log-volume', '      hostPath:', '        path: /var/log'),
      errors: [{ line: 10, message: 'Volume "log-volume" mounts the node\'s /var/log (hostPath).' }],
    },
  ],
});
