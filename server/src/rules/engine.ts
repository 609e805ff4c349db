import { isMap } from 'yaml';
import type { ManifestFile } from '../model/manifestFile';
import type { Finding, Rule, Severity } from './rule';
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
export function effectiveSeverity(rule: Rule, settings: RuleSettings): Severity | 'off' {
  const chosen = settings.severities[rule.meta.id];
  if (chosen) return chosen;
  if (settings.profile === 'baseline' && !rule.meta.baseline) return 'off';
  return rule.meta.severity;
}

/** Runs the rules over every Kubernetes object of a file, honouring settings and suppressions. */
export function runRules(file: ManifestFile, rules: readonly Rule[], settings: RuleSettings): RuleRun {
  const run: RuleRun = { findings: [], failures: [] };
  const active = rules.flatMap((rule) => {
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
          report: ({ message, range, fix }) => {
            if (suppressions.isSuppressed(ruleId, range.start.line)) return;
            // Where the YAML does not parse, the tree a fix was computed on is a guess: a fix could land in the
            // wrong place or duplicate a key, so such documents get findings without fixes.
            const fixable = fix && document.yaml.errors.length === 0;
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
