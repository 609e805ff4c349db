// `kube-guide`, the command-line front end: bundled to dist/cli.js (see scripts/bundle.mjs).
import { runCli, EXIT_TROUBLE } from './run';

function readStandardInput(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: readStandardInput,
}).then(
  // exitCode, not exit(): a large report piped to another program must be written out in full first.
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`kube-guide: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = EXIT_TROUBLE;
  },
);
