// The diagrams panel's boundaries: the messages each side accepts, the page's CSP, the exported bytes.
import * as assert from 'node:assert/strict';
import { exportBytes } from '../../client/src/diagrams/exportBytes';
import { isWorkspaceGraph, parseExtensionMessage, parseWebviewMessage } from '../../client/src/diagrams/messages';
import { diagramsContentSecurityPolicy, diagramsWebviewHtml } from '../../client/src/diagrams/webviewHtml';
import { guideDiagrams } from '../../server/src/knowledge/diagrams';
import type { WorkspaceGraph } from '../../server/src/protocol';

// The smallest real PNG (1×1, transparent).
const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const NONCE = 'MDEyMzQ1Njc4OWFiY2RlZg==';

const graph = (): WorkspaceGraph => ({
  nodes: [
    {
      id: 'Deployment/shop/web',
      kind: 'Deployment',
      name: 'web',
      namespace: 'shop',
      uri: 'file:///w/web.yaml',
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
      findings: { errors: 1, warnings: 0, infos: 2 },
    },
    {
      id: 'Secret/shop/db',
      kind: 'Secret',
      name: 'db',
      namespace: 'shop',
      uri: 'file:///w/web.yaml',
      range: { start: { line: 12, character: 4 }, end: { line: 12, character: 20 } },
      findings: { errors: 0, warnings: 0, infos: 0 },
      missing: true,
    },
  ],
  edges: [{ from: 'Deployment/shop/web', to: 'Secret/shop/db', kind: 'uses-secret' }],
});

describe('diagrams panel messages', () => {
  describe('from the webview', () => {
    it('accepts each message of the union in exactly its shape', () => {
      const valid = [
        { type: 'ready' },
        { type: 'requestWorkspaceGraph' },
        { type: 'rendered', view: 'guide', nodes: 46, edges: 44 },
        { type: 'insertSnippet', snippet: 'k8s-service' },
        { type: 'openWorkspaceNode', id: 'Deployment/shop/web' },
        { type: 'export', format: 'svg', name: 'control-plane', data: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' },
        { type: 'export', format: 'png', name: 'workspace', data: TINY_PNG },
      ];
      for (const message of valid) assert.deepEqual(parseWebviewMessage(message), message);
    });

    it('refuses unknown types, extra keys, wrong types and unsafe values', () => {
      const invalid: unknown[] = [
        undefined,
        null,
        'ready',
        ['ready'],
        { type: 'runCommand', command: 'workbench.action.terminal.new' },
        { type: 'ready', extra: 1 },
        { type: 'rendered', view: 'cluster', nodes: 1, edges: 1 },
        { type: 'rendered', view: 'guide', nodes: -1, edges: 1 },
        { type: 'rendered', view: 'guide', nodes: 1.5, edges: 1 },
        { type: 'insertSnippet', snippet: '' },
        { type: 'insertSnippet', snippet: 42 },
        { type: 'insertSnippet', snippet: 'x'.repeat(201) },
        { type: 'openWorkspaceNode' },
        { type: 'openWorkspaceNode', id: 'a', uri: 'file:///etc/passwd' },
        { type: 'export', format: 'pdf', name: 'x', data: '<svg></svg>' },
        { type: 'export', format: 'svg', name: '../../.bashrc', data: '<svg></svg>' },
        { type: 'export', format: 'svg', name: 'x', data: '<html><script>alert(1)</script></html>' },
        { type: 'export', format: 'svg', name: 'x', data: '<svg>' },
        { type: 'export', format: 'png', name: 'x', data: 'data:image/svg+xml;base64,PHN2Zz4=' },
        { type: 'export', format: 'png', name: 'x', data: 'data:image/png;base64,not base64!' },
      ];
      for (const message of invalid) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
    });
  });

  describe('from the extension', () => {
    it('accepts the guide diagrams the server builds, and a workspace graph', () => {
      const diagrams = guideDiagrams();
      assert.deepEqual(parseExtensionMessage({ type: 'guideDiagrams', diagrams }), { type: 'guideDiagrams', diagrams });
      assert.deepEqual(parseExtensionMessage({ type: 'workspaceGraph', graph: graph() }), { type: 'workspaceGraph', graph: graph() });
      assert.deepEqual(parseExtensionMessage({ type: 'workspaceGraphError', message: 'no server' }), { type: 'workspaceGraphError', message: 'no server' });
    });

    it('lets through fields a newer server adds inside its data, but not around the message', () => {
      const grown = graph();
      Object.assign(grown.nodes[0], { labels: { app: 'web' } });
      assert.equal(isWorkspaceGraph(grown), true);
      assert.equal(parseExtensionMessage({ type: 'workspaceGraph', graph: grown, debug: true }), undefined);
    });

    it('refuses a graph with a field of the wrong type, an unknown edge kind or a negative count', () => {
      const broken: Array<(g: WorkspaceGraph) => void> = [
        (g) => Object.assign(g.nodes[0], { id: 7 }),
        (g) => Object.assign(g.nodes[0], { uri: '' }),
        (g) => Object.assign(g.nodes[0].range.start, { line: -1 }),
        (g) => Object.assign(g.nodes[0].findings, { errors: '1' }),
        (g) => Object.assign(g.nodes[1], { missing: 'yes' }),
        (g) => Object.assign(g.edges[0], { kind: 'depends-on' }),
        (g) => Object.assign(g, { nodes: {} }),
      ];
      for (const [index, breakIt] of broken.entries()) {
        const g = graph();
        breakIt(g);
        assert.equal(parseExtensionMessage({ type: 'workspaceGraph', graph: g }), undefined, `breakage ${index}`);
      }
    });

    it('refuses guide diagrams with an unknown category, a bad id or a missing text', () => {
      const broken: Array<(d: ReturnType<typeof guideDiagrams>) => void> = [
        (d) => Object.assign(d[0].nodes[0], { category: 'spaceship' }),
        (d) => Object.assign(d[0], { id: '../control-plane' }),
        (d) => Object.assign(d[0], { direction: 'RL' }),
        (d) => delete (d[1].nodes[0] as { text?: string }).text,
        (d) => Object.assign(d[2].edges[0], { style: 'wavy' }),
      ];
      for (const [index, breakIt] of broken.entries()) {
        const diagrams = guideDiagrams();
        breakIt(diagrams);
        assert.equal(parseExtensionMessage({ type: 'guideDiagrams', diagrams }), undefined, `breakage ${index}`);
      }
    });
  });

  describe('the page', () => {
    it('has a CSP that allows only this render\'s nonce and the extension\'s own resources', () => {
      const source = 'https://file+.vscode-resource.vscode-cdn.net';
      const html = diagramsWebviewHtml({ cspSource: source, nonce: NONCE, scriptUri: `${source}/dist/webview.js`, styleUri: `${source}/media/diagrams.css` });
      const csp = diagramsContentSecurityPolicy(source, NONCE);
      assert.equal(csp, `default-src 'none'; img-src ${source} data:; style-src ${source} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
      assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`), 'the CSP is in the page');
      assert.equal(html.match(/<script\b/g)?.length, 1, 'one script');
      assert.ok(html.includes(`<script src="${source}/dist/webview.js" nonce="${NONCE}"></script>`));
      assert.ok(html.includes(`<link rel="stylesheet" href="${source}/media/diagrams.css" nonce="${NONCE}">`));
      assert.doesNotMatch(html, /unsafe-|<style|\sstyle=|\son\w+=/, 'no inline style or event handler');
    });

    it('refuses a guessable nonce and a CSP source that could add directives', () => {
      const options = { cspSource: 'https://x', nonce: NONCE, scriptUri: 'https://x/a.js', styleUri: 'https://x/a.css' };
      assert.throws(() => diagramsWebviewHtml({ ...options, nonce: 'abc' }), /nonce/);
      assert.throws(() => diagramsWebviewHtml({ ...options, cspSource: "https://x; script-src 'unsafe-inline'" }), /CSP source/);
      // What code-server's VS Code gives: two sources in one string.
      assert.match(diagramsWebviewHtml({ ...options, cspSource: "'self' https://*.vscode-cdn.net" }), /style-src 'self' https:\/\/\*\.vscode-cdn\.net 'nonce-/);
    });
  });

  describe('exported files', () => {
    it('writes SVG as UTF-8 with an XML declaration, and the PNG\'s own bytes', () => {
      const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Größe</text></svg>';
      assert.equal(new TextDecoder().decode(exportBytes('svg', svg)), `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
      const png = exportBytes('png', TINY_PNG);
      assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      assert.equal(png.length, 68);
    });

    it('refuses a PNG data URL whose bytes are not a PNG', () => {
      assert.throws(() => exportBytes('png', `data:image/png;base64,${Buffer.from('GIF89a......').toString('base64')}`), /not a PNG/);
    });
  });
});
