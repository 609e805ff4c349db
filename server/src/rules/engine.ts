import { isMap } from 'yaml';
import type { ManifestFile } from '../model/manifestFile';
import type { WorkspaceView } from '../model/workspaceIndex';
import { isWorkspaceRule, type AnyRule, type Finding, type Rule, type Severity } from './rule';
import type { RuleSettings } from './ruleSettings';
import { ignoredByAnnotation, isIgnoredByAnnotation, readSuppressions } from './suppressions';

export interface RuleFinding extends Finding {
  severity: Severity;
}

export interface RuleRun {
  findings: RuleFinding[];
  /** Rules that threw on this file: reported to the log, never to the user's Problems. */
  failures: Array<{ ruleId: string; error: unknown }>;
}

/** The severity a rule runs at under these settings, or `off`. */
export function effectiveSeverity(rule: AnyRule, settings: RuleSettings): Severity | 'off' {
  const chosen = settings.severities[rule.meta.id];
  if (chosen) return chosen;
  if (settings.profile === 'baseline' && !rule.meta.baseline) return 'off';
  return rule.meta.severity;
}

const SEVERITY_STEPS: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

/**
 * The severity of one finding: the rule's severity under the settings, or, when the rule reported its own
 * severity for this finding (stated at the rule's default), that one moved by the same number of steps as the
 * settings moved the rule, within hint..error.
 */
export function findingSeverity(rule: AnyRule, ruleSeverity: Severity, reported?: Severity): Severity {
  if (!reported) return ruleSeverity;
  const shift = SEVERITY_STEPS.indexOf(ruleSeverity) - SEVERITY_STEPS.indexOf(rule.meta.severity);
  const step = Math.min(SEVERITY_STEPS.length - 1, Math.max(0, SEVERITY_STEPS.indexOf(reported) + shift));
  return SEVERITY_STEPS[step];
}

/** Runs the rules over every Kubernetes object of a file, honouring settings and suppressions. */
export function runRules(
  file: ManifestFile,
  rules: readonly AnyRule[],
  settings: RuleSettings,
  workspace?: { view: WorkspaceView; uri: string },
): RuleRun {
  const run: RuleRun = { findings: [], failures: [] };
  // Cross-resource rules need the workspace index: they run in runWorkspaceRules.
  const active = rules.flatMap((rule): Array<{ rule: Rule; severity: Severity }> => {
    if (isWorkspaceRule(rule)) return [];
    const severity = effectiveSeverity(rule, settings);
    return severity === 'off' ? [] : [{ rule, severity }];
  });
  if (active.length === 0 || !file.isManifest) return run;
  const suppressions = readSuppressions(file.text);

  for (const document of file.documents) {
    const root = document.yaml.contents;
    if (!document.object || !isMap(root)) continue;
    const ignored = ignoredByAnnotation(root);
    for (const { rule, severity } of active) {
      const ruleId = rule.meta.id;
      if (isIgnoredByAnnotation(ignored, ruleId)) continue;
      try {
        rule.check({
          file,
          document,
          object: document.object,
          root,
          yaml: document.yaml,
          settings,
          ...(workspace
            ? { workspace: { view: workspace.view, summary: workspace.view.objectsIn(workspace.uri).find((o) => o.documentIndex === document.index) } }
            : {}),
          report: ({ message, range, fix, severity: reported }) => {
            if (suppressions.isSuppressed(ruleId, range.start.line)) return;
            // Where the YAML does not parse, the tree a fix was computed on is a guess: a fix could land in the
            // wrong place or duplicate a key, so such documents get findings without fixes.
            const fixable = fix && document.yaml.errors.length === 0;
            run.findings.push({ ruleId, severity: findingSeverity(rule, severity, reported), message, range, ...(fixable ? { fix } : {}) });
          },
        });
      } catch (error) {
        run.failures.push({ ruleId, error });
      }
    }
  }
  return run;
}
