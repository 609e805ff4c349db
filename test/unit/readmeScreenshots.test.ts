// The README's screenshots are taken from a real VS Code by scripts/take-screenshots.mjs (npm run
// screenshots), never by hand. The script lists each picture in images/screenshots.json with its
// sha256: a picture the README shows must be listed there with a matching checksum (so one edited or
// swapped by hand fails), and a listed picture must be one the README shows.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';

interface ScreenshotEntry {
  file: string;
  sha256: string;
  width: number;
  height: number;
  shows: string;
}

interface ScreenshotManifest {
  vscode: string;
  images: ScreenshotEntry[];
}

interface ImageReference {
  file: string;
  alt: string;
}

const IMAGES_DIR = path.join(REPO_ROOT, 'images');
const MANIFEST_PATH = path.join(IMAGES_DIR, 'screenshots.json');
/** Every picture is shipped in the .vsix with the README: keep each one small. */
const MAX_IMAGE_BYTES = 200 * 1024;

/** The images a Markdown text shows from images/, as `![alt](images/x.png)` or `<img src="images/x.png" alt="...">`. */
function imagesReferenced(markdown: string): ImageReference[] {
  const underImages = (target: string): string | undefined => /^(?:\.\/)?images\/(.+)$/.exec(target)?.[1];
  const found: ImageReference[] = [];
  for (const match of markdown.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const file = underImages(match[2]);
    if (file) found.push({ file, alt: match[1].trim() });
  }
  for (const match of markdown.matchAll(/<img\b[^>]*>/gi)) {
    const file = underImages(/\bsrc="([^"]+)"/i.exec(match[0])?.[1] ?? '');
    if (file) found.push({ file, alt: /\balt="([^"]*)"/i.exec(match[0])?.[1].trim() ?? '' });
  }
  return found;
}

/** Width and height from a PNG's IHDR chunk, or undefined for anything that is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const isPng = bytes.length >= 24 && bytes.subarray(0, 8).toString('hex') === '89504e470d0a1a0a' && bytes.subarray(12, 16).toString('latin1') === 'IHDR';
  return isPng ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * What disagrees between the README, the manifest and the image files, one sentence each; empty
 * when they agree. `readImage` gives a file's bytes under images/, or undefined when it is missing.
 */
function screenshotProblems(readme: string, manifest: ScreenshotManifest, readImage: (file: string) => Buffer | undefined): string[] {
  const problems: string[] = [];
  const listed = new Map(manifest.images.map((entry) => [entry.file, entry]));
  const referenced = imagesReferenced(readme);
  for (const { file, alt } of referenced) {
    if (alt === '') problems.push(`images/${file}: the README shows it without alt text`);
    const bytes = readImage(file);
    const entry = listed.get(file);
    if (!bytes) {
      problems.push(`images/${file}: the README shows it, but there is no such file`);
    } else if (!entry) {
      problems.push(`images/${file}: not in images/screenshots.json; take it with npm run screenshots`);
    } else {
      if (sha256(bytes) !== entry.sha256) problems.push(`images/${file}: its sha256 differs from images/screenshots.json (changed since npm run screenshots took it)`);
      const size = pngSize(bytes);
      if (size?.width !== entry.width || size?.height !== entry.height) {
        problems.push(`images/${file}: ${size ? `${size.width}x${size.height}` : 'not a PNG'}, but images/screenshots.json says ${entry.width}x${entry.height}`);
      }
    }
  }
  for (const entry of manifest.images) {
    if (!referenced.some(({ file }) => file === entry.file)) problems.push(`images/${entry.file}: listed in images/screenshots.json, but the README does not show it`);
    if (!entry.shows?.trim()) problems.push(`images/${entry.file}: images/screenshots.json does not say what it shows`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(manifest.vscode ?? '')) problems.push(`images/screenshots.json: no VS Code version (${JSON.stringify(manifest.vscode)})`);
  return problems;
}

/** A stand-in PNG: the signature and an IHDR chunk are all the checks read, plus bytes that make it unique. */
function fakePng(width: number, height: number, content = 'pixels'): Buffer {
  const header = Buffer.alloc(24);
  Buffer.from('89504e470d0a1a0a', 'hex').copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return Buffer.concat([header, Buffer.from(content)]);
}

describe('README screenshots', () => {
  describe('the checks', () => {
    const hover = fakePng(800, 300, 'hover');
    const problems = fakePng(1200, 250, 'problems');
    const files = new Map([['hover.png', hover], ['problems.png', problems]]);
    const entry = (file: string, bytes: Buffer): ScreenshotEntry => ({ file, sha256: sha256(bytes), ...pngSize(bytes)!, shows: `what ${file} shows` });
    const manifest: ScreenshotManifest = { vscode: '1.139.1', images: [entry('hover.png', hover), entry('problems.png', problems)] };
    const readme = '# Tool\n\n![A hover](images/hover.png)\n\n<img src="./images/problems.png" alt="The Problems panel" width="600">\n';
    const read = (replaced: Record<string, Buffer | undefined> = {}) => (file: string) => (file in replaced ? replaced[file] : files.get(file));

    it('find nothing wrong when the README, the list and the files agree (Markdown and HTML images)', () => {
      assert.deepEqual(imagesReferenced(readme), [
        { file: 'hover.png', alt: 'A hover' },
        { file: 'problems.png', alt: 'The Problems panel' },
      ]);
      assert.deepEqual(screenshotProblems(readme, manifest, read()), []);
    });

    it('flag a picture edited by hand or swapped for another', () => {
      assert.deepEqual(screenshotProblems(readme, manifest, read({ 'hover.png': fakePng(800, 300, 'hover, retouched') })), [
        'images/hover.png: its sha256 differs from images/screenshots.json (changed since npm run screenshots took it)',
      ]);
      assert.deepEqual(screenshotProblems(readme, manifest, read({ 'hover.png': problems })), [
        'images/hover.png: its sha256 differs from images/screenshots.json (changed since npm run screenshots took it)',
        'images/hover.png: 1200x250, but images/screenshots.json says 800x300',
      ]);
    });

    it('flag a picture the script did not take, or a missing file', () => {
      const added = `${readme}\n![By hand](images/by-hand.png)\n`;
      assert.deepEqual(screenshotProblems(added, manifest, read({ 'by-hand.png': fakePng(10, 10) })), [
        'images/by-hand.png: not in images/screenshots.json; take it with npm run screenshots',
      ]);
      assert.deepEqual(screenshotProblems(readme, manifest, read({ 'problems.png': undefined })), [
        'images/problems.png: the README shows it, but there is no such file',
      ]);
    });

    it('flag a listed picture the README no longer shows, and a picture without alt text', () => {
      const withoutProblems = '# Tool\n\n![](images/hover.png)\n';
      assert.deepEqual(screenshotProblems(withoutProblems, manifest, read()), [
        'images/hover.png: the README shows it without alt text',
        'images/problems.png: listed in images/screenshots.json, but the README does not show it',
      ]);
    });

    it('ignore images outside images/ (badges, other folders)', () => {
      assert.deepEqual(imagesReferenced('![badge](https://example.com/b.svg) ![icon](media/icon.png) ![x](images/x.png)'), [{ file: 'x.png', alt: 'x' }]);
    });
  });

  describe('this repository', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const manifest = (): ScreenshotManifest => JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as ScreenshotManifest;
    const readImage = (file: string): Buffer | undefined => {
      const full = path.join(IMAGES_DIR, file);
      return existsSync(full) ? readFileSync(full) : undefined;
    };

    it('the README shows the hover, a quick fix, the Problems panel and the diagrams, each taken by npm run screenshots', () => {
      assert.ok(existsSync(MANIFEST_PATH), 'images/screenshots.json exists (npm run screenshots writes it)');
      const shown = imagesReferenced(readme).map(({ file }) => file);
      for (const wanted of ['hover.png', 'quick-fix.png', 'problems.png', 'diagrams.png']) assert.ok(shown.includes(wanted), `the README shows images/${wanted}`);
      assert.deepEqual(screenshotProblems(readme, manifest(), readImage), []);
    });

    it('every PNG in images/ is one the script took, and each is small enough to ship in the .vsix', () => {
      const listed = new Set(manifest().images.map((entry) => entry.file));
      for (const file of readdirSync(IMAGES_DIR).filter((name) => name.endsWith('.png'))) {
        assert.ok(listed.has(file), `images/${file} is listed in images/screenshots.json`);
        const bytes = readImage(file)!.length;
        assert.ok(bytes < MAX_IMAGE_BYTES, `images/${file} is ${Math.round(bytes / 1024)} KB, over ${MAX_IMAGE_BYTES / 1024} KB`);
      }
    });
  });
});
