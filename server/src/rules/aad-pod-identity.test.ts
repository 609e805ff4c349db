import { aadPodIdentity } from './aad-pod-identity';
import { testRule, yaml } from './testing/ruleTester';

const deployment = (...labelLines: string[]) =>
  yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: backend',
    'spec:',
    '  template:',
    '    metadata:',
    '      labels:',
    ...labelLines,
    '    spec:',
    '      serviceAccountName: backend',
    '      containers:',
    '      - name: backend',
  );

testRule(aadPodIdentity, {
  valid: [
    { name: 'Workload Identity', code: deployment('        app: backend', '        azure.workload.identity/use: "true"') },
  ],
  invalid: [
    {
      name: 'the pod label, comment kept',
      code: deployment('        app: backend', '        aadpodidbinding: backend-identity # Key Vault access'),
      errors: [{ line: 10, message: 'The aadpodidbinding label belongs to the retired AAD Pod Identity: label the pod azure.workload.identity/use: "true" instead.' }],
      output: deployment('        app: backend', '        azure.workload.identity/use: "true" # Key Vault access'),
    },
    {
      name: 'AzureIdentity and AzureIdentityBinding objects',
      code: yaml(
        'apiVersion: aadpodidentity.k8s.io/v1',
        'kind: AzureIdentity',
        'metadata:',
        '  name: backend-identity',
        'spec:',
        '  type: 0',
        '---',
        'apiVersion: aadpodidentity.k8s.io/v1',
        'kind: AzureIdentityBinding',
        'metadata:',
        '  name: backend-binding',
      ),
      errors: [
        { line: 2, message: 'AzureIdentity belongs to the retired AAD Pod Identity: use Workload Identity (a ServiceAccount annotated with azure.workload.identity/client-id).' },
        { line: 9, message: 'AzureIdentityBinding belongs to the retired AAD Pod Identity: use Workload Identity (a ServiceAccount annotated with azure.workload.identity/client-id).' },
      ],
    },
  ],
});
