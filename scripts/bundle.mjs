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

// The server and the CLI run from an installed .vsix or npm package with no node_modules beside them, so
// prettier cannot stay an external require (yaml-language-server's formatter loads it at module level,
// and we never format): it becomes an empty module in every bundle that embeds yaml-language-server.
const prettierLeftOut = {
  name: 'prettier-left-out',
  setup(build) {
    build.onResolve({ filter: /^prettier(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'prettier-left-out' }));
    build.onLoad({ filter: /.*/, namespace: 'prettier-left-out' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

const targets = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  {
    entryPoints: { server: 'server/src/server.ts' },
    plugins: [prettierLeftOut],
  },
  {
    // `kube-guide lint`: the same services as the server, run from a shell or CI (package.json "bin").
    entryPoints: { cli: 'server/src/cli/main.ts' },
    plugins: [prettierLeftOut],
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The worker threads of `kube-guide lint --jobs N`: the checks without the command line around them.
    entryPoints: { 'cli-worker': 'server/src/cli/lintWorker.ts' },
    plugins: [prettierLeftOut],
  },
  {
    // The diagrams webview's script: runs in the webview's browser page, not in Node.
    entryPoints: { webview: 'client/src/diagrams/webview/main.ts' },
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
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
