// The diagrams webview in headless Chromium: the page the panel shows (same HTML builder, same CSP,
// the bundled dist/webview.js and media/diagrams.css), with VS Code's side played by the test:
// `acquireVsCodeApi` is a stub that records what the page posts, the extension's messages are
// posted to the window, and the theme is set as VS Code sets it (a body class and CSS variables).
// Screenshots go to test-results/diagrams/ (ignored by git).
// Needs `npm run build` first (out/ and dist/webview.js) and /usr/bin/chromium (else it skips).
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const CHROMIUM = process.env.KUBE_GUIDE_CHROMIUM ?? '/usr/bin/chromium';
const RESULTS = path.join(ROOT, 'test-results', 'diagrams');
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';
const BUILT = {
  html: path.join(ROOT, 'out', 'client', 'src', 'diagrams', 'webviewHtml.js'),
  diagrams: path.join(ROOT, 'out', 'server', 'src', 'knowledge', 'diagrams.js'),
  script: path.join(ROOT, 'dist', 'webview.js'),
  style: path.join(ROOT, 'media', 'diagrams.css'),
};

// Colours close to VS Code's default themes; what matters is that the page uses the variables.
const THEMES = {
  light: {
    bodyClass: 'vscode-light',
    variables: {
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
      '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171', '--vscode-editor-background': '#ffffff',
      '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8', '--vscode-focusBorder': '#005fb8',
      '--vscode-charts-blue': '#1a85ff', '--vscode-charts-red': '#e51400', '--vscode-charts-green': '#388a34', '--vscode-charts-orange': '#d18616',
      '--vscode-charts-purple': '#652d90', '--vscode-charts-yellow': '#bf8803', '--vscode-charts-foreground': '#616161',
      '--vscode-editorError-foreground': '#e51400', '--vscode-editorWarning-foreground': '#bf8803', '--vscode-editorInfo-foreground': '#1a85ff',
      '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-secondaryHoverBackground': '#cccccc', '--vscode-textLink-foreground': '#005fb8', '--vscode-badge-foreground': '#ffffff',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    variables: {
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
      '--vscode-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-editor-background': '#1f1f1f',
      '--vscode-editorWidget-background': '#202020', '--vscode-editorWidget-border': '#454545', '--vscode-focusBorder': '#0078d4',
      '--vscode-charts-blue': '#3794ff', '--vscode-charts-red': '#f14c4c', '--vscode-charts-green': '#89d185', '--vscode-charts-orange': '#d18616',
      '--vscode-charts-purple': '#b180d7', '--vscode-charts-yellow': '#cca700', '--vscode-charts-foreground': '#cccccc',
      '--vscode-editorError-foreground': '#f14c4c', '--vscode-editorWarning-foreground': '#cca700', '--vscode-editorInfo-foreground': '#3794ff',
      '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#313131',
      '--vscode-button-secondaryForeground': '#cccccc', '--vscode-button-secondaryHoverBackground': '#3c3c3c', '--vscode-textLink-foreground': '#4daafc', '--vscode-badge-foreground': '#ffffff',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    variables: {
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-foreground': '#ffffff',
      '--vscode-editor-background': '#000000', '--vscode-editorWidget-background': '#0c141f', '--vscode-contrastBorder': '#6fc3df',
      '--vscode-contrastActiveBorder': '#f38518', '--vscode-focusBorder': '#f38518', '--vscode-descriptionForeground': '#ffffff',
    },
  },
};

const range = (line) => ({ start: { line, character: 0 }, end: { line: line + 5, character: 0 } });
const object = (kind, name, namespace, findings = [0, 0, 0], more = {}) => ({
  id: `${kind}/${namespace}/${name}`,
  kind,
  name,
  namespace,
  uri: `file:///workspace/${kind.toLowerCase()}.yaml`,
  range: range(3),
  findings: { errors: findings[0], warnings: findings[1], infos: findings[2] },
  ...more,
});
const HOSTILE_NAME = '<img src=x onerror="window.__injected=1">';
/** A small shop: every edge kind, a missing Secret, a name that is HTML, and one edge to an object the graph does not list. */
const WORKSPACE_GRAPH = {
  nodes: [
    object('Ingress', 'web', 'shop', [0, 1, 0]),
    object('Service', 'web', 'shop', [0, 0, 1]),
    object('Deployment', 'web', 'shop', [2, 3, 0]),
    object('ConfigMap', 'web-config', 'shop'),
    object('Secret', 'db-password', 'shop', [0, 0, 0], { missing: true }),
    object('ServiceAccount', 'web', 'shop'),
    object('PersistentVolumeClaim', 'uploads', 'shop', [0, 1, 0]),
    object('StorageClass', 'azurefile-premium', ''),
    object('HorizontalPodAutoscaler', 'web', 'shop'),
    object('PodDisruptionBudget', 'web', 'shop'),
    object('NetworkPolicy', 'allow-web', 'shop'),
    object('Deployment', HOSTILE_NAME, 'shop', [1, 0, 0]),
  ],
  edges: [
    { from: 'Ingress/shop/web', to: 'Service/shop/web', kind: 'routes', label: '/ → 80' },
    { from: 'Service/shop/web', to: 'Deployment/shop/web', kind: 'selects' },
    { from: 'Deployment/shop/web', to: 'ConfigMap/shop/web-config', kind: 'uses-config' },
    { from: 'Deployment/shop/web', to: 'Secret/shop/db-password', kind: 'uses-secret' },
    { from: 'Deployment/shop/web', to: 'ServiceAccount/shop/web', kind: 'service-account' },
    { from: 'Deployment/shop/web', to: 'PersistentVolumeClaim/shop/uploads', kind: 'mounts' },
    { from: 'PersistentVolumeClaim/shop/uploads', to: 'StorageClass//azurefile-premium', kind: 'storage-class' },
    { from: 'HorizontalPodAutoscaler/shop/web', to: 'Deployment/shop/web', kind: 'scales' },
    { from: 'PodDisruptionBudget/shop/web', to: 'Deployment/shop/web', kind: 'protects' },
    { from: 'NetworkPolicy/shop/allow-web', to: 'Deployment/shop/web', kind: 'allows' },
    { from: `Deployment/shop/${HOSTILE_NAME}`, to: 'Service/shop/nowhere', kind: 'selects' },
  ],
};
const DRAWN_WORKSPACE_EDGES = WORKSPACE_GRAPH.edges.length - 1;

/** A larger, layered workspace for a timing: `apps` apps of Ingress → Service → Deployment → PVC, ConfigMap, HPA. */
function syntheticGraph(apps) {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < apps; i++) {
    const ns = `team-${i % 7}`;
    const ids = ['Ingress', 'Service', 'Deployment', 'PersistentVolumeClaim', 'ConfigMap', 'HorizontalPodAutoscaler'].map((kind) => {
      const node = object(kind, `app-${i}`, ns, [i % 3 === 0 ? 1 : 0, i % 2, 0]);
      nodes.push(node);
      return node.id;
    });
    edges.push(
      { from: ids[0], to: ids[1], kind: 'routes' },
      { from: ids[1], to: ids[2], kind: 'selects' },
      { from: ids[2], to: ids[3], kind: 'mounts' },
      { from: ids[2], to: ids[4], kind: 'uses-config' },
      { from: ids[5], to: ids[2], kind: 'scales' },
    );
  }
  return { nodes, edges };
}

/** Serves the page and its two resources from 127.0.0.1; anything else is a 404, and noted. */
function startServer(pageHtml) {
  const unexpected = [];
  const server = createServer((request, response) => {
    const files = { '/': ['text/html', pageHtml()], '/dist/webview.js': ['text/javascript', readFileSync(BUILT.script)], '/media/diagrams.css': ['text/css', readFileSync(BUILT.style)] };
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    // Chromium asks for a favicon by itself; a VS Code webview never does. Not the page's request.
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = files[pathname];
    if (!file) {
      unexpected.push(request.url);
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, unexpected, origin: `http://127.0.0.1:${server.address().port}` })));
}

describe('diagrams webview in Chromium', function () {
  this.timeout(60_000);
  let browser;
  let served;
  let origin;
  let diagrams;
  let webviewHtml;

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip(); // no Chromium on this machine (apt-get install chromium)
    for (const [what, file] of Object.entries(BUILT)) assert.ok(existsSync(file), `${what}: ${path.relative(ROOT, file)} is missing; run npm run build first`);
    ({ guideDiagrams: diagrams } = require(BUILT.diagrams));
    diagrams = diagrams();
    webviewHtml = require(BUILT.html);
    mkdirSync(RESULTS, { recursive: true });
    // The page's CSP names the origin its resources come from, known once the server listens.
    served = await startServer(() =>
      webviewHtml.diagramsWebviewHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/media/diagrams.css` }),
    );
    origin = served.origin;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });

  after(async () => {
    await browser?.close();
    served?.server.close();
  });

  /** A fresh page with the stubbed VS Code API, in a theme; `state` is what getState() returns. */
  async function openPage(theme, state) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.addInitScript((savedState) => {
      window.__posted = [];
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
      let calls = 0;
      window.acquireVsCodeApi = () => {
        if (++calls > 1) throw new Error('acquireVsCodeApi called twice');
        return {
          postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
          getState: () => window.__state,
          setState: (value) => (window.__state = value),
        };
      };
      window.__state = savedState;
    }, state);
    await page.goto(`${origin}/`);
    await waitForPosted(page, (m) => m.type === 'ready');
    await page.evaluate(({ bodyClass, variables }) => {
      document.body.classList.add(bodyClass);
      for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
    }, THEMES[theme]);
    return { page, problems };
  }

  const posted = (page) => page.evaluate(() => window.__posted);
  async function waitForPosted(page, predicate, after = 0) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = (await posted(page)).slice(after).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the page never posted the expected message; it posted ${JSON.stringify(await posted(page)).slice(0, 500)}`);
      await page.waitForTimeout(25);
    }
  }
  /** As the extension does: a message to the webview's window. */
  const sendToPage = (page, message) => page.evaluate((data) => window.postMessage(data, '*'), message);

  async function assertClean(page, problems) {
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no Content Security Policy violation');
    assert.deepEqual(problems, [], 'no page error or console error');
    assert.deepEqual(served.unexpected, [], 'the page requested nothing but its script and stylesheet');
    assert.equal(await page.evaluate(() => window.__injected), undefined, 'no text from the data ran as HTML');
  }

  it('serves the page with the CSP the extension uses: nonce-only scripts, no inline or remote source', () => {
    const csp = webviewHtml.diagramsContentSecurityPolicy(origin, NONCE);
    assert.equal(csp, `default-src 'none'; img-src ${origin} data:; style-src ${origin} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
    assert.doesNotMatch(csp, /unsafe|https?:\/\/(?!127\.0\.0\.1)/);
    assert.throws(() => webviewHtml.diagramsWebviewHtml({ cspSource: origin, nonce: 'short', scriptUri: 'x', styleUri: 'y' }), /nonce/);
  });

  for (const theme of ['light', 'dark']) {
    describe(`${theme} theme`, () => {
      let page;
      let problems;
      before(async () => ({ page, problems } = await openPage(theme)));
      after(async () => page?.close());

      it('says it is loading until the extension sends the diagrams', async () => {
        assert.match(await page.locator('#panel-guide').innerText(), /Loading the guide/);
        assert.equal(await page.locator('#tab-guide').getAttribute('aria-selected'), 'true');
      });

      it('draws all seven guide diagrams, every box and every arrow as SVG', async () => {
        await sendToPage(page, { type: 'guideDiagrams', diagrams });
        const rendered = await waitForPosted(page, (m) => m.type === 'rendered' && m.view === 'guide');
        assert.equal(rendered.nodes, diagrams.reduce((sum, d) => sum + d.nodes.length, 0));
        assert.equal(rendered.edges, diagrams.reduce((sum, d) => sum + d.edges.length, 0));
        assert.equal(await page.locator('svg.diagram').count(), 7);
        for (const diagram of diagrams) {
          const drawing = page.locator(`svg[data-diagram="kg-${diagram.id}"]`);
          assert.equal(await drawing.locator('g.node').count(), diagram.nodes.length, `${diagram.id}: boxes`);
          assert.equal(await drawing.locator('g.edge path.edge-line').count(), diagram.edges.length, `${diagram.id}: arrows`);
          assert.equal(await drawing.locator('g.group rect.group-box').count(), diagram.groups.length, `${diagram.id}: frames`);
          for (const node of diagram.nodes) {
            const box = drawing.locator(`g.node[data-node-id="${node.id}"]`);
            assert.equal(await box.locator('text.node-label').textContent(), node.label);
            assert.equal(await box.getAttribute('tabindex'), '0', `${diagram.id}/${node.id} is focusable`);
            assert.equal(await box.getAttribute('role'), 'button');
            assert.match(await box.getAttribute('aria-label'), new RegExp(`^${node.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
          }
          const connections = page.getByRole('list', { name: `Connections in ${diagram.title}` }).locator('li');
          assert.equal(await connections.count(), diagram.edges.length, `${diagram.id}: every arrow in words`);
          for (const [index, edge] of diagram.edges.entries()) {
            const arrow = drawing.locator(`g.edge[data-edge-id="e${index}"]`);
            assert.equal(await arrow.getAttribute('data-from'), edge.from);
            assert.equal(await arrow.getAttribute('data-to'), edge.to);
            assert.match(await arrow.locator('path').getAttribute('d'), /^M[\d.]+,[\d.]+/, `${diagram.id}: arrow ${index} has a route`);
          }
        }
        // The boxes do not overlap one another.
        const overlaps = await page.evaluate(() => {
          const found = [];
          for (const svgElement of document.querySelectorAll('svg.diagram')) {
            const boxes = [...svgElement.querySelectorAll('rect.node-box')].map((rect) => ({ id: rect.parentElement.dataset.nodeId, box: rect.getBBox() }));
            for (const a of boxes) for (const b of boxes) {
              if (a.id < b.id && a.box.x < b.box.x + b.box.width && b.box.x < a.box.x + a.box.width && a.box.y < b.box.y + b.box.height && b.box.y < a.box.y + a.box.height) found.push(`${svgElement.dataset.diagram}: ${a.id} / ${b.id}`);
            }
          }
          return found;
        });
        assert.deepEqual(overlaps, []);
        const titlesOutsideFrames = await page.evaluate(() =>
          [...document.querySelectorAll('g.group')].flatMap((group) => {
            const frame = group.querySelector('rect').getBBox();
            const title = group.querySelector('text').getBBox();
            return title.x >= frame.x && title.x + title.width <= frame.x + frame.width ? [] : [group.dataset.groupId];
          }),
        );
        assert.deepEqual(titlesOutsideFrames, [], 'every frame is wide enough for its title');
      });

      it('shows a box\'s text on click, and "Insert snippet" posts the snippet\'s prefix', async () => {
        const clusterIp = diagrams.find((d) => d.id === 'service-types').nodes.find((n) => n.id === 'cluster-ip');
        await page.locator('svg[data-diagram="kg-service-types"] g.node[data-node-id="cluster-ip"]').click();
        const details = page.locator('figure#figure-service-types section.details');
        await details.waitFor();
        assert.equal(await details.locator('h3').innerText(), `${clusterIp.label} — ${clusterIp.sublabel}`);
        assert.match(await details.innerText(), /The default type/);
        assert.equal(await details.locator('code').first().innerText(), 'name.namespace.svc.cluster.local', 'backticks become code');
        assert.equal(await details.locator('strong').first().innerText(), 'Best practice:', 'the knowledge entry\'s advice follows');
        const before = (await posted(page)).length;
        await details.getByRole('button', { name: 'Insert snippet k8s-service' }).click();
        assert.deepEqual(await waitForPosted(page, (m) => m.type === 'insertSnippet', before), { type: 'insertSnippet', snippet: 'k8s-service' });
      });

      it('reaches boxes with Tab and activates them with Enter and Space', async () => {
        const boxes = page.locator('svg[data-diagram="kg-control-plane"] g.node');
        await boxes.first().focus();
        const firstId = await page.evaluate(() => document.activeElement.dataset.nodeId);
        await page.keyboard.press('Tab');
        const secondId = await page.evaluate(() => document.activeElement.dataset.nodeId);
        assert.equal(firstId, 'user');
        assert.equal(secondId, await boxes.nth(1).getAttribute('data-node-id'), 'Tab moves to the next box');
        await page.keyboard.press('Enter');
        const details = page.locator('figure#figure-control-plane section.details');
        await details.waitFor();
        const second = diagrams[0].nodes.find((n) => n.id === secondId);
        assert.match(await details.locator('h3').innerText(), new RegExp(`^${second.label}`));
        assert.equal(await boxes.nth(1).getAttribute('aria-current'), 'true');
        await page.keyboard.press('Tab');
        await page.keyboard.press(' ');
        const thirdId = await page.evaluate(() => document.activeElement.dataset.nodeId);
        const third = diagrams[0].nodes.find((n) => n.id === thirdId);
        assert.match(await details.locator('h3').innerText(), new RegExp(`^${third.label}`), 'Space activates too');
        // The focused box shows a ring in the theme's focus colour.
        const ring = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('rect.node-box')).stroke);
        const focusColour = await page.evaluate(() => {
          const probe = document.createElement('div');
          probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--vscode-focusBorder');
          document.body.append(probe);
          const colour = getComputedStyle(probe).color;
          probe.remove();
          return colour;
        });
        assert.equal(ring, focusColour);
        await page.screenshot({ path: path.join(RESULTS, `guide-${theme}.png`), fullPage: true });
        for (const diagram of diagrams) await page.locator(`#figure-${diagram.id} .diagram-frame`).screenshot({ path: path.join(RESULTS, `${diagram.id}-${theme}.png`) });
      });

      it('exports a diagram as a standalone SVG and as a PNG', async () => {
        let before = (await posted(page)).length;
        await page.getByRole('button', { name: 'Export Control plane and nodes as SVG' }).click();
        const svgExport = await waitForPosted(page, (m) => m.type === 'export', before);
        assert.equal(svgExport.format, 'svg');
        assert.equal(svgExport.name, 'control-plane');
        assert.match(svgExport.data, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        assert.match(svgExport.data, /API server/);
        assert.doesNotMatch(svgExport.data, /var\(--|class=|tabindex/, 'the theme is written in, page-only attributes are gone');
        const background = THEMES[theme].variables['--vscode-editor-background'];
        const rgb = background.match(/[0-9a-f]{2}/gi).map((hex) => parseInt(hex, 16)).join(', ');
        assert.ok(svgExport.data.includes(`fill="rgb(${rgb})"`), 'the editor background is painted behind the drawing');
        before = (await posted(page)).length;
        await page.getByRole('button', { name: 'Export Control plane and nodes as PNG' }).click();
        const pngExport = await waitForPosted(page, (m) => m.type === 'export', before);
        assert.equal(pngExport.format, 'png');
        const png = Buffer.from(pngExport.data.replace(/^data:image\/png;base64,/, ''), 'base64');
        assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        assert.ok(png.length > 5_000, `a real picture, not an empty canvas (${png.length} bytes)`);
      });

      it('switches tabs with the arrow keys and asks for the workspace graph once shown', async () => {
        await page.locator('#tab-guide').focus();
        const before = (await posted(page)).length;
        await page.keyboard.press('ArrowRight');
        assert.equal(await page.locator('#tab-workspace').getAttribute('aria-selected'), 'true');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-workspace');
        assert.equal(await page.locator('#panel-guide').isHidden(), true);
        await waitForPosted(page, (m) => m.type === 'requestWorkspaceGraph', before);
        assert.match(await page.locator('#panel-workspace .status').innerText(), /Reading your workspace/);
        assert.deepEqual(await page.evaluate(() => window.__state), { view: 'workspace' }, 'the tab is remembered');
        await page.keyboard.press('Home');
        assert.equal(await page.locator('#tab-guide').getAttribute('aria-selected'), 'true');
        await page.keyboard.press('End');
        assert.equal(await page.locator('#tab-workspace').getAttribute('aria-selected'), 'true');
      });

      it('shows the server\'s error, then the empty state, without drawing anything', async () => {
        await sendToPage(page, { type: 'workspaceGraphError', message: 'this language server does not draw the workspace yet.' });
        await page.getByText('The workspace graph is not available: this language server does not draw the workspace yet.').waitFor();
        await sendToPage(page, { type: 'workspaceGraph', graph: { nodes: [], edges: [] } });
        await page.getByText(/No manifests indexed yet/).waitFor();
        assert.equal(await page.locator('#panel-workspace svg.diagram').count(), 0);
        assert.equal(await page.getByRole('button', { name: 'Export the workspace diagram as SVG' }).isDisabled(), true);
      });

      it('draws the workspace graph: every object, every link it can, badges, missing objects dashed', async () => {
        const before = (await posted(page)).length;
        await sendToPage(page, { type: 'workspaceGraph', graph: WORKSPACE_GRAPH });
        const rendered = await waitForPosted(page, (m) => m.type === 'rendered' && m.view === 'workspace', before);
        assert.deepEqual(rendered, { type: 'rendered', view: 'workspace', nodes: WORKSPACE_GRAPH.nodes.length, edges: DRAWN_WORKSPACE_EDGES });
        const drawing = page.locator('#panel-workspace svg.diagram');
        assert.equal(await drawing.locator('g.node').count(), WORKSPACE_GRAPH.nodes.length);
        assert.equal(await drawing.locator('g.edge path.edge-line').count(), DRAWN_WORKSPACE_EDGES, 'the link to an unlisted object is left out');
        const deployment = drawing.locator('g.node[data-node-id="Deployment/shop/web"]');
        assert.deepEqual(await deployment.locator('g.badge text').allTextContents(), ['2', '3']);
        assert.equal(await deployment.getAttribute('aria-label'), 'Deployment web in namespace shop: 2 errors, 3 warnings. Open in the editor');
        const secret = drawing.locator('g.node[data-node-id="Secret/shop/db-password"]');
        assert.match(await secret.getAttribute('class'), /\bmissing\b/);
        assert.match(await secret.getAttribute('aria-label'), /referenced but not found/);
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('g.node.missing rect.node-box')).strokeDasharray), '5px, 4px');
        assert.equal(await drawing.locator('g.edge.edge-kind-routes text.edge-label').textContent(), '/ → 80', 'the server\'s label wins');
        assert.equal(await drawing.locator('g.edge.edge-kind-uses-secret text.edge-label').textContent(), 'uses secret');
        const hostile = drawing.locator(`g.node[data-node-id="${`Deployment/shop/${HOSTILE_NAME}`.replace(/["\\]/g, '\\$&')}"]`);
        assert.equal(await hostile.locator('text.node-label').textContent(), HOSTILE_NAME, 'a name that looks like HTML is shown as text');
        assert.equal(await page.locator('img').count(), 0);
        const links = page.getByRole('list', { name: 'Links between the objects' }).locator('li');
        assert.equal(await links.count(), DRAWN_WORKSPACE_EDGES, 'screen readers get every drawn link in words');
        assert.equal(await links.first().textContent(), 'Ingress web (/ → 80) routes to Service web');
        await page.screenshot({ path: path.join(RESULTS, `workspace-${theme}.png`), fullPage: true });
      });

      it('opens a workspace object from a click or from Enter', async () => {
        let before = (await posted(page)).length;
        await page.locator('#panel-workspace g.node[data-node-id="Service/shop/web"]').click();
        assert.deepEqual(await waitForPosted(page, (m) => m.type === 'openWorkspaceNode', before), { type: 'openWorkspaceNode', id: 'Service/shop/web' });
        before = (await posted(page)).length;
        await page.locator('#panel-workspace g.node[data-node-id="Ingress/shop/web"]').focus();
        await page.keyboard.press('Enter');
        assert.deepEqual(await waitForPosted(page, (m) => m.type === 'openWorkspaceNode', before), { type: 'openWorkspaceNode', id: 'Ingress/shop/web' });
      });

      it('ignores messages of an unknown shape and keeps what it shows', async () => {
        const warnings = [];
        page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
        await sendToPage(page, { type: 'workspaceGraph', graph: { nodes: 'all of them', edges: [] } });
        await sendToPage(page, { type: 'guideDiagrams', diagrams: [{ id: '../../etc', title: 'x' }] });
        await sendToPage(page, { type: 'runScript', code: 'window.__injected = 1' });
        await page.waitForTimeout(100);
        assert.equal(warnings.filter((w) => /unknown shape/.test(w)).length, 3);
        assert.equal(await page.locator('#panel-workspace g.node').count(), WORKSPACE_GRAPH.nodes.length);
        assert.equal(await page.locator('svg.diagram').count(), 8);
        await assertClean(page, problems);
      });
    });
  }

  it('follows a high-contrast theme: theme borders on every box', async () => {
    const { page, problems } = await openPage('high-contrast');
    try {
      await sendToPage(page, { type: 'guideDiagrams', diagrams });
      await waitForPosted(page, (m) => m.type === 'rendered');
      const strokes = await page.evaluate(() => [...new Set([...document.querySelectorAll('rect.node-box')].map((rect) => getComputedStyle(rect).stroke))]);
      assert.deepEqual(strokes, ['rgb(111, 195, 223)'], 'every box has the contrast border colour');
      await page.screenshot({ path: path.join(RESULTS, 'guide-high-contrast.png'), fullPage: true });
      await assertClean(page, problems);
    } finally {
      await page.close();
    }
  });

  it('reopens on the tab it was left on, asking for the workspace at once', async () => {
    const { page, problems } = await openPage('dark', { view: 'workspace' });
    try {
      const messages = await posted(page);
      assert.deepEqual(messages.map((m) => m.type), ['requestWorkspaceGraph', 'ready']);
      assert.equal(await page.locator('#tab-workspace').getAttribute('aria-selected'), 'true');
      await assertClean(page, problems);
    } finally {
      await page.close();
    }
  });

  it(`lays out a workspace of 100 apps (600 objects) quickly enough`, async () => {
    const { page, problems } = await openPage('light', { view: 'workspace' });
    try {
      const graph = syntheticGraph(100);
      // Timed inside the page, from the message to the page's answer: no test round trips in it.
      const elapsed = await page.evaluate(async (data) => {
        const started = performance.now();
        window.postMessage({ type: 'workspaceGraph', graph: data }, '*');
        while (!window.__posted.some((m) => m.type === 'rendered')) await new Promise((resolve) => setTimeout(resolve, 5));
        return Math.round(performance.now() - started);
      }, graph);
      const rendered = await waitForPosted(page, (m) => m.type === 'rendered' && m.view === 'workspace');
      console.log(`      layout and drawing of ${rendered.nodes} objects and ${rendered.edges} links: ${elapsed} ms`);
      assert.equal(rendered.nodes, graph.nodes.length);
      assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
      await sendToPage(page, { type: 'workspaceGraph', graph: syntheticGraph(101) });
      await page.getByText(/too many to draw readably/).waitFor();
      await assertClean(page, problems);
    } finally {
      await page.close();
    }
  });
});
