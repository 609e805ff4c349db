// Command-line globs that the shell left alone (quoted, or on Windows): `k8s/**/*.yaml`, `apps/*/{base,prod}/*.yml`.
// Paths are compared with forward slashes, relative to the glob's fixed leading folders.

const MAGIC = /[*?[\]{}]/;

/** True when a command-line argument is a pattern rather than a path. */
export function hasGlobMagic(argument: string): boolean {
  return MAGIC.test(argument);
}

/**
 * Splits a glob into the folder to walk (its leading segments without wildcards) and the pattern
 * for paths under that folder: `k8s/apps/**\/*.yaml` → `k8s/apps` and `**\/*.yaml`.
 */
export function splitGlob(glob: string): { baseDir: string; pattern: string } {
  const segments = glob.replace(/\\/g, '/').split('/');
  const firstMagic = segments.findIndex((segment) => hasGlobMagic(segment));
  const fixed = firstMagic < 0 ? segments.length - 1 : firstMagic;
  const baseDir = segments.slice(0, fixed).join('/') || (glob.startsWith('/') ? '/' : '.');
  return { baseDir, pattern: segments.slice(fixed).join('/') };
}

/** A regular expression for a glob over slash-separated relative paths: `**`, `*`, `?`, `[...]` and `{a,b}`. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let braceDepth = 0;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '*') {
      if (pattern[index + 1] === '*') {
        // `**/` matches any number of whole folders (none too); a trailing `**` matches everything below.
        const slashFollows = pattern[index + 2] === '/';
        source += slashFollows ? '(?:[^/]*/)*' : '.*';
        index += slashFollows ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (character === '?') {
      source += '[^/]';
    } else if (character === '[') {
      const close = pattern.indexOf(']', index + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        const body = pattern.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = close;
      }
    } else if (character === '{') {
      braceDepth++;
      source += '(?:';
    } else if (character === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (character === ',' && braceDepth > 0) {
      source += '|';
    } else {
      source += character.replace(/[.+^$()|\\/]/g, (special) => `\\${special}`);
    }
  }
  return new RegExp(`^${source}$`);
}
