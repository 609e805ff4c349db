import { hpaReplicaBounds } from './hpa-replica-bounds';
import { testRule, yaml } from './testing/ruleTester';

const hpa = (...specLines: string[]) =>
  yaml(
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: web',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
    ...specLines,
  );

testRule(hpaReplicaBounds, {
  valid: [
    { name: "the guide's 2 to 10", code: hpa('  minReplicas: 2', '  maxReplicas: 10') },
    { name: 'no metrics is fine (80% CPU)', code: hpa('  minReplicas: 3', '  maxReplicas: 6') },
  ],
  invalid: [
    {
      name: 'floor above ceiling',
      code: hpa('  minReplicas: 5', '  maxReplicas: 3'),
      errors: [{ line: 7, message: 'HorizontalPodAutoscaler "web" has minReplicas 5 above maxReplicas 3: the API server rejects it.' }],
    },
    {
      name: 'floor equal to ceiling',
      code: hpa('  minReplicas: 5', '  maxReplicas: 5'),
      errors: [{ line: 8, message: 'HorizontalPodAutoscaler "web" has minReplicas equal to maxReplicas (5): it can never scale.' }],
    },
    {
      name: 'a floor of one',
      code: hpa('  minReplicas: 1 # nights', '  maxReplicas: 10'),
      errors: [{ line: 7, message: 'HorizontalPodAutoscaler "web" can scale down to 1 pod: keep at least 2 for availability.' }],
      output: hpa('  minReplicas: 2 # nights', '  maxReplicas: 10'),
    },
    {
      name: 'no floor: written above the ceiling',
      code: hpa('  maxReplicas: 10', '  metrics: []'),
      errors: [{ line: 4, message: 'HorizontalPodAutoscaler "web" does not set minReplicas, so it can scale down to 1 pod: keep at least 2 for availability.' }],
      output: hpa('  minReplicas: 2', '  maxReplicas: 10', '  metrics: []'),
    },
    {
      name: 'a ceiling of one leaves no room for a fix',
      code: hpa('  minReplicas: 1', '  maxReplicas: 1'),
      errors: [{ line: 7, message: 'HorizontalPodAutoscaler "web" can scale down to 1 pod: keep at least 2 for availability.' }],
    },
  ],
});
