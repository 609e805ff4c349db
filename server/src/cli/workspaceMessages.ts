import type { RuleFinding } from '../rules/engine';
import type { LintMessage } from './lintResult';

// The cross-resource rules run on the main thread once every file is read; their findings join each file's
// messages here. Kept apart from lintText so the main thread does not load the schema checks.

/**
 * Cross-resource findings of one file as report messages. Their fixes (remove `replicas`, add a missing
 * PodDisruptionBudget) are offered in the editor only for now: `--fix` applies single-file fixes, so the
 * report does not count them as fixable.
 */
export function workspaceRuleMessages(findings: readonly RuleFinding[]): LintMessage[] {
  return findings.map((finding) => ({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message, range: finding.range }));
}
