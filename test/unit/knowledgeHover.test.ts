import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findKnowledge, KNOWLEDGE_AREAS, knownValues } from '../../server/src/knowledge/lookup';
import { hoverMarkdown } from '../../server/src/services/schemaService';
import { createHoverService } from '../../server/src/services/hoverService';
import { SHARED_DIR } from '../support/fixtures';
import { openDocument, schemaService } from '../support/schemaServiceFactory';

const hoverService = () => createHoverService(schemaService());

/** Hovers the first occurrence of `needle` on the line that contains `lineMarker`, `offset` characters into it. */
async function hoverAt(text: string, lineMarker: string, needle: string, offset = 1): Promise<string> {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(lineMarker));
  assert.ok(line >= 0, `no line with ${lineMarker}`);
  const character = lines[line].indexOf(needle) + offset;
  const { document, file } = openDocument(text);
  return hoverMarkdown(await hoverService().hover(document, file, { line, character }));
}

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 3',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata:',
  '      labels: {app: web, azure.workload.identity/use: "true"}',
  '    spec:',
  '      affinity:',
  '        podAntiAffinity:',
  '          preferredDuringSchedulingIgnoredDuringExecution:',
  '          - weight: 100',
  '            podAffinityTerm:',
  '              labelSelector: {matchLabels: {app: web}}',
  '              topologyKey: topology.kubernetes.io/zone',
  '      containers:',
  '      - name: web',
  '        image: k8s.gcr.io/pause:3.9',
  '        livenessProbe:',
  '          httpGet: {path: /healthz, port: 8080}',
  '',
].join('\n');

describe('knowledge hover', function () {
  this.timeout(20_000);

  describe('by hover kind', () => {
    it('on a key: knowledge on top, then the API field docs, then the guide section and links', async () => {
      const markdown = await hoverAt(deployment, '  replicas: 3', 'replicas');
      assert.match(markdown, /^\*\*replicas\*\* — How many copies of the pod the controller keeps running\./);
      assert.match(markdown, /\*\*Best practice:\*\* At least 3 for production/);
      const [knowledge, schema, source] = markdown.split('\n\n---\n\n');
      assert.match(knowledge, /HPA/);
      assert.match(schema, /^\*\*replicas\*\*: integer\n\n.*[Nn]umber of desired pods/);
      assert.match(source, /^Guide: \*2\. How would you design a highly available application on AKS\?\* · \[Deployments\]\(https:\/\/kubernetes\.io\//);
    });

    it('on a `kind:` value: what the kind is for and when to choose it', async () => {
      const markdown = await hoverAt('apiVersion: apps/v1\nkind: DaemonSet\n', 'kind:', 'DaemonSet');
      assert.match(markdown, /^\*\*DaemonSet\*\* — Runs one copy of a pod on every node/);
      assert.match(markdown, /log shippers/);
      assert.match(markdown, /\*\*Deployment\*\* or \*\*StatefulSet\*\*/);
      assert.doesNotMatch(markdown, /Kind is a string value/, 'the generic schema text for `kind` adds nothing here');
    });

    it('on an enumerated value: that value explained, then the field with its allowed values', async () => {
      const markdown = await hoverAt('apiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n', 'type:', 'NodePort');
      assert.match(markdown, /^\*\*type: NodePort\*\* — Opens the same port \(30000–32767\) on every node/);
      assert.match(markdown, /\*\*On AKS:\*\* AKS nodes have no public IP by default/);
      assert.match(markdown, /Allowed values: `ClusterIP`, `ExternalName`, `LoadBalancer`, `NodePort`/);
    });

    it('on an annotation key: the annotation, with what replaced it', async () => {
      const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: app\n  annotations:\n    kubernetes.io/ingress.class: nginx\n';
      const markdown = await hoverAt(ingress, 'ingress.class', 'kubernetes.io');
      assert.match(markdown, /^\*\*kubernetes\.io\/ingress\.class\*\* — The old way of choosing the ingress controller/);
      assert.match(markdown, /⚠️ \*\*Changed since the guide:\*\* .*`spec\.ingressClassName: <class>`/);
      assert.match(markdown, /\*\*kubernetes\\\.io\/ingress\\\.class\*\*: string/, 'the key in the schema part is the user\'s text, escaped');
    });

    it('on a label key: Workload Identity', async () => {
      const markdown = await hoverAt(deployment, 'azure.workload.identity/use', 'azure.workload');
      assert.match(markdown, /^\*\*azure\.workload\.identity\/use\*\* — AKS Workload Identity/);
      assert.match(markdown, /AAD Pod Identity, which was deprecated/);
    });

    it('on an outdated image registry', async () => {
      const markdown = await hoverAt(deployment, 'image: k8s.gcr.io', 'k8s.gcr.io');
      assert.match(markdown, /registry\.k8s\.io/);
    });

    it('on a probe kind inside a container of any workload', async () => {
      const markdown = await hoverAt(deployment, 'httpGet:', 'httpGet');
      assert.match(markdown, /^\*\*httpGet\*\* — Probe by HTTP GET/);
    });

    it('on ConfigMap data written under metadata, as the guide does', async () => {
      const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\n  data:\n    LOG_LEVEL: info\n';
      const markdown = await hoverAt(configMap, '  data:', 'data');
      assert.match(markdown, /⚠️ \*\*Changed since the guide:\*\* .*nest `data` under `metadata`; move it out one level/);
    });

    it('keeps the plain schema hover where the guide teaches nothing', async () => {
      const markdown = await hoverAt(deployment, '  replicas: 3', 'replicas').then(() =>
        hoverAt('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    terminationMessagePath: /x\n', 'terminationMessagePath', 'terminationMessagePath'));
      assert.match(markdown, /^\*\*terminationMessagePath\*\*: string/);
      assert.doesNotMatch(markdown, /Guide:/);
    });

    it("still escapes the user's own keys", async () => {
      const markdown = await hoverAt('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    "[x](http://evil)": y\n', '[x]', '[x]');
      assert.doesNotMatch(markdown, /\]\(http:\/\/evil\)/);
    });
  });

  describe('held-out positions explain the thing, from the guide', () => {
    const statefulSet = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: {name: db}',
      'spec:',
      '  serviceName: db',
      '  volumeClaimTemplates:',
      '  - metadata: {name: data}',
      '    spec:',
      '      accessModes: [ReadWriteMany]',
      '      storageClassName: azurefile',
      '      resources: {requests: {storage: 10Gi}}',
      '',
    ].join('\n');

    it('StatefulSet kind', async () => {
      const markdown = await hoverAt(statefulSet, 'kind:', 'StatefulSet');
      assert.match(markdown, /stable name .* and their own persistent volume/);
      assert.match(markdown, /Stateless apps belong in a \*\*Deployment\*\*/);
      assert.match(markdown, /Guide: \*StatefulSets\*/);
    });

    it('pod anti-affinity', async () => {
      const markdown = await hoverAt(deployment, 'podAntiAffinity:', 'podAntiAffinity');
      assert.match(markdown, /^\*\*podAntiAffinity\*\* — Keeps pods away from pods that match a selector/);
      assert.match(markdown, /`requiredDuringScheduling\.\.\.` refuses to schedule/);
      assert.match(markdown, /Guide: \*Pod Anti-Affinity: Spreading Pods Across Nodes\*/);
    });

    it('the zone topology key', async () => {
      const markdown = await hoverAt(deployment, 'topologyKey:', 'topology.kubernetes.io', 3);
      assert.match(markdown, /^\*\*topology\.kubernetes\.io\/zone\*\* — The node label naming the availability zone/);
      assert.match(markdown, /--zones 1 2 3/);
    });

    it('the Azure Files storage class, with its current name', async () => {
      const markdown = await hoverAt(statefulSet, 'storageClassName:', 'azurefile', 2);
      assert.match(markdown, /^\*\*storageClassName: azurefile\*\* — Legacy name of the AKS Azure Files class/);
      assert.match(markdown, /`ReadWriteMany` shares/);
      assert.match(markdown, /`azurefile-csi` and `azurefile-csi-premium` on the CSI driver `file\.csi\.azure\.com`/);
    });

    it('a LoadBalancer Service type', async () => {
      const markdown = await hoverAt('apiVersion: v1\nkind: Service\nspec:\n  type: LoadBalancer\n', 'type:', 'LoadBalancer');
      assert.match(markdown, /^\*\*type: LoadBalancer\*\* — Asks the cloud for a load balancer with its own IP/);
      assert.match(markdown, /azure-load-balancer-internal: "true"/);
      assert.match(markdown, /Guide: \*Example 3: LoadBalancer Service \(Cloud\)\*/);
    });

    it('PodDisruptionBudget minAvailable', async () => {
      const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  minAvailable: 2\n  selector: {matchLabels: {app: web}}\n';
      const markdown = await hoverAt(pdb, 'minAvailable', 'minAvailable');
      assert.match(markdown, /^\*\*minAvailable\*\* — How many of the selected pods .* must stay running while nodes are drained/);
      assert.match(markdown, /node drains hang/);
      assert.match(markdown, /Guide: \*14\. How do you upgrade a running AKS cluster with minimal disruption\?\*/);
    });
  });

  describe('completion from the knowledge', () => {
    const complete = async (text: string, line: number, character: number) => {
      const { document, file } = openDocument(text);
      return (await hoverService().complete(document, file, { line, character })).items;
    };

    it('offers the AKS storage classes, legacy names marked deprecated, with their docs', async () => {
      const items = await complete('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  storageClassName: \n', 3, 20);
      const labels = items.map((i) => i.label);
      for (const name of ['managed-csi', 'managed-csi-premium', 'azurefile-csi', 'azurefile-csi-premium', 'default']) assert.ok(labels.includes(name), labels.join(', '));
      assert.ok(!labels.includes('azurefile'), 'legacy names are explained on hover, not offered');
      const premium = items.find((i) => i.label === 'managed-csi-premium')!;
      assert.match((premium.documentation as { value: string }).value, /Premium SSD/);
    });

    it('offers the four Service types with their docs', async () => {
      const items = await complete('apiVersion: v1\nkind: Service\nspec:\n  type: \n', 3, 8);
      const types = items.filter((i) => ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(i.label));
      assert.equal(types.length, 4, items.map((i) => i.label).join(', '));
      assert.ok(types.every((i) => /Guide:/.test((i.documentation as { value: string }).value)));
    });

    it('offers topology keys', async () => {
      const text = deployment.replace('topologyKey: topology.kubernetes.io/zone', 'topologyKey: ');
      const line = text.split('\n').findIndex((l) => l.includes('topologyKey:'));
      const labels = (await complete(text, line, text.split('\n')[line].length)).map((i) => i.label);
      assert.ok(labels.includes('topology.kubernetes.io/zone') && labels.includes('kubernetes.io/hostname'), labels.join(', '));
    });

    it('documents the probe kinds offered inside a probe', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    readinessProbe:\n      h\n';
      const items = await complete(text, 6, 7);
      const httpGet = items.find((i) => i.label === 'httpGet');
      assert.ok(httpGet, items.map((i) => i.label).join(', '));
      assert.match((httpGet.documentation as { value: string }).value, /^\*\*httpGet\*\* — Probe by HTTP GET/);
    });

    it('knows the values of list fields', () => {
      assert.deepEqual(knownValues('PersistentVolumeClaim', ['spec', 'accessModes', 0]).map((v) => v.value), ['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOncePod']);
    });
  });

  describe('guide topic (for the side view)', () => {
    it('gives the whole topic of the symbol under the cursor, headed by its title', () => {
      const { file } = openDocument('apiVersion: apps/v1\nkind: StatefulSet\n');
      const topic = hoverService().topic(file, { line: 1, character: 8 });
      assert.equal(topic?.title, 'StatefulSet');
      assert.match(topic!.markdown, /^## \*\*StatefulSet\*\* — /);
    });

    it('has nothing outside Kubernetes objects', () => {
      const { file } = openDocument('name: CI\n');
      assert.equal(hoverService().topic(file, { line: 0, character: 1 }), null);
    });
  });

  describe('the knowledge data', () => {
    const entries = Object.values(KNOWLEDGE_AREAS).flat();

    it('has unique ids, a one-line summary, a guide section and upstream links for every entry', () => {
      const ids = new Set<string>();
      for (const entry of entries) {
        assert.ok(!ids.has(entry.id), `duplicate id ${entry.id}`);
        ids.add(entry.id);
        assert.ok(entry.summary.length > 10 && !entry.summary.includes('\n'), entry.id);
        assert.ok(entry.guideSection, entry.id);
        assert.ok(entry.links.length > 0, `${entry.id} has no link`);
        for (const { url } of entry.links) assert.match(url, /^https:\/\/(kubernetes\.io|learn\.microsoft\.com|istio\.io|kubernetes\.github\.io|github\.com\/kubernetes-sigs)\//, entry.id);
      }
    });

    it('covers every kind the guide covers', () => {
      const kinds = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Service', 'Ingress', 'NetworkPolicy', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim',
        'ConfigMap', 'Secret', 'ResourceQuota', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'ServiceAccount', 'PeerAuthentication'];
      for (const kind of kinds) assert.ok(findKnowledge({ apiVersion: 'v1', kind, path: ['kind'], onKey: false, value: kind }), kind);
    });

    const guide = path.join(SHARED_DIR, 'guide', 'kubernetes-aks-guide.md');
    it('points every entry at a heading that exists in the guide', function () {
      if (!existsSync(guide)) this.skip();
      const headings = new Set(readFileSync(guide, 'utf8').split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^#+\s*/, '').trim()));
      const stripNumber = (heading: string) => heading.replace(/^\d+\.\s*/, '');
      const known = new Set([...headings, ...[...headings].map(stripNumber)]);
      for (const entry of entries) assert.ok(known.has(entry.guideSection), `${entry.id}: no heading "${entry.guideSection}"`);
    });
  });
});
