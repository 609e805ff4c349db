// Bundles the extension client and the language server with esbuild.
// `--watch` rebuilds on change; `--production` minifies (used by `npm run package`).
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // yaml-language-server and its dependencies resolve to broken paths through `main` alone
  // ("Cannot find module './impl/format'"): prefer their ESM entry points.
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
};

const targets = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  {
    entryPoints: { server: 'server/src/server.ts' },
    // prettier is only used by yaml-language-server's formatter, which we do not enable.
    external: ['prettier', 'prettier/*'],
  },
  {
    // `kube-guide lint`: the same services as the server, run from a shell or CI (package.json "bin").
    entryPoints: { cli: 'server/src/cli/main.ts' },
    external: ['prettier', 'prettier/*'],
    banner: { js: '#!/usr/bin/env node' },
  },
];

const contexts = await Promise.all(
  targets.map((target) => esbuild.context({ ...common, ...target, outdir: 'dist' })),
);
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  for (const context of contexts) {
    const result = await context.rebuild();
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`${file}  ${(output.bytes / 1024).toFixed(0)} KB`);
    }
    await context.dispose();
  }
  // Runnable as `./dist/cli.js` from a checkout too (npm sets the bit itself for installed "bin" files).
  chmodSync('dist/cli.js', 0o755);
}
