import { countMessages, oneBased, type Formatter, type LintMessage } from '../lintResult';

// Grouped per file, one aligned line per finding, a summary at the end. Nothing at all when clean.

const paint = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const COLOURS = { red: paint(31), yellow: paint(33), blue: paint(34), dim: paint(2), underline: paint(4), bold: paint(1) };
const plain = (text: string) => text;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const formatStylish: Formatter = (report, context) => {
  const colour = context.color ? COLOURS : { red: plain, yellow: plain, blue: plain, dim: plain, underline: plain, bold: plain };
  const severityColour = (message: LintMessage) =>
    message.severity === 'error' ? colour.red : message.severity === 'warning' ? colour.yellow : colour.blue;
  const lines: string[] = [];
  const all: LintMessage[] = [];

  for (const result of report.results) {
    if (result.messages.length === 0) continue;
    all.push(...result.messages);
    const rows = result.messages.map((message) => {
      const { line, column } = oneBased(message.range.start);
      return { where: `${line}:${column}`, message };
    });
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.message.severity.length));
    lines.push(colour.underline(result.displayPath));
    for (const { where, message } of rows) {
      const text = message.message.replace(/\s*\n\s*/g, ' ');
      lines.push(
        `  ${colour.dim(where.padEnd(whereWidth))}  ${severityColour(message)(message.severity.padEnd(severityWidth))}  ${text}  ${colour.dim(message.ruleId)}`,
      );
    }
    lines.push('');
  }
  if (all.length === 0) return '';

  const counts = countMessages(all);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info + counts.hint > 0) parts.push(`${counts.info + counts.hint} info`);
  const summary = `${plural(all.length, 'problem')} (${parts.join(', ')})`;
  lines.push((counts.error > 0 ? colour.red : colour.yellow)(colour.bold(summary)));
  if (counts.fixable > 0) lines.push(`  ${counts.fixable} of them can be fixed with --fix.`);
  return `${lines.join('\n')}\n`;
};
