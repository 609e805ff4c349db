import { defaultNamespace } from './default-namespace';
import { testRule, yaml } from './testing/ruleTester';

testRule(defaultNamespace, {
  valid: [
    { name: 'a namespace of its own', code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', '  namespace: shop') },
    { name: 'a cluster-scoped kind', code: yaml('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: reader', '  namespace: default') },
    { name: 'no namespace', code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config') },
  ],
  invalid: [
    {
      name: "the guide's ConfigMap, comment on the next line kept",
      code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', '  namespace: default', '  # labels next', 'data:', '  LOG_LEVEL: info'),
      errors: [{ line: 5, message: 'ConfigMap "app-config" is pinned to the "default" namespace; give the application a namespace of its own.' }],
      output: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', '  # labels next', 'data:', '  LOG_LEVEL: info'),
    },
    {
      name: 'flow metadata: no fix',
      code: yaml('apiVersion: v1', 'kind: Secret', 'metadata: {name: db, namespace: "default"}'),
      errors: [{ line: 3, message: /^Secret "db" is pinned/ }],
    },
  ],
});
