import { secretInEnv } from './secret-in-env';
import { testRule, yaml } from './testing/ruleTester';

const deployment = (...envLines: string[]) =>
  yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: backend', 'spec:', '  template:', '    spec:', '      containers:', '      - name: backend', '        env:', ...envLines);

testRule(secretInEnv, {
  valid: [
    {
      name: 'the guide\'s secretKeyRef, and harmless names',
      code: deployment(
        '        - name: DB_CONNECTION_STRING',
        '          valueFrom:',
        '            secretKeyRef: {name: db-conn-secret, key: connectionString}',
        '        - name: KEY_VAULT_NAME',
        '          value: kv-shop',
        '        - name: PASSWORD_FILE',
        '          value: /mnt/secrets/password',
        '        - name: LOG_LEVEL',
        '          value: info',
        '        - name: API_TOKEN',
        '          value: $(TOKEN_FROM_FILE)',
      ),
    },
  ],
  invalid: [
    {
      name: 'a password and a connection string, comment kept',
      code: deployment(
        '        - name: DB_PASSWORD # rotate me',
        '          value: "hunter2"',
        '        - name: ServiceBusConnectionString',
        '          value: Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKey=abc',
        '        - name: USER',
        '          value: app',
      ),
      errors: [
        { line: 12, message: 'Container "backend" sets "DB_PASSWORD" as plain text: reference a Secret instead.' },
        { line: 14, message: 'Container "backend" sets "ServiceBusConnectionString" as plain text: reference a Secret instead.' },
      ],
      output: deployment(
        '        - name: DB_PASSWORD # rotate me',
        '          valueFrom:',
        '            secretKeyRef:',
        '              name: backend-secrets',
        '              key: DB_PASSWORD',
        '        - name: ServiceBusConnectionString',
        '          valueFrom:',
        '            secretKeyRef:',
        '              name: backend-secrets',
        '              key: ServiceBusConnectionString',
        '        - name: USER',
        '          value: app',
      ),
    },
    {
      name: 'a private key in a block scalar, under any name',
      code: deployment('        - name: the_good_stuff', '          value: |', '            -----BEGIN OPENSSH PRIVATE KEY-----', '            xxxx', '            -----END OPENSSH PRIVATE KEY-----'),
      errors: [{ line: 12, message: 'Container "backend" has a private key in "the_good_stuff": reference a Secret instead.' }],
      output: deployment('        - name: the_good_stuff', '          valueFrom:', '            secretKeyRef:', '              name: backend-secrets', '              key: the_good_stuff'),
    },
    {
      name: 'value written before the name: reported without a fix',
      code: deployment('        - value: abc123', '          name: password'),
      errors: [{ line: 11, message: 'Container "backend" sets "password" as plain text: reference a Secret instead.' }],
    },
  ],
});
