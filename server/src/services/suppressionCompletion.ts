// Completion of rule ids where users silence rules (see rules/suppressions.ts for what the forms mean):
//   # kube-guide-disable-next-line <ids> -- reason
//   # kube-guide-disable <ids>
//   kube-guide.io/ignore: <ids>
// Each id comes with its title, so nobody has to look ids up in the rule table.
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { RuleMeta } from '../rules/rule';
import { IGNORE_ANNOTATION } from '../rules/suppressions';

const DIRECTIVES = ['kube-guide-disable-next-line', 'kube-guide-disable'] as const;
const DIRECTIVE_NAME = /#\s*(k[a-z-]*)$/;
// Ids are listed after the directive; a `--` starts the reason, where ids are no longer expected.
const DIRECTIVE_IDS = /#\s*kube-guide-(?:disable-next-line|disable)\s+((?:(?!--)[^#])*)$/;
const ANNOTATION_IDS = new RegExp(`^\\s*(?:-\\s+)?["']?${IGNORE_ANNOTATION.replace(/[./]/g, '\\$&')}["']?\\s*:\\s*["']?([^"'#]*)$`);
const PARTIAL_ID = /[a-z0-9-]*$/;

/**
 * The completion items for the line up to the cursor, or undefined when the cursor is not where a
 * suppression's rule ids (or its directive) are written.
 */
export function suppressionCompletions(lineBeforeCursor: string, position: Position, rules: readonly RuleMeta[]): CompletionItem[] | undefined {
  const ids = DIRECTIVE_IDS.exec(lineBeforeCursor) ?? ANNOTATION_IDS.exec(lineBeforeCursor);
  if (ids) return ruleIdItems(ids[1], position, rules);
  const directive = DIRECTIVE_NAME.exec(lineBeforeCursor);
  if (directive && DIRECTIVES.some((name) => name.startsWith(directive[1]) && name !== directive[1])) {
    return directiveItems(directive[1], position);
  }
  return undefined;
}

function replacing(partial: string, position: Position) {
  return { start: { line: position.line, character: position.character - partial.length }, end: position };
}

function ruleIdItems(listBeforeCursor: string, position: Position, rules: readonly RuleMeta[]): CompletionItem[] {
  const partial = PARTIAL_ID.exec(listBeforeCursor)?.[0] ?? '';
  const written = new Set(listBeforeCursor.slice(0, listBeforeCursor.length - partial.length).split(/[\s,]+/).filter(Boolean));
  return rules
    .filter((rule) => !written.has(rule.id))
    .map((rule) => ({
      label: rule.id,
      kind: CompletionItemKind.Value,
      detail: rule.title,
      documentation: { kind: MarkupKind.Markdown, value: `**${rule.title}** (default: ${rule.severity})\n\n${rule.docs}` },
      textEdit: { range: replacing(partial, position), newText: rule.id },
    }));
}

function directiveItems(partial: string, position: Position): CompletionItem[] {
  const explanations: Record<(typeof DIRECTIVES)[number], string> = {
    'kube-guide-disable-next-line': 'Silences the listed rules (all, if none is listed) on the next line. Text after `--` is the reason.',
    'kube-guide-disable': 'Silences the listed rules (all, if none is listed) in the whole file. Text after `--` is the reason.',
  };
  return DIRECTIVES.map((name) => ({
    label: name,
    kind: CompletionItemKind.Keyword,
    detail: 'Kube Guide suppression',
    documentation: { kind: MarkupKind.Markdown, value: explanations[name] },
    textEdit: { range: replacing(partial, position), newText: `${name} ` },
    // Ids follow the directive: open the list again once it is inserted.
    command: { title: 'Suggest rule ids', command: 'editor.action.triggerSuggest' },
  }));
}
