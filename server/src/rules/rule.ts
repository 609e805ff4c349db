import type { Document, YAMLMap } from 'yaml';
import type { TextEdit } from '../fixes/textEdit';
import type { KubernetesObjectIdentity, ManifestDocument, ManifestFile, Range } from '../model/manifestFile';
import type { RuleSettings } from './ruleSettings';

/** How loudly a finding is shown; `off` turns the rule off. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type RuleCategory =
  | 'reliability'
  | 'resources'
  | 'security'
  | 'images'
  | 'networking'
  | 'storage'
  | 'rbac'
  | 'api-versions'
  | 'guide-corrections';

/** What a rule is, for people and for the generated settings, docs pages and README table. */
export interface RuleMeta {
  /** Kebab-case, stable: users write it in suppressions and settings. */
  id: string;
  /** One line, says what is wrong: "Container has no resource limits". */
  title: string;
  severity: Severity;
  category: RuleCategory;
  /** The guide's heading this practice comes from. */
  guideSection: string;
  /** Markdown in our own words: why it matters, and what to write instead. */
  docs: string;
  fixable: boolean;
  /** True for rules in the quieter `baseline` profile; every rule is in `aks-production`. */
  baseline: boolean;
}

/** A fix: a title for the light bulb and the edits, by offset into the file's text. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  message: string;
  range: Range;
  fix?: Fix;
}

/** What a rule sees of one Kubernetes object, and how it reports. */
export interface RuleContext {
  file: ManifestFile;
  document: ManifestDocument;
  object: KubernetesObjectIdentity;
  /** The object's top-level mapping. */
  root: YAMLMap;
  yaml: Document.Parsed;
  settings: RuleSettings;
  report(finding: { message: string; range: Range; fix?: Fix }): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
