import { oneBased, type Formatter, type LintMessage } from '../lintResult';

// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

const LEVEL: Record<LintMessage['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** A command's message: `%`, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (report) => {
  const lines: string[] = [];
  for (const result of report.results) {
    for (const message of result.messages) {
      const start = oneBased(message.range.start);
      const end = oneBased(message.range.end);
      const properties = [
        `file=${escapeProperty(result.displayPath)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(message.ruleId)}`,
      ].join(',');
      lines.push(`::${LEVEL[message.severity]} ${properties}::${escapeData(message.message)}`);
    }
  }
  for (const problem of report.problems) {
    lines.push(`::error file=${escapeProperty(problem.path)},title=kube-guide::${escapeData(problem.problem)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
