// The contributed snippet files read as data: what the "Insert Manifest from Guide" gallery lists and
// previews. Pure functions without `vscode`, so unit tests use exactly what the client uses. Nothing
// here knows Kubernetes: a snippet is a name, a prefix, a description and a body in VS Code's
// snippet syntax.

/** One snippet of a VS Code snippet file. */
export interface SnippetEntry {
  name: string;
  /** Every prefix it answers to (VS Code allows a string or a list). */
  prefixes: string[];
  description: string;
  /** The body in snippet syntax, lines joined with "\n". */
  body: string;
}

/** The guide section and summary our descriptions carry: "Guide § <section> — <summary>". */
export interface GuideReference {
  section: string;
  summary: string;
}

const GUIDE_DESCRIPTION = /^Guide § (.+?) — (.+)$/s;

export function parseGuideDescription(description: string): GuideReference | undefined {
  const match = GUIDE_DESCRIPTION.exec(description);
  return match ? { section: match[1], summary: match[2] } : undefined;
}

/** The snippets of one file's JSON text, in file order. Entries without a body are skipped, as VS Code does. */
export function readSnippetFile(jsonText: string): SnippetEntry[] {
  const parsed = JSON.parse(jsonText) as Record<string, unknown>;
  const entries: SnippetEntry[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (!value || typeof value !== 'object') continue;
    const { prefix, body, description } = value as { prefix?: unknown; body?: unknown; description?: unknown };
    const text = Array.isArray(body) ? body.join('\n') : body;
    if (typeof text !== 'string') continue;
    const prefixes = (Array.isArray(prefix) ? prefix : [prefix]).filter((p): p is string => typeof p === 'string' && p !== '');
    const descriptionText = Array.isArray(description) ? description.join('\n') : typeof description === 'string' ? description : '';
    entries.push({ name, prefixes, description: descriptionText, body: text });
  }
  return entries;
}

/** Entries grouped by guide section, sections in order of first appearance; undescribed ones under `fallback`. */
export function groupByGuideSection(entries: readonly SnippetEntry[], fallback = 'Other'): Map<string, SnippetEntry[]> {
  const groups = new Map<string, SnippetEntry[]>();
  for (const entry of entries) {
    const section = parseGuideDescription(entry.description)?.section ?? fallback;
    const group = groups.get(section) ?? [];
    group.push(entry);
    groups.set(section, group);
  }
  return groups;
}

// ---- Snippet syntax -------------------------------------------------------------------------------
// Enough of VS Code's snippet grammar to show what a snippet inserts before any tab stop is edited:
// $1, ${1}, ${1:default with ${2:nested}}, ${1|first,second|}, $VAR / ${VAR:default}, transforms
// (${1/regex/format/}, shown as their tab stop) and the escapes \$ \} \\ (and \, \| in choices).

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; children?: SnippetNode[] };

const TABSTOP_SIMPLE = /^\$(\d+)/;
const VARIABLE_SIMPLE = /^\$[_a-zA-Z][_a-zA-Z0-9]*/;
const BRACED_START = /\$\{(\d+|[_a-zA-Z][_a-zA-Z0-9]*)([}:|/])/y;

function parseNodes(source: string, start: number, nested: boolean): { nodes: SnippetNode[]; end: number } {
  const nodes: SnippetNode[] = [];
  let text = '';
  const flush = (): void => {
    if (text) nodes.push({ kind: 'text', value: text });
    text = '';
  };
  let i = start;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length && '$}\\'.includes(source[i + 1])) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '}' && nested) {
      flush();
      return { nodes, end: i };
    }
    if (ch === '$') {
      const parsed = parseDollar(source, i);
      if (parsed) {
        flush();
        nodes.push(parsed.node);
        i = parsed.end;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return { nodes, end: i };
}

function parseDollar(source: string, at: number): { node: SnippetNode; end: number } | undefined {
  for (const [pattern, isTabstop] of [[TABSTOP_SIMPLE, true], [VARIABLE_SIMPLE, false]] as const) {
    const match = pattern.exec(source.slice(at));
    if (match) {
      const node: SnippetNode = isTabstop ? { kind: 'tabstop', index: Number(match[1]) } : { kind: 'variable' };
      return { node, end: at + match[0].length };
    }
  }
  BRACED_START.lastIndex = at;
  const braced = BRACED_START.exec(source);
  if (!braced) return undefined;
  const [whole, id, opener] = braced;
  const isTabstop = /^\d+$/.test(id);
  const afterOpener = at + whole.length;
  if (opener === '}') {
    return { node: isTabstop ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable' }, end: afterOpener };
  }
  if (opener === ':') {
    const inner = parseNodes(source, afterOpener, true);
    if (source[inner.end] !== '}') return undefined;
    const node: SnippetNode = isTabstop ? { kind: 'tabstop', index: Number(id), children: inner.nodes } : { kind: 'variable', children: inner.nodes };
    return { node, end: inner.end + 1 };
  }
  if (opener === '|' && isTabstop) {
    const choices: string[] = [];
    let current = '';
    for (let i = afterOpener; i < source.length; i++) {
      const ch = source[i];
      if (ch === '\\' && i + 1 < source.length && ',|\\$}'.includes(source[i + 1])) {
        current += source[++i];
      } else if (ch === ',') {
        choices.push(current);
        current = '';
      } else if (ch === '|' && source[i + 1] === '}') {
        choices.push(current);
        return { node: { kind: 'tabstop', index: Number(id), choices }, end: i + 2 };
      } else {
        current += ch;
      }
    }
    return undefined;
  }
  if (opener === '/') {
    // A transform: ${1/regex/format/options}. Shown as the tab stop's own value.
    // The format may hold ${1:/upcase}-style references: count their braces.
    let slashes = 1;
    let depth = 0;
    for (let i = afterOpener; i < source.length; i++) {
      if (source[i] === '\\') {
        i++;
      } else if (source[i] === '$' && source[i + 1] === '{') {
        depth++;
        i++;
      } else if (source[i] === '}' && depth > 0) {
        depth--;
      } else if (source[i] === '/' && depth === 0) {
        slashes++;
      } else if (source[i] === '}' && slashes >= 3) {
        return { node: isTabstop ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable' }, end: i + 1 };
      }
    }
  }
  return undefined;
}

/**
 * The text a snippet inserts when every tab stop keeps its default: a placeholder shows its default,
 * a choice its first option, a bare tab stop mirrors the placeholder of the same number elsewhere
 * (or nothing), and variables show their default (or nothing).
 */
export function resolveSnippetDefaults(body: string): string {
  const { nodes } = parseNodes(body, 0, false);
  const defaults = new Map<number, string>();
  const collect = (list: SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      if (node.children) collect(node.children);
      if (node.kind === 'tabstop' && !defaults.has(node.index)) {
        if (node.choices) defaults.set(node.index, node.choices[0] ?? '');
        else if (node.children) defaults.set(node.index, render(node.children));
      }
    }
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.kind === 'variable') return node.children ? render(node.children) : '';
        if (node.children) return render(node.children);
        return defaults.get(node.index) ?? (node.choices?.[0] ?? '');
      })
      .join('');
  collect(nodes);
  return render(nodes);
}
