import { sensitiveConfigmapContent } from './sensitive-configmap-content';
import { testRule, yaml } from './testing/ruleTester';

const configMap = (...dataLines: string[]) => yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', 'data:', ...dataLines);

testRule(sensitiveConfigmapContent, {
  valid: [
    {
      name: 'ordinary settings, references and descriptions of keys',
      code: configMap(
        '  LOG_LEVEL: info',
        '  db_user: postgres',
        '  KEY_VAULT_NAME: kv-shop',
        '  JWT_PUBLIC_KEY: |',
        '    -----BEGIN PUBLIC KEY-----',
        '    xxxx',
        '    -----END PUBLIC KEY-----',
        '  CACHE_KEY_PREFIX: shop',
        '  DB_PASSWORD: ${DB_PASSWORD}',
        '  API_TOKEN: ""',
        '  ConnectionStrings__Db: Server=tcp:sql.example.net;Database=shop;Authentication=Active Directory Default',
        '  BACKEND_URL: https://api.example.com/v1',
        '  SQL: Server=sql;User Id=app;Password=',
      ),
    },
    { name: 'no data', code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config') },
    { name: 'a Secret is the right place', code: yaml('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app', 'stringData:', '  DB_PASSWORD: hunter2') },
  ],
  invalid: [
    {
      name: 'secret-like keys, a private key and a connection string',
      code: configMap(
        '  db_password: abc123',
        '  AWS_SECRET_ACCESS_KEY: xxxxx',
        '  ssh_access: |',
        '    -----BEGIN OPENSSH PRIVATE KEY-----',
        '    xxxx',
        '    -----END OPENSSH PRIVATE KEY-----',
        '  storage: DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=abcd==;EndpointSuffix=core.windows.net',
        '  queue: amqp://app:s3cret@rabbitmq:5672/',
        '  redis: shop.redis.cache.windows.net:6380,password=abc,ssl=True',
      ),
      errors: [
        { line: 6, message: 'ConfigMap key "db_password" is named like a secret: keep it in a Secret (or Azure Key Vault) instead.' },
        { line: 7, message: 'ConfigMap key "AWS_SECRET_ACCESS_KEY" is named like a secret: keep it in a Secret (or Azure Key Vault) instead.' },
        { line: 8, message: 'ConfigMap key "ssh_access" holds a private key: keep it in a Secret (or Azure Key Vault) instead.' },
        { line: 12, message: 'ConfigMap key "storage" holds a connection string or URL with a password: keep it in a Secret (or Azure Key Vault) instead.' },
        { line: 13, message: 'ConfigMap key "queue" holds a connection string or URL with a password: keep it in a Secret (or Azure Key Vault) instead.' },
        { line: 14, message: 'ConfigMap key "redis" holds a connection string or URL with a password: keep it in a Secret (or Azure Key Vault) instead.' },
      ],
    },
    {
      name: 'binaryData keys are checked by name',
      code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', 'binaryData:', '  tls.key: bm90IGEga2V5'),
      errors: [{ line: 6, message: 'ConfigMap key "tls.key" is named like a secret: keep it in a Secret (or Azure Key Vault) instead.' }],
    },
  ],
});
