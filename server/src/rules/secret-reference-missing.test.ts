import { secretReferenceMissing } from './secret-reference-missing';
import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

const secret = (name: string, data: string[], namespace?: string) =>
  yaml('apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'type: Opaque', ...data);
// Container lines start on line 9; volume lines follow them.
const deployment = (containerLines: string[], volumeLines: string[] = []) =>
  yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  template:', '    spec:', '      containers:', '      - name: api', '        image: api:1',
    ...containerLines, ...(volumeLines.length > 0 ? ['      volumes:', ...volumeLines] : []),
  );
const passwordFrom = (name: string, key: string, extra: string[] = []) => [
  '        env:', '        - name: DB_PASSWORD', '          valueFrom:', '            secretKeyRef:', `              name: ${name}`, `              key: ${key}`, ...extra,
];
const dbSecret = secret('db-credentials', ['stringData:', '  username: shop', '  password: change-me']);

testWorkspaceRule(secretReferenceMissing, {
  valid: [
    { name: 'Secret and key exist in another file', files: { 'secret.yaml': dbSecret, 'deploy.yaml': deployment(passwordFrom('db-credentials', 'password')) } },
    { name: 'no Secret in the namespace: they are kept out of the workspace', files: { 'deploy.yaml': deployment(passwordFrom('db-credentials', 'password')) } },
    { name: 'optional reference', files: { 'secret.yaml': dbSecret, 'deploy.yaml': deployment(passwordFrom('replica-credentials', 'password', ['              optional: true'])) } },
    {
      name: 'synced from Key Vault by a SecretProviderClass',
      files: {
        'secret.yaml': dbSecret,
        'spc.yaml': yaml(
          'apiVersion: secrets-store.csi.x-k8s.io/v1', 'kind: SecretProviderClass', 'metadata:', '  name: vault', 'spec:', '  provider: azure',
          '  secretObjects:', '  - secretName: api-keys', '    type: Opaque', '    data:', '    - objectName: payments-key', '      key: payments',
        ),
        'deploy.yaml': deployment(passwordFrom('api-keys', 'payments')),
      },
    },
    {
      name: 'issued by cert-manager',
      files: {
        'cert.yaml': yaml('apiVersion: cert-manager.io/v1', 'kind: Certificate', 'metadata:', '  name: api', 'spec:', '  secretName: api-tls', '  issuerRef:', '    name: letsencrypt'),
        'deploy.yaml': deployment([], ['      - name: tls', '        secret:', '          secretName: api-tls']),
      },
    },
    {
      name: 'decrypted from a SealedSecret, and written by an ExternalSecret',
      files: {
        'sealed.yaml': yaml('apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata:', '  name: db-credentials', 'spec:', '  encryptedData:', '    password: AgBy3i4OJSWK'),
        'external.yaml': yaml('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata:', '  name: payments', 'spec:', '  target:', '    name: payments-keys'),
        'deploy.yaml': deployment([...passwordFrom('db-credentials', 'password'), '        envFrom:', '        - secretRef:', '            name: payments-keys']),
      },
    },
    { name: 'a Secret written without data: keys unknown', files: { 'secret.yaml': secret('db-credentials', []), 'deploy.yaml': deployment(passwordFrom('db-credentials', 'password')) } },
  ],
  invalid: [
    {
      name: 'a Secret the workspace neither writes nor creates',
      files: { 'secret.yaml': dbSecret, 'deploy.yaml': deployment(['        envFrom:', '        - secretRef:', '            name: payments-keys']) },
      errors: [{
        file: 'deploy.yaml',
        line: 13,
        message: 'Deployment "api" reads Secret "payments-keys" (container api envFrom), which is not in namespace "default" in the workspace: unless something outside it creates the Secret (the Key Vault CSI driver, cert-manager, a pipeline), its pods cannot start.',
      }],
    },
    {
      name: 'a misspelled Secret name in a volume, fixed to the near one',
      files: { 'secret.yaml': dbSecret, 'deploy.yaml': deployment([], ['      - name: db', '        secret:', '          secretName: db-credential']) },
      errors: [{ file: 'deploy.yaml', line: 14, message: /reads Secret "db-credential" \(volume db\), which is not in namespace "default" in the workspace: .* Did you mean "db-credentials"\?$/ }],
      output: { 'deploy.yaml': deployment([], ['      - name: db', '        secret:', '          secretName: db-credentials']) },
    },
    {
      name: 'a key the Secret does not have, fixed to the near one',
      files: { 'secret.yaml': dbSecret, 'deploy.yaml': deployment(passwordFrom('db-credentials', 'pasword')) },
      errors: [{
        file: 'deploy.yaml',
        line: 16,
        message: 'Deployment "api" reads key "pasword" of Secret "db-credentials" (container api env DB_PASSWORD), which has no such key (its keys: username, password): its pods cannot start. Did you mean "password"?',
      }],
      output: { 'deploy.yaml': deployment(passwordFrom('db-credentials', 'password')) },
    },
    {
      name: 'a name one typing mistake from a Secret that cert-manager creates',
      files: {
        'cert.yaml': yaml('apiVersion: cert-manager.io/v1', 'kind: Certificate', 'metadata:', '  name: api', 'spec:', '  secretName: api-tls', '  issuerRef:', '    name: letsencrypt'),
        'deploy.yaml': deployment([], ['      - name: tls', '        projected:', '          sources:', '          - secret:', '              name: api-tsl']),
      },
      errors: [{ file: 'deploy.yaml', line: 16, message: /reads Secret "api-tsl" \(volume tls\).* Did you mean "api-tls"\?$/ }],
      output: { 'deploy.yaml': deployment([], ['      - name: tls', '        projected:', '          sources:', '          - secret:', '              name: api-tls']) },
    },
  ],
});
