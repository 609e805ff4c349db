#!/usr/bin/env node
// Takes the README's screenshots from a real VS Code, by script and never by hand (issue #11).
//
// It reuses the end-to-end harness (test/e2e/run-code-server.mjs): code-server with the built
// extension, opened on the sample workspace test/fixtures/screenshots/ in headless Chromium at
// 1280x800 with the Default Dark Modern theme, and driven with the keyboard through the UI checks'
// Workbench (test/e2e/ui/workbench-checks.mjs); only the diagrams panel's "Your workspace" tab is
// clicked, as an element of the webview. Every step waits for what it needs to see (the
// status item, a hover with the guide's text, the fix in the lightbulb menu, the findings in the
// Problems panel, the drawn workspace graph) instead of sleeping.
//
// Writes images/<name>.png, cropped to the part of the window that matters, and
// images/screenshots.json: each image's sha256, pixel size and what it shows, with the VS Code
// version. test/unit/readmeScreenshots.test.ts checks the README's images against that list, so a
// picture edited or swapped by hand fails the tests. Nothing is written unless every picture was taken.
//
// Usage: node scripts/take-screenshots.mjs [--out <dir>] [--timeout <seconds>] [--verbose]
// (npm run screenshots builds, installs code-server if needed, then runs this.)
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  HarnessError,
  LogTail,
  NODE_24,
  USER_SETTINGS,
  checkCodeServerInstalled,
  codeServerArguments,
  codeServerEnvironment,
  findFreePort,
  prepareCodeServerProfile,
  readBundledVsCodeVersion,
  readCodeServerVersion,
  remoteUri,
  stopCodeServer,
  waitForServer,
  workbenchUrl,
} from '../test/e2e/run-code-server.mjs';
import {
  ACTIVATION_DEADLINE_MS,
  CHECK_DEADLINE_MS,
  MARKER_ROWS,
  STATUS_ITEM,
  Workbench,
  oneLine,
  positionOf,
  waitUntil,
} from '../test/e2e/ui/workbench-checks.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACE_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'screenshots');
const MANIFEST_NAME = 'screenshots.json';
/** What the extension host loads: without them the workbench would show a VS Code without Kube Guide. */
const BUILT_FILES = ['dist/client.js', 'dist/server.js', 'dist/webview.js', 'dist/kubernetes-schema.json'];
const WINDOW = { width: 1280, height: 800 };
const THEME = 'Default Dark Modern';
/** A PNG over this would make the .vsix heavy (the README ships in it, and its images with it). */
const MAX_IMAGE_BYTES = 200 * 1024;
const LOG_TAIL_LINES = 40;
/** Where the whole window goes when a step fails: under test-results/, which git ignores. */
const FAILURE_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** On top of the harness's quiet settings: one look for every picture, nothing that blinks or moves. */
const SCREENSHOT_SETTINGS = {
  ...USER_SETTINGS,
  'workbench.colorTheme': THEME,
  'editor.fontSize': 14,
  'editor.minimap.enabled': false,
  'editor.cursorBlinking': 'solid',
  // The crops are measured from the highlighted cursor line.
  'editor.renderLineHighlight': 'line',
  'editor.stickyScroll.enabled': false,
  'editor.lightbulb.enabled': 'on',
  'breadcrumbs.enabled': false,
  'workbench.editor.enablePreview': false,
  'problems.sortOrder': 'position',
};

const wallStart = Date.now();
const log = (message) => process.stdout.write(`[screenshots] ${message}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function parseCommandLine() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string', default: path.join(REPO_ROOT, 'images') },
        timeout: { type: 'string', default: '240' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new HarnessError(`${error.message} (see --help)`);
  }
  if (values.help) {
    const header = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
    const comment = header.slice(0, header.findIndex((line) => !line.startsWith('//')));
    process.stdout.write(`${comment.map((line) => line.replace(/^\/\/ ?/, '')).join('\n')}\n`);
    process.exit(0);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new HarnessError(`--timeout must be a positive number of seconds, got ${values.timeout}`);
  }
  return { outDir: path.resolve(values.out), timeoutMs: timeoutSeconds * 1000, verbose: values.verbose };
}

function checkBuilt() {
  const missing = BUILT_FILES.filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)));
  if (missing.length > 0) {
    throw new HarnessError(`the extension is not built (missing ${missing.join(', ')}): run npm run build first, or npm run screenshots, which builds.`);
  }
}

// ---- cropping and image facts -------------------------------------------------------------------

/** The smallest rectangle holding every box, grown by `padding`, kept inside `bounds`, in whole pixels. */
function clipAround(boxes, bounds, padding) {
  const present = boxes.filter(Boolean);
  if (present.length === 0) throw new HarnessError('nothing to crop around: the elements to show are not on screen');
  const left = Math.max(bounds.x, Math.min(...present.map((box) => box.x)) - padding.left);
  const top = Math.max(bounds.y, Math.min(...present.map((box) => box.y)) - padding.top);
  const right = Math.min(bounds.x + bounds.width, Math.max(...present.map((box) => box.x + box.width)) + padding.right);
  const bottom = Math.min(bounds.y + bounds.height, Math.max(...present.map((box) => box.y + box.height)) + padding.bottom);
  const x = Math.floor(left);
  const y = Math.floor(top);
  return { x, y, width: Math.ceil(right) - x, height: Math.ceil(bottom) - y };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(buffer) {
  const signature = '89504e470d0a1a0a';
  if (buffer.subarray(0, 8).toString('hex') !== signature || buffer.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** A box's top-left corner as a box of its own: makes a crop reach that far without growing to the whole box. */
const cornerOf = (box) => ({ x: box.x, y: box.y, width: 0, height: 0 });

const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');

// ---- driving the workbench ----------------------------------------------------------------------

/** F1, the command's title, Enter: runs a command as a person would, once the palette offers it. */
async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.type(title);
  await waitUntil(`the command palette to offer "${title}" first`, async () => {
    const label = await page.locator('.quick-input-widget .monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1_000 }).catch(() => null);
    return { ok: label?.startsWith(title) === true, seen: `focused row ${JSON.stringify(label)}` };
  });
  await page.keyboard.press('Enter');
}

/** The bounding box of the first visible element matching `selector` in the page, or undefined. */
async function boxOf(page, selector) {
  const locator = page.locator(selector).filter({ visible: true }).first();
  return (await locator.count()) > 0 ? ((await locator.boundingBox()) ?? undefined) : undefined;
}

/** The cursor's line in the editor (its highlight): what a hover or a menu belongs to. */
async function cursorLineBox(page) {
  const box = await boxOf(page, '.part.editor .monaco-editor .view-overlays .current-line');
  if (!box) throw new HarnessError('no highlighted cursor line in the editor');
  return box;
}

// ---- the pictures -------------------------------------------------------------------------------
// Each takes the workbench where the previous one left it and returns the part of the window to keep.

async function hoverShot({ page, workbench }) {
  await workbench.openFile('web.yaml');
  const { line, column } = positionOf(WORKSPACE_DIR, 'web.yaml', 'type: LoadBalancer', 'type: '.length + 3);
  await workbench.goTo(line, column);
  await workbench.showHover(
    'the guide entry for a LoadBalancer Service (bold "LoadBalancer", the AKS note, its guide section)',
    ({ text, bold }) => bold.some((strong) => strong.includes('LoadBalancer')) && /On AKS:/.test(text) && /Guide:/.test(text),
  );
  // From the line numbers to the hover's right edge, a few lines of the Service above it.
  const editor = await boxOf(page, '.part.editor');
  const cursorLine = await cursorLineBox(page);
  const hover = await boxOf(page, '.monaco-resizable-hover');
  return clipAround([cornerOf({ ...editor, y: cursorLine.y }), hover], editor, { left: 0, top: 6 * cursorLine.height, right: 24, bottom: 24 });
}

async function quickFixShot({ page, workbench }) {
  await workbench.openFile('web.yaml');
  const { line, column } = positionOf(WORKSPACE_DIR, 'web.yaml', 'replicass: 3', 3);
  // The squiggle is the server's finding: wait for it before asking for fixes.
  await waitUntil('the unknown field replicass underlined as an error', async () => {
    const count = await page.locator('.monaco-editor .squiggly-error').count();
    return { ok: count > 0, seen: `${count} error squiggles` };
  }, ACTIVATION_DEADLINE_MS);
  await workbench.goTo(line, column);
  // The lightbulb comes once the server has answered for this line: in every picture, or in none.
  const lightbulb = page.locator('.part.editor .lightBulbWidget').filter({ visible: true });
  await waitUntil('the lightbulb beside the cursor line', async () => ({ ok: (await lightbulb.count()) > 0, seen: 'no visible .lightBulbWidget' }));
  const menu = page.locator('.action-widget').filter({ visible: true }).first();
  await waitUntil('the quick-fix menu offering to rename replicass to replicas', async () => {
    const text = (await menu.count()) > 0 ? await menu.innerText() : undefined;
    if (text && /replicas\b/.test(text.replace(/replicass/g, ''))) return { ok: true };
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    await menu.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => {});
    return { ok: false, seen: text === undefined ? 'no quick-fix menu' : `menu ${oneLine(text)}` };
  });
  await waitUntil('the lightbulb still shown beside the open menu', async () => ({ ok: (await lightbulb.count()) > 0, seen: 'no visible .lightBulbWidget' }));
  // The Deployment's head above the squiggle, the menu below it, room on the right for the line.
  const editor = await boxOf(page, '.part.editor');
  const cursorLine = await cursorLineBox(page);
  const menuBox = await boxOf(page, '.action-widget');
  return clipAround([cornerOf({ ...editor, y: cursorLine.y }), menuBox], editor, { left: 0, top: 6 * cursorLine.height, right: 240, bottom: 2 * cursorLine.height });
}

/** One finding of each kind the sample holds: schema, the guide's known mistakes, best practice. */
const EXPECTED_PROBLEMS = ['replicass', 'kubernetes.io/ingress.class', 'belongs at the top level', ':latest', 'readiness probe'];

async function problemsShot({ page, workbench }) {
  // Only open files' problems are listed (kubeGuide.diagnosticsScope defaults to openFiles).
  for (const file of ['ingress.yaml', 'storage.yaml', 'web.yaml']) await workbench.openFile(file);
  await page.keyboard.press('Control+Shift+M');
  let previous = '';
  await waitUntil(`the Problems panel to list Kube Guide findings (${EXPECTED_PROBLEMS.join(', ')}) and settle`, async () => {
    const rows = await workbench.readVisible(MARKER_ROWS);
    const labels = rows.map(({ label }) => label);
    const missing = EXPECTED_PROBLEMS.filter((wanted) => !labels.some((label) => label.includes(wanted) && /kube-guide/.test(label)));
    // Two reads in a row with the same rows: the server has finished with every open file.
    const now = labels.join('\n');
    const settled = now === previous;
    previous = now;
    return { ok: missing.length === 0 && settled, seen: missing.length > 0 ? `missing ${missing.join(', ')} in ${oneLine(labels.join(' | '))}` : 'the rows still changing' };
  });
  // The keyboard back to the editor: the list's selected row is drawn dimmed, not in focus colours.
  await page.keyboard.press('Control+1');
  const panel = await boxOf(page, '.part.panel');
  return clipAround([panel], panel, { left: 0, top: 0, right: 0, bottom: 0 });
}

async function diagramsShot({ page, workbench }) {
  // The panel opens beside the active editor: with none open it gets the whole editor area.
  await runCommand(page, 'View: Hide Panel');
  await runCommand(page, 'View: Close All Editor Groups');
  await runCommand(page, 'Kube Guide: Show Architecture Diagrams');
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const tab = webview.locator('#tab-workspace');
  await tab.waitFor({ state: 'visible', timeout: ACTIVATION_DEADLINE_MS });
  await tab.click();
  const nodes = webview.locator('#panel-workspace svg.diagram .node');
  await waitUntil('the workspace graph drawn with the sample\'s objects', async () => {
    const labels = await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    const wanted = ['Ingress shop', 'Service web', 'Deployment web', 'PersistentVolumeClaim uploads', 'ConfigMap web-settings'];
    const missing = wanted.filter((name) => !labels.some((label) => label.startsWith(name)));
    return { ok: missing.length === 0, seen: labels.length === 0 ? 'no boxes drawn' : `missing ${missing.join(', ')}` };
  }, ACTIVATION_DEADLINE_MS);
  // The panel's tab, the webview's tabs and text, and the graph; not the empty space below it.
  const editor = await boxOf(page, '.part.editor');
  const graph = await webview.locator('#panel-workspace svg.diagram').boundingBox();
  return clipAround([cornerOf(editor), graph], editor, { left: 0, top: 0, right: editor.width, bottom: 24 });
}

const SHOTS = [
  { file: 'hover.png', shows: 'Hover on `type: LoadBalancer` in a Service: the guide\'s advice, what is specific to AKS, and the Kubernetes API description.', take: hoverShot },
  { file: 'quick-fix.png', shows: 'The unknown field `replicass` underlined, with the quick-fix menu offering to rename it to `replicas`.', take: quickFixShot },
  { file: 'problems.png', shows: 'The Problems panel listing Kube Guide findings across the sample\'s three files: a schema error, the guide\'s known mistakes and best-practice warnings.', take: problemsShot },
  { file: 'diagrams.png', shows: 'Kube Guide: Show Architecture Diagrams, "Your workspace" tab: the sample\'s objects as a graph, each box with its findings.', take: diagramsShot },
];

// ---- the run ------------------------------------------------------------------------------------

async function takeScreenshots({ page, workspaceDir, verbose }) {
  const phaseStart = Date.now();
  const trace = verbose ? (message) => log(`  +${seconds(Date.now() - phaseStart)} ${message}`) : () => {};
  const workbench = new Workbench(page, workspaceDir, trace);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: ACTIVATION_DEADLINE_MS });
  // More room for the editor, and the same layout whatever the sidebar would have shown.
  await runCommand(page, 'View: Close Primary Side Bar');
  await workbench.openFile('web.yaml');
  await waitUntil('the Kube Guide status item (the extension activated and its server answered)', async () => {
    const text = await workbench.visibleText(STATUS_ITEM);
    return { ok: /Kubernetes \d+\.\d+ target/.test(text ?? ''), seen: `status item ${oneLine(text)}` };
  }, ACTIVATION_DEADLINE_MS);
  workbench.deadlineMs = CHECK_DEADLINE_MS;

  const taken = [];
  for (const shot of SHOTS) {
    const started = Date.now();
    const clip = await shot.take({ page, workbench }).catch(async (error) => {
      const file = path.join(FAILURE_DIR, `failed-${shot.file}`);
      fs.mkdirSync(FAILURE_DIR, { recursive: true });
      await page.screenshot({ path: file }).catch(() => {});
      throw new HarnessError(`${shot.file}: ${error?.message ?? error}\n      the window at that moment: ${path.relative(REPO_ROOT, file)}`);
    });
    const png = await page.screenshot({ clip, type: 'png', animations: 'disabled', caret: 'initial' });
    taken.push({ ...shot, png });
    log(`${shot.file}: ${clip.width}x${clip.height}, ${(png.length / 1024).toFixed(0)} KB (${seconds(Date.now() - started)})`);
  }
  return taken;
}

/** Replaces the pictures and the manifest together, so they always describe each other. */
function writeImages(outDir, taken) {
  fs.mkdirSync(outDir, { recursive: true });
  const manifestPath = path.join(outDir, MANIFEST_NAME);
  const previous = fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, 'utf8')) : undefined;
  for (const old of previous?.images ?? []) {
    if (!taken.some(({ file }) => file === old.file)) fs.rmSync(path.join(outDir, old.file), { force: true });
  }
  const images = taken.map(({ file, shows, png }) => {
    fs.writeFileSync(path.join(outDir, file), png);
    return { file, sha256: sha256(png), ...pngSize(png), bytes: png.length, shows };
  });
  const manifest = {
    generatedBy: 'npm run screenshots (scripts/take-screenshots.mjs); do not edit these images by hand',
    vscode: readBundledVsCodeVersion(),
    codeServer: readCodeServerVersion(),
    theme: THEME,
    window: WINDOW,
    workspace: path.relative(REPO_ROOT, WORKSPACE_DIR).split(path.sep).join('/'),
    images,
  };
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifestPath;
}

async function main() {
  const options = parseCommandLine();
  checkCodeServerInstalled();
  checkBuilt();

  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-guide-screenshots-'));
  const profile = prepareCodeServerProfile(tempRoot, SCREENSHOT_SETTINGS);
  const serverLog = new LogTail(LOG_TAIL_LINES);
  const browserLog = new LogTail(LOG_TAIL_LINES);
  let codeServer;
  let browser;
  let cleanupDone;
  const cleanup = () => {
    cleanupDone ??= (async () => {
      if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (codeServer) await stopCodeServer(codeServer);
      fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
    })();
    return cleanupDone;
  };
  const abort = (message, exitCode) => {
    log(message);
    serverLog.print('code-server output');
    browserLog.print('browser console');
    cleanup().finally(() => process.exit(exitCode));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => abort(`${signal}: stopping code-server and Chromium`, 130));
  setTimeout(() => abort(`TIMEOUT: the screenshots were not all taken within ${seconds(options.timeoutMs)}; nothing was written`, 124), options.timeoutMs).unref();

  try {
    const port = await findFreePort();
    codeServer = spawn(NODE_24, codeServerArguments({ ...profile, port }), {
      env: codeServerEnvironment(),
      cwd: WORKSPACE_DIR,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [codeServer.stdout, codeServer.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => serverLog.push(chunk));
    }
    await waitForServer(port, codeServer);
    log(`code-server ${readCodeServerVersion()} (VS Code ${readBundledVsCodeVersion()}) on 127.0.0.1:${port}, workspace ${path.relative(REPO_ROOT, WORKSPACE_DIR)}`);

    browser = await chromium.launchPersistentContext(profile.browserProfileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: WINDOW,
      deviceScaleFactor: 1,
      colorScheme: 'dark',
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') browserLog.push(`[browser ${message.type()}] ${message.text()}`);
    });
    // The extension is loaded as under development, as in the UI checks; the smoke-test driver's
    // log hook must exist or the workbench waits for it.
    await browser.exposeBinding('codeAutomationLog', () => {});
    await page.goto(workbenchUrl(port, WORKSPACE_DIR, [['extensionDevelopmentPath', remoteUri(port, REPO_ROOT)]]), { waitUntil: 'domcontentloaded' });

    const taken = await takeScreenshots({ page, workspaceDir: WORKSPACE_DIR, verbose: options.verbose });
    const tooLarge = taken.filter(({ png }) => png.length > MAX_IMAGE_BYTES);
    if (tooLarge.length > 0) {
      throw new HarnessError(`${tooLarge.map(({ file, png }) => `${file} (${(png.length / 1024).toFixed(0)} KB)`).join(', ')} over ${MAX_IMAGE_BYTES / 1024} KB: crop closer`);
    }
    const manifestPath = writeImages(options.outDir, taken);
    log(`wrote ${taken.length} images and ${path.relative(REPO_ROOT, manifestPath)} in ${seconds(Date.now() - wallStart)}`);
    return 0;
  } catch (error) {
    log(`ERROR: ${error instanceof HarnessError ? error.message : (error?.stack ?? error)}`);
    serverLog.print('code-server output');
    browserLog.print('browser console');
    log('nothing was written');
    return error instanceof HarnessError ? error.exitCode : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`ERROR: ${error instanceof HarnessError ? error.message : (error?.stack ?? error)}`);
    process.exit(error instanceof HarnessError ? error.exitCode : 1);
  },
);
