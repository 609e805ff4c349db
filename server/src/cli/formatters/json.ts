import { countMessages, oneBased, type Formatter, type LintMessage } from '../lintResult';

// One entry per checked manifest file (clean ones too, so a consumer can tell "checked, fine" from
// "not checked"). Lines and columns are 1-based; end columns point just past the finding, as ESLint's do.

function region(range: LintMessage['range']) {
  const start = oneBased(range.start);
  const end = oneBased(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export const formatJson: Formatter = (report) => {
  const files = report.results.map((result) => {
    const counts = countMessages(result.messages);
    return {
      filePath: result.displayPath,
      messages: result.messages.map((message) => ({
        ruleId: message.ruleId,
        severity: message.severity,
        message: message.message,
        ...region(message.range),
        ...(message.fix
          ? { fix: { title: message.fix.title, edits: message.fix.edits.map((edit) => ({ ...region(edit.range), text: edit.text })) } }
          : {}),
      })),
      errorCount: counts.error,
      warningCount: counts.warning,
      infoCount: counts.info + counts.hint,
      fixableCount: counts.fixable,
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
};
