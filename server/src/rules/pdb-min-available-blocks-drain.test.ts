import { strict as assert } from 'node:assert';
import { pdbMinAvailableBlocksDrain, podsKeptBy } from './pdb-min-available-blocks-drain';
import { yaml } from './testing/ruleTester';
import { autoscaler, disruptionBudget, workload } from './testing/scalingObjects';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

const STALL = 'no pod may be evicted, so node drains and AKS upgrades stall.';

describe('podsKeptBy', () => {
  it('keeps a whole number as written and rounds a percentage up, as the disruption controller does', () => {
    assert.equal(podsKeptBy(2, 5), 2);
    assert.equal(podsKeptBy('50%', 1), 1);
    assert.equal(podsKeptBy('50%', 5), 3);
    assert.equal(podsKeptBy('80%', 3), 3);
    assert.equal(podsKeptBy('34%', 3), 2);
  });

  it('leaves alone what never blocks, what pdb-blocks-eviction reports and what the API rejects', () => {
    for (const value of [0, '0%', '100%', '150%', '2', 'half', 1.5]) assert.equal(podsKeptBy(value, 3), undefined, String(value));
  });
});

testWorkspaceRule(pdbMinAvailableBlocksDrain, {
  valid: [
    { name: 'minAvailable below the replicas', files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }), 'deploy.yaml': workload({ replicas: 3 }) } },
    { name: 'a percentage that leaves a pod free', files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 50%'] }), 'deploy.yaml': workload({ replicas: 4 }) } },
    { name: 'maxUnavailable over a single pod', files: { 'pdb.yaml': disruptionBudget({ budget: ['maxUnavailable: 1'] }), 'deploy.yaml': workload() } },
    { name: 'minAvailable 100% is pdb-blocks-eviction\'s', files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 100%'] }), 'deploy.yaml': workload({ replicas: 3 }) } },
    { name: 'minAvailable 0 never blocks', files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 0'] }), 'deploy.yaml': workload() } },
    {
      name: 'the autoscaler\'s floor counts, not the replicas written',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }), 'deploy.yaml': workload({ replicas: 1 }), 'hpa.yaml': autoscaler({ minReplicas: 3 }) },
    },
    { name: 'replicas filled in at deploy time', files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }), 'deploy.yaml': workload({ replicas: '${WEB_REPLICAS}' }) } },
    {
      name: 'an autoscaler floor filled in at deploy time',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }), 'deploy.yaml': workload(), 'hpa.yaml': autoscaler({ minReplicas: '${MIN}' }) },
    },
    { name: 'a DaemonSet: its pods are not drained this way', files: { 'pdb.yaml': disruptionBudget(), 'agent.yaml': workload({ kind: 'DaemonSet' }) } },
    { name: 'a workload stopped with replicas 0', files: { 'pdb.yaml': disruptionBudget(), 'deploy.yaml': workload({ replicas: 0 }) } },
    { name: 'no workload selected (pdb-selects-no-pods reports that)', files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 3'] }), 'deploy.yaml': workload({ podLabels: ['app: api'] }) } },
    {
      name: 'minAvailable and maxUnavailable together: the API rejects it',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 1', 'maxUnavailable: 1'] }), 'deploy.yaml': workload() },
    },
    {
      name: 'an autoscaler of another workload does not count',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }), 'deploy.yaml': workload({ replicas: 3 }), 'hpa.yaml': autoscaler({ target: 'api', minReplicas: 2 }) },
    },
    {
      name: 'copies of the workload that disagree on replicas',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }), 'base/deploy.yaml': workload({ replicas: 2 }), 'prod/deploy.yaml': workload({ replicas: 4 }) },
    },
    {
      name: 'copies of the autoscaler that disagree on the floor',
      files: {
        'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }),
        'deploy.yaml': workload(),
        'base/hpa.yaml': autoscaler({ minReplicas: 2 }),
        'prod/hpa.yaml': autoscaler({ minReplicas: 4 }),
      },
    },
  ],
  invalid: [
    {
      name: 'copies of one workload in two files count once',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }), 'all-in-one.yaml': workload({ replicas: 2 }), 'web/deploy.yaml': workload({ replicas: 2 }) },
      errors: [{ file: 'pdb.yaml', line: 6, message: `PodDisruptionBudget "web-pdb" requires minAvailable 2, and Deployment "web" runs 2 pods: ${STALL}` }],
      output: { 'pdb.yaml': disruptionBudget({ budget: ['maxUnavailable: 1'] }) },
    },
    {
      name: 'minAvailable equal to the replicas, fixed to maxUnavailable 1',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 3'] }), 'deploy.yaml': workload({ replicas: 3 }) },
      errors: [{ file: 'pdb.yaml', line: 6, message: `PodDisruptionBudget "web-pdb" requires minAvailable 3, and Deployment "web" runs 3 pods: ${STALL}` }],
      output: { 'pdb.yaml': disruptionBudget({ budget: ['maxUnavailable: 1'] }) },
    },
    {
      name: 'minAvailable above the replicas, with a comment kept by the fix',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 4 # keep most of them'] }), 'deploy.yaml': workload({ replicas: 2 }) },
      errors: [{ file: 'pdb.yaml', line: 6, message: `PodDisruptionBudget "web-pdb" requires minAvailable 4, and Deployment "web" runs 2 pods: ${STALL}` }],
      output: { 'pdb.yaml': disruptionBudget({ budget: ['maxUnavailable: 1 # keep most of them'] }) },
    },
    {
      name: 'one pod when replicas is left out: no fix, a single pod has no safe budget',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 1'] }), 'deploy.yaml': workload() },
      errors: [{ file: 'pdb.yaml', line: 6, message: `PodDisruptionBudget "web-pdb" requires minAvailable 1, and Deployment "web" runs 1 pod (replicas is not set): ${STALL}` }],
    },
    {
      name: 'a percentage of a single pod rounds up to that pod',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 50%'] }), 'db.yaml': workload({ kind: 'StatefulSet', replicas: 1 }) },
      errors: [{ file: 'pdb.yaml', line: 6, message: `PodDisruptionBudget "web-pdb" requires minAvailable 50% (1 of 1 pod), and StatefulSet "web" runs 1 pod: ${STALL}` }],
    },
    {
      name: 'a quoted percentage that rounds up to every pod',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: "80%"'] }), 'deploy.yaml': workload({ replicas: 3 }) },
      errors: [{ file: 'pdb.yaml', line: 6, message: `PodDisruptionBudget "web-pdb" requires minAvailable 80% (3 of 3 pods), and Deployment "web" runs 3 pods: ${STALL}` }],
      output: { 'pdb.yaml': disruptionBudget({ budget: ['maxUnavailable: 1'] }) },
    },
    {
      name: 'the autoscaler can shrink the workload to the budget',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 2'] }), 'deploy.yaml': workload({ replicas: 5 }), 'hpa.yaml': autoscaler({ minReplicas: 2 }) },
      errors: [{
        file: 'pdb.yaml',
        line: 6,
        message: `PodDisruptionBudget "web-pdb" requires minAvailable 2, and Deployment "web" can scale down to 2 pods (minReplicas of HorizontalPodAutoscaler "web-hpa"): ${STALL}`,
      }],
      output: { 'pdb.yaml': disruptionBudget({ budget: ['maxUnavailable: 1'] }) },
    },
    {
      name: 'an autoscaler without minReplicas scales down to one pod',
      files: { 'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 1'] }), 'deploy.yaml': workload({ replicas: 4 }), 'hpa.yaml': autoscaler() },
      errors: [{ file: 'pdb.yaml', line: 6, message: /and Deployment "web" can scale down to 1 pod \(minReplicas of HorizontalPodAutoscaler "web-hpa"\): no pod may be evicted/ }],
    },
    {
      name: 'a budget over two workloads counts their pods together',
      files: {
        'pdb.yaml': disruptionBudget({ budget: ['minAvailable: 3'], matchLabels: ['tier: front'] }),
        'web.yaml': workload({ replicas: 2, podLabels: ['app: web', 'tier: front'] }),
        'shop.yaml': workload({ name: 'shop', podLabels: ['app: shop', 'tier: front'] }),
      },
      errors: [{
        file: 'pdb.yaml',
        line: 6,
        message: `PodDisruptionBudget "web-pdb" requires minAvailable 3, and the workloads it selects run 3 pods in all (Deployment "web": 2, Deployment "shop": 1): ${STALL}`,
      }],
      output: { 'pdb.yaml': disruptionBudget({ budget: ['maxUnavailable: 1'], matchLabels: ['tier: front'] }) },
    },
    {
      name: 'a flow-style spec, fixed in place',
      files: {
        'pdb.yaml': yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web-pdb, namespace: shop}', 'spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}'),
        'deploy.yaml': workload({ namespace: 'shop', replicas: 2 }),
      },
      errors: [{ file: 'pdb.yaml', line: 4, message: `PodDisruptionBudget "web-pdb" requires minAvailable 2, and Deployment "web" runs 2 pods: ${STALL}` }],
      output: { 'pdb.yaml': yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web-pdb, namespace: shop}', 'spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}') },
    },
  ],
});
