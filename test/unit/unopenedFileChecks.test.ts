import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { UnopenedFileChecks } from '../../server/src/services/unopenedFileChecks';

const finding = (message: string): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A host over in-memory files, recording what is published. */
function host(files: Record<string, string | undefined>) {
  const state = { enabled: true, open: new Set<string>(), published: [] as Array<[string, string[]]>, errors: [] as string[] };
  const checks = new UnopenedFileChecks({
    enabled: () => state.enabled,
    isOpen: (uri) => state.open.has(uri),
    readManifest: async (uri) => files[uri],
    check: async (uri, text) => {
      if (text === 'throws') throw new Error('boom');
      return [finding(`${uri}: ${text}`)];
    },
    publish: async (uri, diagnostics) => void state.published.push([uri, diagnostics.map((d) => String(d.message))]),
    logError: (message) => state.errors.push(message),
  });
  return { checks, state };
}

describe('checks of files nobody opened (kubeGuide.diagnosticsScope)', () => {
  it('checks and publishes unopened manifests one by one, and skips open ones', async () => {
    const { checks, state } = host({ 'a.yaml': 'A', 'b.yaml': 'B' });
    state.open.add('b.yaml');
    checks.applyScope(['a.yaml', 'b.yaml']);
    await settle();
    assert.deepEqual(state.published, [['a.yaml', ['a.yaml: A']]]);
  });

  it('does nothing with the scope on open files, and withdraws what it published when the scope narrows', async () => {
    const { checks, state } = host({ 'a.yaml': 'A', 'c.yaml': 'C' });
    checks.schedule('a.yaml');
    checks.schedule('c.yaml');
    await settle();
    state.open.add('c.yaml');
    state.enabled = false;
    checks.applyScope(['a.yaml', 'c.yaml']);
    checks.schedule('a.yaml');
    await settle();
    assert.deepEqual(state.published, [['a.yaml', ['a.yaml: A']], ['c.yaml', ['c.yaml: C']], ['a.yaml', []]], 'the open c.yaml keeps what the editor shows');
  });

  it('withdraws the problems of a file deleted, or no longer a manifest', async () => {
    const files: Record<string, string | undefined> = { 'a.yaml': 'A', 'b.yaml': 'B' };
    const { checks, state } = host(files);
    checks.applyScope(['a.yaml', 'b.yaml']);
    await settle();
    checks.deleted('a.yaml');
    files['b.yaml'] = undefined;
    checks.schedule('b.yaml');
    checks.deleted('never-published.yaml');
    await settle();
    assert.deepEqual(state.published.slice(2), [['a.yaml', []], ['b.yaml', []]]);
  });

  it('logs a check that throws and goes on with the next file', async () => {
    const { checks, state } = host({ 'bad.yaml': 'throws', 'good.yaml': 'G' });
    checks.applyScope(['bad.yaml', 'good.yaml']);
    await settle();
    assert.match(state.errors[0], /could not check bad\.yaml: Error: boom/);
    assert.deepEqual(state.published, [['good.yaml', ['good.yaml: G']]]);
  });
});
