import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, from compiled tests in out/test/<level>/ or from sources. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where the shared conformance and corpus material lives, when this checkout has it beside it. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');

export function fixturePath(...segments: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...segments);
}

export function readFixture(...segments: string[]): string {
  return readFileSync(fixturePath(...segments), 'utf8');
}

/** Every YAML file under a folder, recursively, sorted for stable test names. */
export function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return yamlFilesUnder(full);
      return /\.ya?ml$/.test(entry) ? [full] : [];
    });
}

/** A finding a fixture announces with a trailing `# expect: <code> ["suggestion"]` comment on its line. */
export interface ExpectedFinding {
  line: number;
  code: string;
  suggestion?: string;
}

export function expectedFindings(text: string): ExpectedFinding[] {
  return text.split(/\r?\n/).flatMap((lineText, line) => {
    const match = /#\s*expect:\s*([\w-]+)(?:\s+"([^"]+)")?\s*$/.exec(lineText);
    return match ? [{ line, code: match[1], ...(match[2] ? { suggestion: match[2] } : {}) }] : [];
  });
}
