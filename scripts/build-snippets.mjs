// Writes the contributed snippet files from their sources in scripts/snippets/:
//   kubernetes.snippets.yaml -> snippets/kubernetes.json
//   aks-cli.snippets.yaml    -> snippets/aks-cli.shell.json and snippets/aks-cli.powershell.json
// The two shell files come from one source so they can never drift apart. `--check` writes
// nothing and fails when a generated file is out of date (the unit tests check the same).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = path.join(REPO_ROOT, 'scripts', 'snippets');

/** How a command continues on the next line, per shell. */
const SHELLS = {
  'snippets/aks-cli.shell.json': { continuation: ' \\' },
  'snippets/aks-cli.powershell.json': { continuation: ' `' },
};

/** The description form the gallery and the tests parse: "Guide § <section> — <summary>". */
export function guideDescription(section, summary) {
  return `Guide § ${section} — ${summary}`;
}

function readSource(name) {
  const entries = parse(readFileSync(path.join(SOURCES, name), 'utf8'));
  const seen = new Set();
  for (const entry of entries) {
    for (const key of ['name', 'prefix', 'section', 'summary']) {
      if (typeof entry[key] !== 'string' || !entry[key]) throw new Error(`${name}: an entry has no ${key}`);
    }
    if (seen.has(entry.name)) throw new Error(`${name}: two snippets are named "${entry.name}"`);
    seen.add(entry.name);
  }
  return entries;
}

function manifestSnippets() {
  const snippets = {};
  for (const entry of readSource('kubernetes.snippets.yaml')) {
    snippets[entry.name] = {
      prefix: entry.prefix,
      description: guideDescription(entry.section, entry.summary),
      body: entry.body.replace(/\n$/, '').split('\n'),
    };
  }
  return snippets;
}

function shellSnippets(continuation) {
  const snippets = {};
  for (const entry of readSource('aks-cli.snippets.yaml')) {
    const body = entry.lines.flatMap((line) =>
      Array.isArray(line) ? line.map((part, index) => (index === 0 ? '' : '  ') + part + (index < line.length - 1 ? continuation : '')) : [line],
    );
    snippets[entry.name] = {
      prefix: entry.prefix,
      description: guideDescription(entry.section, entry.summary),
      body: [...body, '$0'],
    };
  }
  return snippets;
}

/** Every generated file (path relative to the repository root) with its full text. */
export function renderSnippetFiles() {
  const files = { 'snippets/kubernetes.json': manifestSnippets() };
  for (const [file, { continuation }] of Object.entries(SHELLS)) files[file] = shellSnippets(continuation);
  return Object.fromEntries(Object.entries(files).map(([file, snippets]) => [file, `${JSON.stringify(snippets, null, 2)}\n`]));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of Object.entries(renderSnippetFiles())) {
    const target = path.join(REPO_ROOT, file);
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // not generated yet
    }
    if (current === text) continue;
    if (check) {
      console.error(`${file} is out of date: run npm run build:snippets`);
      stale++;
    } else {
      writeFileSync(target, text);
      console.log(`wrote ${file}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
