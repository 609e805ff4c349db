#!/usr/bin/env node
// Runs the compiled end-to-end mocha suite inside a real VS Code extension host, offline.
//
// The desktop VS Code cannot be downloaded on our machines, so this uses code-server (VS Code's
// server + web workbench, installed by scripts/install-code-server.sh) and drives its workbench
// with headless Chromium through playwright-core. VS Code's smoke-test driver option makes the
// workbench honour `extensionDevelopmentPath` / `extensionTestsPath` from the URL payload, forward
// the extension host's output to `window.codeAutomationLog` and report the tests' exit code to
// `window.codeAutomationExit`; this script provides both functions and exits with that code.
// Beside it, in a second page of the same code-server, UI checks (test/e2e/ui/workbench-checks.mjs)
// open the workbench with the extension but without tests, and check with the keyboard what a
// person sees: hover, Problems panel, status bar.
//
// Usage: node test/e2e/run-code-server.mjs [--extension <dir>] [--tests <compiled index.js>]
//          [--workspace <dir>] [--timeout <seconds>] [--grep <pattern>] [--skip-ui | --ui-only] [--verbose]
// --grep filters the mocha tests and, by function name, the UI checks.
// Exit code: the suite's (0 = all passed), or 1 when only UI checks failed or the harness itself
// fails; 124 on timeout.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { runUiChecks } from './ui/workbench-checks.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Same default as scripts/install-code-server.sh: outside the clone, shared by every checkout.
const CACHE_DIR = process.env.KUBE_GUIDE_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'kube-guide');
export const NODE_24 = path.join(CACHE_DIR, 'node24', 'bin', 'node');
const CODE_SERVER_ENTRY = path.join(CACHE_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.KUBE_GUIDE_CHROMIUM ?? '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 60_000;
const LOG_TAIL_LINES = 60;
/** Screenshots of the UI checks: under test-results/, which git ignores. */
const UI_RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'ui');

/** Settings for a quiet, deterministic workbench: nothing that phones home or opens on its own. */
export const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'chat.agent.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'git.autorefresh': false,
  'github.gitAuthentication': false,
  // The tests edit fixture files in memory and revert them: never let an edit reach the disk.
  'files.autoSave': 'off',
  'files.hotExit': 'off',
};

export const CHROMIUM_ARGS = [
  // playwright adds --headless itself (headless: true) and --user-data-dir (a fresh one, below).
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Workbench chatter that the smoke-test log channel carries next to the tests' own output, hidden
 * unless --verbose. Each is expected in an offline code-server and says nothing about the tests.
 */
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^\[Service Worker\]/,
  /^Ignoring fetching additional builtin extensions from gallery/, // gallery is off (EXTENSIONS_GALLERY)
  /^Updating additional builtin extensions cache/,
  /^\[AccountPolicyGate\]/,
  /^\[AgentHost:remote\]/,
  /^Creation of workbench contribution '[^']*' took \d+ms/,
  // The default-account service waits for a GitHub sign-in that never comes offline.
  /Timed out waiting for authentication provider 'github' to register/,
];

/** The suite's closing line, printed by suite/index.ts: "e2e: N passed, N failed, N skipped". */
const SUMMARY_LINE = /^\s*e2e: \d+ passed, \d+ failed/;

const wallStart = Date.now();
const log = (message) => process.stdout.write(`[e2e] ${message}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export class HarnessError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

function parseCommandLine() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        extension: { type: 'string', default: REPO_ROOT },
        tests: { type: 'string', default: path.join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js') },
        workspace: { type: 'string', default: path.join(REPO_ROOT, 'test', 'e2e', 'workspace') },
        timeout: { type: 'string', default: '180' },
        grep: { type: 'string' },
        'skip-ui': { type: 'boolean', default: false },
        'ui-only': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new HarnessError(`${error.message} (see --help)`);
  }
  if (values.help) {
    process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 18).map((line) => line.replace(/^\/\/ ?/, '')).join('\n') + '\n');
    process.exit(0);
  }
  if (values['skip-ui'] && values['ui-only']) {
    throw new HarnessError('--skip-ui and --ui-only exclude each other');
  }
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new HarnessError(`--timeout must be a positive number of seconds, got ${values.timeout}`);
  }
  return {
    extensionDir: path.resolve(values.extension),
    testsIndex: path.resolve(values.tests),
    workspaceDir: path.resolve(values.workspace),
    timeoutMs: timeoutSeconds * 1000,
    grep: values.grep,
    runSuite: !values['ui-only'],
    runUi: !values['skip-ui'],
    verbose: values.verbose,
  };
}

/** Throws a HarnessError saying what to run when code-server, its Node or Chromium is missing. */
export function checkCodeServerInstalled() {
  if (!fs.existsSync(NODE_24) || !fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new HarnessError(
      `code-server is not installed (looked for ${CODE_SERVER_ENTRY} and ${NODE_24}).\n` +
        '      Run scripts/install-code-server.sh first (about 3 minutes the first time, instant afterwards).',
    );
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new HarnessError(`no Chromium at ${CHROMIUM}. Run scripts/install-code-server.sh (it installs the Debian package) or set KUBE_GUIDE_CHROMIUM.`);
  }
}

function checkPrerequisites({ extensionDir, testsIndex, workspaceDir, runSuite }) {
  checkCodeServerInstalled();
  const manifestPath = path.join(extensionDir, 'package.json');
  if (!fs.existsSync(manifestPath)) {
    throw new HarnessError(`--extension ${extensionDir} has no package.json`);
  }
  const main = JSON.parse(fs.readFileSync(manifestPath, 'utf8')).main;
  if (main && !fs.existsSync(path.resolve(extensionDir, main)) && !fs.existsSync(path.resolve(extensionDir, `${main}.js`))) {
    throw new HarnessError(`the extension's main ${main} does not exist in ${extensionDir}: build it first (npm run build).`);
  }
  if (runSuite && !fs.existsSync(testsIndex)) {
    throw new HarnessError(`no compiled test index at ${testsIndex}: compile the tests first (npx tsc -b).`);
  }
  if (!fs.statSync(workspaceDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new HarnessError(`--workspace ${workspaceDir} is not a folder`);
  }
}

export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Keeps the last lines of a stream of text, to show when something goes wrong. */
export class LogTail {
  constructor(limit) {
    this.limit = limit;
    this.lines = [];
  }
  push(text) {
    for (const line of String(text).split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }
  print(title) {
    if (this.lines.length === 0) return;
    log(`${title} (last ${this.lines.length} lines):`);
    for (const line of this.lines) process.stdout.write(`    ${line}\n`);
  }
}

/** A clean environment for code-server: nothing from a VS Code that might have started us. */
export function codeServerEnvironment() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE' || name === 'PASSWORD' || name === 'HASHED_PASSWORD') {
      delete env[name];
    }
  }
  // No extension gallery: without a service URL VS Code disables it, instead of querying
  // open-vsx.org for updates and recommendations (which fails offline and fills the log).
  env.EXTENSIONS_GALLERY = '{}';
  env.PATH = `${path.dirname(NODE_24)}${path.delimiter}${env.PATH ?? ''}`;
  return env;
}

export async function waitForServer(port, codeServer) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (codeServer.exitCode !== null || codeServer.signalCode !== null) {
      throw new HarnessError(`code-server exited during start-up (code ${codeServer.exitCode}, signal ${codeServer.signalCode})`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new HarnessError(`code-server did not answer on 127.0.0.1:${port} within ${seconds(SERVER_START_TIMEOUT_MS)}`);
}

function formatAutomationLog(args) {
  if (Array.isArray(args)) return args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
  return typeof args === 'string' ? args : JSON.stringify(args);
}

async function main() {
  const options = parseCommandLine();
  checkPrerequisites(options);

  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-guide-e2e-'));
  const profile = prepareCodeServerProfile(tempRoot, USER_SETTINGS);

  const serverLog = new LogTail(LOG_TAIL_LINES);
  const browserLog = new LogTail(LOG_TAIL_LINES);
  let codeServer;
  let browserContext;
  let cleanupDone;
  let summaryLine;
  let uiSummaryLine;
  /** Set when a signal or the overall timeout ends the run early: { exitCode }. */
  let aborted;

  /** Idempotent: every caller (normal end, error, signal) awaits the same single clean-up. */
  const cleanup = () => {
    cleanupDone ??= (async () => {
      if (browserContext) {
        await Promise.race([browserContext.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      }
      if (codeServer) await stopCodeServer(codeServer);
      fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
    })();
    return cleanupDone;
  };

  // Last resort if we die without finishing clean-up (a crash, or stdout closed under us): no
  // orphaned servers, no temp folders left behind.
  process.on('exit', () => {
    if (codeServer) killProcessGroup(codeServer.pid, 'SIGKILL');
    fs.rmSync(tempRoot, { recursive: true, force: true });
  });
  /** Ends the run early from outside main's flow; main itself then returns without reporting. */
  const abort = (message, exitCode, { showLogs = false } = {}) => {
    if (aborted) return;
    aborted = { exitCode };
    log(message);
    if (showLogs) {
      serverLog.print('code-server output');
      browserLog.print('browser console');
    }
    cleanup().finally(() => {
      log(`wall time ${seconds(Date.now() - wallStart)}, exit code ${exitCode}`);
      process.exit(exitCode);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => abort(`${signal}: stopping code-server and Chromium`, 130));
  }
  // The hard limit covers everything: server start, browser start, workbench load and the tests.
  setTimeout(
    () =>
      abort(
        `TIMEOUT: no result within ${seconds(options.timeoutMs)} (the workbench or the tests hang; raise --timeout, or run with --verbose to watch)`,
        124,
        { showLogs: true },
      ),
    options.timeoutMs,
  ).unref();

  let exitCode = 1;
  try {
    const port = await findFreePort();
    const codeServerArgs = codeServerArguments({ ...profile, port });
    const env = codeServerEnvironment();
    if (options.grep) env.KUBE_GUIDE_E2E_GREP = options.grep;

    const serverStart = Date.now();
    codeServer = spawn(NODE_24, codeServerArgs, { env, cwd: options.workspaceDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [codeServer.stdout, codeServer.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        serverLog.push(chunk);
        if (options.verbose) process.stdout.write(chunk.replace(/^(?=.)/gm, '[code-server] '));
      });
    }
    const serverExited = new Promise((resolve) => codeServer.once('exit', (code, signal) => resolve({ code, signal })));
    await waitForServer(port, codeServer);
    log(`code-server ${readCodeServerVersion()} ready on 127.0.0.1:${port} in ${seconds(Date.now() - serverStart)}`);

    const remote = (absolutePath) => remoteUri(port, absolutePath);
    const url = workbenchUrl(port, options.workspaceDir, [
      ['extensionDevelopmentPath', remote(options.extensionDir)],
      ['extensionTestsPath', remote(options.testsIndex)],
    ]);
    // The UI checks: the same extension, no tests in the extension host; Playwright drives the page.
    const uiUrl = workbenchUrl(port, options.workspaceDir, [['extensionDevelopmentPath', remote(options.extensionDir)]]);

    browserContext = await chromium.launchPersistentContext(profile.browserProfileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });

    let reportExit;
    const reportedExit = new Promise((resolve) => (reportExit = resolve));
    /** The page that runs the mocha suite; the UI checks' page only logs with --verbose. */
    let suitePage;
    await browserContext.exposeBinding('codeAutomationLog', ({ page: source }, level, args) => {
      const text = formatAutomationLog(args);
      if (source !== suitePage) {
        if (options.verbose) process.stdout.write(`[ui:${level}] ${text}\n`);
        return;
      }
      // Printed last, after the wall time, as the run's closing line.
      if (SUMMARY_LINE.test(text)) {
        summaryLine = text.trim();
        return;
      }
      if (!options.verbose && WORKBENCH_NOISE.some((pattern) => pattern.test(text))) return;
      process.stdout.write(level === 'error' || level === 'warn' ? `[${level}] ${text}\n` : `${text}\n`);
    });
    await browserContext.exposeBinding('codeAutomationExit', ({ page: source }, code) => {
      if (source === suitePage) reportExit(Number(code));
    });

    const watchPage = (page, label) => {
      page.on('console', (message) => {
        // The workbench styles its console lines ("%c INFO color: #33f ..."): drop the styling.
        const line = `[browser${label} ${message.type()}] ${message.text().replace(/^%c\s*\w+\s+color:\s*#[0-9a-f]+\s*/i, '')}`;
        // Plain logs already arrived through codeAutomationLog; keep problems for a failure report.
        if (message.type() === 'error' || message.type() === 'warning') browserLog.push(line);
        if (options.verbose) process.stdout.write(`${line}\n`);
      });
      page.on('pageerror', (error) => browserLog.push(`[browser${label} page error] ${error.stack ?? error}`));
      page.on('crash', () => browserLog.push(`[browser${label}] the page crashed`));
      return page;
    };
    const browserClosed = new Promise((resolve) => browserContext.once('close', () => resolve({ browserClosed: true })));
    const serverGone = serverExited.then(({ code, signal }) => ({ serverExit: `code ${code}, signal ${signal}` }));

    // The suite and the UI checks run side by side, each in its own page, workbench window and
    // extension host of the same code-server: both spend most of their time waiting (workbench
    // load, extension host start, the server's schema load), so together they take little longer
    // than the suite alone. The UI checks' report is held back until the suite's is complete.
    const firstPage = browserContext.pages()[0] ?? (await browserContext.newPage());
    const runSuite = async () => {
      suitePage = watchPage(firstPage, '');
      log(`opening the workbench on ${options.workspaceDir}`);
      log(`extension ${options.extensionDir}, tests ${options.testsIndex}`);
      await suitePage.goto(url, { waitUntil: 'domcontentloaded' });

      const outcome = await Promise.race([reportedExit.then((code) => ({ code })), serverGone, browserClosed]);
      if ('code' in outcome) {
        // A failing test explains itself in mocha's report above; the workbench's own logs (shown
        // for harness failures) would only bury it. --verbose shows them live.
        log(outcome.code === 0 ? 'the extension host reported success' : `the extension host reported exit code ${outcome.code}`);
        return outcome.code;
      }
      throw new HarnessError(outcome.serverExit ? `code-server exited before the tests finished (${outcome.serverExit})` : 'Chromium closed before the tests finished');
    };

    const heldBack = [];
    let holdUiReport = options.runSuite;
    const uiLog = (message) => {
      if (holdUiReport) heldBack.push(message);
      else process.stdout.write(`${message}\n`);
    };
    const releaseUiReport = () => {
      holdUiReport = false;
      for (const message of heldBack.splice(0)) process.stdout.write(`${message}\n`);
    };
    const runUi = async () => {
      const page = watchPage(options.runSuite ? await browserContext.newPage() : firstPage, ':ui');
      uiLog(`[e2e] UI checks: a second workbench window with the extension only, driven by the keyboard`);
      const uiStart = Date.now();
      const outcome = await Promise.race([
        runUiChecks({
          page,
          url: uiUrl,
          workspaceDir: options.workspaceDir,
          extensionDir: options.extensionDir,
          resultsDir: UI_RESULTS_DIR,
          grep: options.grep,
          verbose: options.verbose,
          log: uiLog,
        }).then((ui) => ({ ui })),
        serverGone,
        browserClosed,
      ]);
      if (!outcome.ui) {
        throw new HarnessError(outcome.serverExit ? `code-server exited during the UI checks (${outcome.serverExit})` : 'Chromium closed during the UI checks');
      }
      uiLog(`[e2e] UI checks done in ${seconds(Date.now() - uiStart)}`);
      return outcome.ui;
    };

    const [suiteResult, uiResult] = await Promise.allSettled([
      options.runSuite ? runSuite().finally(releaseUiReport) : Promise.resolve(0),
      options.runUi ? runUi() : Promise.resolve(undefined),
    ]);
    releaseUiReport();
    for (const result of [suiteResult, uiResult]) {
      if (result.status === 'rejected') throw result.reason;
    }
    exitCode = suiteResult.value;
    const ui = uiResult.value;
    if (ui) {
      uiSummaryLine = `ui: ${ui.passed} passed, ${ui.failed} failed, ${ui.skipped} skipped`;
      if (ui.failed > 0 && exitCode === 0) exitCode = 1;
    }
  } catch (error) {
    exitCode = error instanceof HarnessError ? error.exitCode : 1;
    if (aborted) return new Promise(() => {}); // abort() reports and exits once clean-up is done
    log(`ERROR: ${error instanceof HarnessError ? error.message : (error?.stack ?? error)}`);
    serverLog.print('code-server output');
    browserLog.print('browser console');
  } finally {
    await cleanup();
  }
  if (aborted) return new Promise(() => {});
  log(`wall time ${seconds(Date.now() - wallStart)}, exit code ${exitCode}`);
  if (summaryLine) process.stdout.write(`${summaryLine}\n`);
  if (uiSummaryLine) process.stdout.write(`${uiSummaryLine}\n`);
  return exitCode;
}

/**
 * A fresh profile under `tempRoot` for one run: code-server's user data with `settings`, an empty
 * extensions folder, its config file, and a Chromium profile folder.
 */
export function prepareCodeServerProfile(tempRoot, settings) {
  const userDataDir = path.join(tempRoot, 'user-data');
  const extensionsDir = path.join(tempRoot, 'extensions');
  const browserProfileDir = path.join(tempRoot, 'chromium-profile');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  fs.mkdirSync(browserProfileDir);
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // code-server writes a config with a generated password to ~/.config unless told where.
  const configFile = path.join(tempRoot, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  return { userDataDir, extensionsDir, browserProfileDir, configFile };
}

/** code-server's command line, to run with NODE_24: offline, no password, on 127.0.0.1:`port`. */
export function codeServerArguments({ configFile, port, userDataDir, extensionsDir }) {
  return [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
    '--ignore-last-opened',
    // Essential: lets the web workbench run extension tests and report through codeAutomation*.
    '--vscode-option', 'enable-smoke-test-driver',
    '--vscode-option', 'disable-experiments',
  ];
}

/** A path on the machine as the web workbench addresses it through the code-server on `port`. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
}

/** The workbench page on `workspaceDir`, with the smoke-test driver's `payload` ([name, value] pairs). */
export function workbenchUrl(port, workspaceDir, payload) {
  return `http://127.0.0.1:${port}/?${new URLSearchParams({ folder: workspaceDir, payload: JSON.stringify(payload) })}`;
}

/** SIGTERM, then SIGKILL after 5 s; resolves once code-server and its process group are gone. */
export async function stopCodeServer(codeServer) {
  if (codeServer.exitCode === null && codeServer.signalCode === null) {
    const exited = new Promise((resolve) => codeServer.once('exit', resolve));
    killProcessGroup(codeServer.pid, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5_000))]);
    if (!stopped) killProcessGroup(codeServer.pid, 'SIGKILL');
  }
  // Extension host, pty host and file watcher live in code-server's process group: make sure
  // none outlives the run even when code-server itself has already gone.
  killProcessGroup(codeServer.pid, 'SIGKILL');
}

export function killProcessGroup(pid, signal) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function readCodeServerVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(path.dirname(CODE_SERVER_ENTRY), '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return '(unknown version)';
  }
}

/** The VS Code version code-server bundles (its lib/vscode). */
export function readBundledVsCodeVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(path.dirname(CODE_SERVER_ENTRY), '..', '..', 'lib', 'vscode', 'package.json'), 'utf8')).version;
  } catch {
    return '(unknown version)';
  }
}

// Run only as a script: run-electron.mjs and scripts/take-screenshots.mjs import from here.
if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      log(`ERROR: ${error instanceof HarnessError ? error.message : (error?.stack ?? error)}`);
      log(`wall time ${seconds(Date.now() - wallStart)}`);
      process.exit(error instanceof HarnessError ? error.exitCode : 1);
    },
  );
}
