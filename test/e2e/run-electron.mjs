#!/usr/bin/env node
// Runs the same compiled end-to-end suite as run-code-server.mjs, but in a desktop VS Code through
// @vscode/test-electron: for developers' machines that have (or can download) a desktop build.
//
// Offline machines cannot: @vscode/test-electron downloads VS Code from
// update.code.visualstudio.com, which fails there with `getaddrinfo ENOTFOUND
// update.code.visualstudio.com`. Use `npm run test:e2e` (code-server) on such machines, or point
// this script at a VS Code already installed with --vscode <path to the code executable> (or
// KUBE_GUIDE_VSCODE). On Linux without a display, run it under xvfb-run.
//
// Usage: node test/e2e/run-electron.mjs [--extension <dir>] [--tests <compiled index.js>]
//          [--workspace <dir>] [--vscode <executable>] [--version <stable|insiders|1.x.y>] [--grep <pattern>]
// Downloads are cached in .cache/vscode-test/ (git-ignored).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { USER_SETTINGS } from './run-code-server.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (message) => process.stdout.write(`[e2e:electron] ${message}\n`);

async function main() {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string', default: REPO_ROOT },
      tests: { type: 'string', default: path.join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js') },
      workspace: { type: 'string', default: path.join(REPO_ROOT, 'test', 'e2e', 'workspace') },
      vscode: { type: 'string', default: process.env.KUBE_GUIDE_VSCODE },
      version: { type: 'string', default: 'stable' },
      grep: { type: 'string' },
    },
    strict: true,
  });
  const extensionDevelopmentPath = path.resolve(values.extension);
  const extensionTestsPath = path.resolve(values.tests);
  const workspace = path.resolve(values.workspace);
  if (!fs.existsSync(extensionTestsPath)) {
    log(`no compiled test index at ${extensionTestsPath}: compile the tests first (npx tsc -b).`);
    return 1;
  }

  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-guide-e2e-electron-'));
  const userDataDir = path.join(tempRoot, 'user-data');
  const extensionsDir = path.join(tempRoot, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  const started = Date.now();
  try {
    const exitCode = await runTests({
      ...(values.vscode ? { vscodeExecutablePath: path.resolve(values.vscode) } : { version: values.version }),
      cachePath: path.join(REPO_ROOT, '.cache', 'vscode-test'),
      timeout: 30_000,
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv: values.grep ? { KUBE_GUIDE_E2E_GREP: values.grep } : undefined,
      // @vscode/test-electron itself adds --no-sandbox, --disable-updates, --skip-welcome,
      // --skip-release-notes and --disable-workspace-trust.
      launchArgs: [
        workspace,
        '--user-data-dir', userDataDir,
        // Empty: the extension under test is loaded from its development path only.
        '--extensions-dir', extensionsDir,
        '--disable-telemetry',
        '--disable-gpu',
      ],
    });
    log(`finished with exit code ${exitCode} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return exitCode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`ERROR: ${message}`);
    if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo/.test(message)) {
      log('could not download a desktop VS Code (this machine is offline?).');
      log('Run `npm run test:e2e` instead (code-server, see scripts/install-code-server.sh),');
      log('or pass --vscode <path to an installed VS Code executable>.');
    }
    return 1;
  } finally {
    fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`ERROR: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
