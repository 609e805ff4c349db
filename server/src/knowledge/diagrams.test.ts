// The guide's diagrams as data: complete, consistent, and pointing only at things that exist.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGRAM_SOURCES, guideDiagrams, knowledgeEntryById } from './diagrams';

// Compiled to out/server/src/knowledge/: four levels up is the repository.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const GUIDE = path.resolve(REPO_ROOT, '..', 'shared', 'guide', 'kubernetes-aks-guide.md');

function snippetPrefixes(): Set<string> {
  const snippets = JSON.parse(readFileSync(path.join(REPO_ROOT, 'snippets', 'kubernetes.json'), 'utf8')) as Record<string, { prefix: string | string[] }>;
  return new Set(Object.values(snippets).flatMap((snippet) => [snippet.prefix].flat()));
}

describe('guide diagrams (knowledge/diagrams)', () => {
  const diagrams = guideDiagrams();

  it('has the guide\'s seven diagrams, in the guide\'s order, with unique ids fit for file names', () => {
    assert.deepEqual(
      diagrams.map((d) => d.id),
      ['control-plane', 'service-types', 'aks-end-to-end', 'stateful-storage', 'node-pool-upgrade', 'network-policy', 'mtls'],
    );
    for (const diagram of diagrams) {
      assert.match(diagram.id, /^[a-z0-9-]+$/);
      assert.ok(diagram.title.length > 0 && diagram.summary.length > 0, `${diagram.id}: title and summary`);
    }
  });

  for (const diagram of DIAGRAM_SOURCES) {
    describe(diagram.id, () => {
      const nodeIds = diagram.nodes.map((n) => n.id);
      const groupIds = new Set(diagram.groups.map((g) => g.id));

      it('gives every box a unique id, a short label and a text of a few sentences', () => {
        assert.equal(new Set(nodeIds).size, nodeIds.length, `duplicate node ids in ${nodeIds.join(', ')}`);
        for (const node of diagram.nodes) {
          assert.ok(node.label.length > 0 && node.label.length <= 34, `${node.id}: label "${node.label}" must fit a box (1-34 characters)`);
          assert.ok((node.sublabel ?? '').length <= 34, `${node.id}: sublabel too long`);
          assert.ok(node.text.length >= 60, `${node.id}: text too short to teach anything`);
          assert.ok(node.text.length <= 600, `${node.id}: text is ${node.text.length} characters; keep it short`);
          assert.doesNotMatch(node.text, /<[a-z]/i, `${node.id}: text is light Markdown, never HTML`);
        }
      });

      it('connects only boxes it has, and puts boxes only in groups it has, each group used', () => {
        for (const edge of diagram.edges) {
          assert.ok(nodeIds.includes(edge.from), `edge from unknown box ${edge.from}`);
          assert.ok(nodeIds.includes(edge.to), `edge to unknown box ${edge.to}`);
          assert.notEqual(edge.from, edge.to);
        }
        for (const node of diagram.nodes) {
          if (node.group) assert.ok(groupIds.has(node.group), `${node.id}: unknown group ${node.group}`);
        }
        for (const groupId of groupIds) {
          assert.ok(diagram.nodes.some((n) => n.group === groupId), `group ${groupId} holds no box`);
        }
        const connected = new Set(diagram.edges.flatMap((e) => [e.from, e.to]));
        assert.deepEqual(nodeIds.filter((id) => !connected.has(id)), [], 'every box is connected');
      });

      it('points at snippets that ship and at knowledge entries that exist', () => {
        const prefixes = snippetPrefixes();
        for (const node of diagram.nodes) {
          if (node.snippet) assert.ok(prefixes.has(node.snippet), `${node.id}: no snippet with prefix ${node.snippet} in snippets/kubernetes.json`);
          if (node.knowledge) assert.ok(knowledgeEntryById(node.knowledge), `${node.id}: no knowledge entry ${node.knowledge}`);
        }
        assert.ok(diagram.nodes.some((n) => n.snippet), 'at least one box offers a snippet');
      });
    });
  }

  it('appends the advice of the knowledge entry a box points at, and sends no knowledge ids', () => {
    const clusterIp = diagrams.find((d) => d.id === 'service-types')!.nodes.find((n) => n.id === 'cluster-ip')!;
    const entry = knowledgeEntryById('service-type/ClusterIP')!;
    assert.ok(entry.bestPractice, 'the ClusterIP entry has a best practice');
    assert.ok(clusterIp.text.startsWith('The default type'), 'the box\'s own text comes first');
    assert.ok(clusterIp.text.includes(`**Best practice:** ${entry.bestPractice}`));
    for (const node of diagrams.flatMap((d) => d.nodes)) assert.equal('knowledge' in node, false);
    const user = diagrams[0].nodes.find((n) => n.id === 'user')!;
    assert.doesNotMatch(user.text, /Best practice/, 'a box without an entry keeps its own text only');
  });

  it('draws what the guide\'s diagrams show', () => {
    const labels = (id: string) => diagrams.find((d) => d.id === id)!.nodes.map((n) => `${n.label} ${n.sublabel ?? ''}`).join(' | ');
    for (const expected of [/API server/, /etcd/, /Scheduler/, /Controller manager/, /kubelet/, /kube-proxy/]) assert.match(labels('control-plane'), expected);
    for (const expected of [/LoadBalancer/, /NodePort/, /ClusterIP/, /Pods/]) assert.match(labels('service-types'), expected);
    for (const expected of [/Front Door/, /Application Gateway/, /Ingress controller/, /frontend/, /Java backend/, /Azure SQL/, /Key Vault/, /Azure Monitor/, /Azure Storage/]) {
      assert.match(labels('aks-end-to-end'), expected);
    }
    for (const expected of [/StatefulSet/, /Claim 0/, /Azure Disk 0/, /Azure Disk 1/, /Azure Files share/]) assert.match(labels('stateful-storage'), expected);
    for (const expected of [/Cordon/, /Drain/, /Upgrade nodes/, /Validate/, /Uncordon/]) assert.match(labels('node-pool-upgrade'), expected);
    for (const expected of [/frontend pod/, /backend pod/, /NetworkPolicy/]) assert.match(labels('network-policy'), expected);
    for (const expected of [/Sidecar proxy/, /Mesh control plane/]) assert.match(labels('mtls'), expected);
    const mtls = diagrams.find((d) => d.id === 'mtls')!;
    assert.ok(mtls.edges.some((e) => e.label === 'mTLS' && e.bidirectional), 'the proxies talk mTLS both ways');
    const policy = diagrams.find((d) => d.id === 'network-policy')!;
    assert.ok(policy.edges.some((e) => e.style === 'denied' && e.to === 'backend'), 'traffic from other pods is shown refused');
  });

  it('names a heading of the guide for every diagram', function () {
    if (!existsSync(GUIDE)) this.skip(); // ../shared/guide is not beside this checkout
    const headings = new Set(readFileSync(GUIDE, 'utf8').split('\n').flatMap((line) => (/^#+\s+(.+?)\s*$/.exec(line)?.slice(1) ?? [])));
    for (const diagram of diagrams) assert.ok(headings.has(diagram.guideSection), `${diagram.id}: no heading "${diagram.guideSection}" in the guide`);
  });
});
