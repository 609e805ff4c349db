// Entry point that VS Code's extension host loads as `extensionTestsPath`, both under code-server
// (test/e2e/run-code-server.mjs) and under a desktop VS Code (test/e2e/run-electron.mjs). VS Code
// calls `run()` once the extension under development is installed and waits for its promise: a
// rejection makes the host report a failing exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Generous: the first test also pays for the language server's start and its schema load. */
const TEST_TIMEOUT_MS = 60_000;

export function run(): Promise<void> {
  // Mocha's reporters print through console.log with printf-style placeholders ('%s%s'). VS Code
  // forwards the extension host's console to the test runner as already-joined text, where the
  // placeholders would stay unfilled: format here, where the arguments are still separate.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));

  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: TEST_TIMEOUT_MS,
    // The output reaches a terminal or a CI log only through VS Code's console forwarding, which
    // is plain text.
    color: false,
    // A filter for one test from the command line: KUBE_GUIDE_E2E_GREP="hover".
    grep: process.env.KUBE_GUIDE_E2E_GREP || undefined,
  });

  const testFiles = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of testFiles) {
    mocha.addFile(path.join(__dirname, name));
  }

  return new Promise<void>((resolve, reject) => {
    if (testFiles.length === 0) {
      reject(new Error(`no *.test.js files next to ${__filename}: was the suite compiled (npx tsc -b)?`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        // The closing line CI reads (same shape as test/support/summary-reporter.cjs); written with
        // console.log because only the console reaches the test runner from the extension host.
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        console.log(`e2e: ${passes} passed, ${failures} failed, ${pending} skipped`);
        if (failures > 0) {
          reject(new Error(`${failures} end-to-end test(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
