import type { ObjectSummary } from '../model/objectSummary';
import type { WorkspaceView } from '../model/workspaceIndex';
import { effectiveSeverity, type RuleRun } from './engine';
import { isWorkspaceRule, type AnyRule, type Severity, type WorkspaceRule } from './rule';
import type { RuleSettings } from './ruleSettings';
import { isIgnoredByAnnotation, readSuppressions, type Suppressions } from './suppressions';

/**
 * Runs the cross-resource rules over one file's objects against the workspace, honouring settings,
 * disable comments and the ignore annotation exactly as `runRules` does for single-object rules.
 * `fileText` is called only when a finding needs it (suppressions, fixes).
 */
export function runWorkspaceRules(
  objects: readonly ObjectSummary[],
  workspace: WorkspaceView,
  rules: readonly AnyRule[],
  settings: RuleSettings,
  fileText: () => string,
): RuleRun {
  const run: RuleRun = { findings: [], failures: [] };
  const active = rules.flatMap((rule): Array<{ rule: WorkspaceRule; severity: Severity }> => {
    if (!isWorkspaceRule(rule)) return [];
    const severity = effectiveSeverity(rule, settings);
    return severity === 'off' ? [] : [{ rule, severity }];
  });
  if (active.length === 0) return run;
  let text: string | undefined;
  const textOnce = () => (text ??= fileText());
  let suppressions: Suppressions | undefined;

  for (const object of objects) {
    const ignored = object.ignoredRules === 'all' ? 'all' : object.ignoredRules && new Set(object.ignoredRules);
    for (const { rule, severity } of active) {
      const ruleId = rule.meta.id;
      if (isIgnoredByAnnotation(ignored, ruleId)) continue;
      try {
        rule.checkWorkspace({
          object,
          workspace,
          settings,
          fileText: textOnce,
          report: ({ message, range, fix }) => {
            suppressions ??= readSuppressions(textOnce());
            if (suppressions.isSuppressed(ruleId, range.start.line)) return;
            const fixable = fix && !object.parseErrors;
            run.findings.push({ ruleId, severity, message, range, ...(fixable ? { fix } : {}) });
          },
        });
      } catch (error) {
        run.failures.push({ ruleId, error });
      }
    }
  }
  return run;
}
