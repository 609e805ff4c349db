// Writes everything that describes the rules from the rules' own `meta`, so nothing is written twice:
//   docs/rules/<id>.md          one page per rule (linked from each diagnostic)
//   README.md                   the rule table between <!-- rules:start --> and <!-- rules:end -->
//   package.json                the `kubeGuide.rules` setting, one severity per rule
//   schemas/kube-guide-config.schema.json   the JSON schema of `.kube-guide.yaml` (rule ids as keys)
// Reads the compiled registry (run `tsc -b` first). `--check` changes nothing and fails when a file
// is out of date, which the unit tests use.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const registryPath = path.join(root, 'out', 'server', 'src', 'rules', 'registry.js');
if (!existsSync(registryPath)) {
  console.error(`No compiled rules at ${registryPath}: run "npx tsc -b" first.`);
  process.exit(2);
}
const { ALL_RULES } = createRequire(import.meta.url)(registryPath);
const rules = [...ALL_RULES].map((rule) => rule.meta).sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));

const outputs = new Map();
const stale = [];

function rulePage(meta) {
  return [
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    '| | |',
    '| --- | --- |',
    `| Default severity | ${meta.severity} |`,
    `| Category | ${meta.category} |`,
    `| Profiles | ${meta.baseline ? '`aks-production`, `baseline`' : '`aks-production`'} |`,
    `| Quick-fix | ${meta.fixable ? 'yes' : 'no'} |`,
    `| Guide section | ${meta.guideSection} |`,
    '',
    meta.docs.trim(),
    '',
    '## Turning it off',
    '',
    `- For one line: put \`# kube-guide-disable-next-line ${meta.id}\` on the line above.`,
    `- For a file: \`# kube-guide-disable ${meta.id}\` anywhere in it.`,
    `- For one object: the annotation \`kube-guide.io/ignore: ${meta.id}\`.`,
    `- Everywhere: the setting \`"kubeGuide.rules": { "${meta.id}": "off" }\`.`,
    '',
  ].join('\n');
}

const docsDir = path.join(root, 'docs', 'rules');
for (const meta of rules) outputs.set(path.join(docsDir, `${meta.id}.md`), rulePage(meta));

const table = [
  '| Rule | What it finds | Severity | Fix | Baseline |',
  '| --- | --- | --- | --- | --- |',
  ...rules.map((meta) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.title} | ${meta.severity} | ${meta.fixable ? 'yes' : ''} | ${meta.baseline ? 'yes' : ''} |`),
].join('\n');
const readmePath = path.join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const markers = /<!-- rules:start -->[\s\S]*?<!-- rules:end -->/;
if (!markers.test(readme)) throw new Error('README.md lacks the <!-- rules:start --> and <!-- rules:end --> markers');
outputs.set(readmePath, readme.replace(markers, `<!-- rules:start -->\n${table}\n<!-- rules:end -->`));

const packagePath = path.join(root, 'package.json');
const manifest = JSON.parse(readFileSync(packagePath, 'utf8'));
const properties = manifest.contributes.configuration.properties;
properties['kubeGuide.rules'] = {
  type: 'object',
  scope: 'resource',
  default: {},
  markdownDescription:
    'Severity of each best-practice rule: `off`, `hint`, `info`, `warning` or `error`. A rule not listed here runs at its default severity, if the chosen `#kubeGuide.profile#` includes it. A `.kube-guide.yaml` file (the team\'s policy) wins over this setting.',
  additionalProperties: false,
  properties: Object.fromEntries(
    rules.map((meta) => [meta.id, { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'], markdownDescription: `${meta.title} (default: ${meta.severity}).` }]),
  ),
};
outputs.set(packagePath, JSON.stringify(manifest, null, 2) + '\n');

// `.kube-guide.yaml`, read by server/src/config/kubeGuideConfig.ts: the loader there enforces the same
// shape with its own messages; this schema gives editors with a YAML schema extension completion and checks.
const severityEnum = ['off', 'hint', 'info', 'warning', 'error'];
const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'kube-guide-config.schema.json',
  title: 'Kube Guide configuration (.kube-guide.yaml)',
  description:
    'Configures Kube Guide for the files in this folder and below. Files are looked up from each checked file towards the root; the nearest one wins key by key, and `root: true` stops the search.',
  type: 'object',
  additionalProperties: false,
  properties: {
    root: { type: 'boolean', description: 'Stop looking for .kube-guide.yaml files in the folders above this one.' },
    profile: {
      type: 'string',
      enum: ['aks-production', 'baseline'],
      description: '`aks-production` runs every rule; `baseline` only the essential ones.',
    },
    rules: {
      type: 'object',
      description: 'Severity of each rule: `off`, `hint`, `info`, `warning` or `error`.',
      additionalProperties: false,
      properties: Object.fromEntries(
        rules.map((meta) => [meta.id, { type: 'string', enum: severityEnum, description: `${meta.title} (default: ${meta.severity}).` }]),
      ),
    },
    trustedRegistries: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Registries images may come from, such as `myregistry.azurecr.io`. Empty: every registry is trusted.',
    },
    exclude: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Files and folders not to check: .gitignore-style patterns, relative to the folder of this file.',
    },
    kubernetesVersion: {
      type: 'string',
      pattern: '^\\d+\\.\\d+$',
      description: 'The Kubernetes minor version the manifests target, quoted: "1.30".',
    },
    crds: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'CustomResourceDefinition files to check custom resources against, for CRDs kept outside the checked files (a vendored chart\'s crds/ folder, a platform repository): files, folders or globs, relative to the folder of this file. Other objects in those files are ignored.',
    },
  },
};
outputs.set(path.join(root, 'schemas', 'kube-guide-config.schema.json'), JSON.stringify(configSchema, null, 2) + '\n');

for (const [file, content] of outputs) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === content) continue;
  stale.push(path.relative(root, file));
  if (!check) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
// Pages of rules that no longer exist.
for (const file of existsSync(docsDir) ? readdirSync(docsDir) : []) {
  const full = path.join(docsDir, file);
  if (file.endsWith('.md') && !outputs.has(full)) {
    stale.push(path.relative(root, full));
    if (!check) rmSync(full);
  }
}

if (check && stale.length > 0) {
  console.error(`Out of date (run "npm run generate"): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(stale.length === 0 ? `Rule docs up to date (${rules.length} rules).` : `Wrote ${stale.join(', ')}`);
