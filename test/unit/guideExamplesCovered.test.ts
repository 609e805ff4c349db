import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseGuideDescription, readSnippetFile, resolveSnippetDefaults } from '../../client/src/snippetCatalog';
import { REPO_ROOT, SHARED_DIR } from '../support/fixtures';

// Every example manifest of the guide must be insertable as a snippet: each object of each YAML code
// block (by kind and metadata.name) appears in some manifest snippet once its tab stops keep their
// defaults. The guide lives beside the checkout (../shared/guide); without it this test skips itself.
const GUIDE_FILE = path.join(SHARED_DIR, 'guide', 'kubernetes-aks-guide.md');

/**
 * Guide objects whose snippet deliberately carries another kind or name, and why. Keys and values
 * are "<kind>/<metadata.name>".
 */
const RENAMED_IN_SNIPPETS: Record<string, { snippet: string; reason: string }> = {
  'Pod/kubelet': {
    snippet: 'KubeletConfiguration/',
    reason: 'the kubelet is a host service (systemd), not a Pod, and has no image; it is configured by a KubeletConfiguration file',
  },
  'StorageClass/azurefile': {
    snippet: 'StorageClass/azure-file-sc',
    reason: 'AKS already ships a built-in StorageClass named "azurefile"; a custom class must not take its name',
  },
  'Pod/file-app': {
    snippet: 'Deployment/file-app',
    reason: 'a bare Pod is not replaced when its node is drained or fails; the snippet runs it from a Deployment',
  },
  'NetworkPolicy/deny-egress': {
    snippet: 'NetworkPolicy/deny-all-egress',
    reason: 'the same policy appears twice in the guide under two names; one snippet serves both',
  },
};

type Json = Record<string, unknown>;

/** "<kind>/<metadata.name>" of every object in a YAML text. */
function objectKeys(yamlText: string): string[] {
  return parseAllDocuments(yamlText).flatMap((document) => {
    const object = document.toJS() as Json | null;
    if (!object || typeof object !== 'object' || typeof object.kind !== 'string') return [];
    const name = (object.metadata as Json | undefined)?.name;
    return [`${object.kind}/${typeof name === 'string' ? name : ''}`];
  });
}

/** The ```yaml code blocks of a Markdown text (also indented ones inside lists), dedented. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```ya?ml\s*$/.exec(lines[i]);
    if (!fence) continue;
    const indent = fence[1].length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]); j++) body.push(lines[j].slice(Math.min(indent, lines[j].search(/\S|$/))));
    blocks.push({ line: i + 1, text: body.join('\n') });
    i = j;
  }
  return blocks;
}

describe('guide examples covered by snippets', () => {
  if (!existsSync(GUIDE_FILE)) {
    it(`is skipped: ${path.relative(REPO_ROOT, GUIDE_FILE)} is not beside this checkout`, function () {
      this.skip();
    });
    return;
  }

  const guide = readFileSync(GUIDE_FILE, 'utf8');
  const snippets = readSnippetFile(readFileSync(path.join(REPO_ROOT, 'snippets', 'kubernetes.json'), 'utf8'));
  const snippetObjects = new Set(snippets.flatMap((snippet) => objectKeys(resolveSnippetDefaults(snippet.body))));
  const guideObjects = yamlBlocks(guide).flatMap((block) => objectKeys(block.text).map((key) => ({ key, line: block.line })));

  it('finds the guide example manifests', () => {
    assert.ok(guideObjects.length >= 35, `only ${guideObjects.length} objects found in the guide's YAML blocks`);
  });

  it('has a snippet for every object of every YAML example in the guide', () => {
    const missing = guideObjects
      .filter(({ key }) => !snippetObjects.has(RENAMED_IN_SNIPPETS[key]?.snippet ?? key))
      .map(({ key, line }) => `${key} (guide line ${line})`);
    assert.deepEqual(missing, []);
  });

  it('lists only renames that the guide and the snippets still need', () => {
    const inGuide = new Set(guideObjects.map(({ key }) => key));
    for (const [guideKey, { snippet }] of Object.entries(RENAMED_IN_SNIPPETS)) {
      assert.ok(inGuide.has(guideKey), `${guideKey} is no longer in the guide`);
      assert.ok(snippetObjects.has(snippet), `no snippet holds ${snippet}`);
      assert.ok(!snippetObjects.has(guideKey), `${guideKey} now has a snippet of its own: drop the rename`);
    }
  });

  it('names, in every snippet description, a section that exists in the guide', () => {
    const headings = guide
      .split(/\r?\n/)
      .filter((line) => /^#{2,4}\s/.test(line))
      .map((line) => line.replace(/^#+\s*/, '').toLowerCase());
    const shellFiles = ['aks-cli.shell.json', 'aks-cli.powershell.json'];
    const all = [...snippets, ...shellFiles.flatMap((file) => readSnippetFile(readFileSync(path.join(REPO_ROOT, 'snippets', file), 'utf8')))];
    for (const snippet of all) {
      const section = parseGuideDescription(snippet.description)?.section.toLowerCase();
      assert.ok(section && headings.some((heading) => heading.includes(section)), `${snippet.name}: no guide heading contains "${section}"`);
    }
  });
});
