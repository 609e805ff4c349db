import type { Document, YAMLMap } from 'yaml';
import type { TextEdit } from '../fixes/textEdit';
import type { KubernetesObjectIdentity, ManifestDocument, ManifestFile, Range } from '../model/manifestFile';
import type { ObjectSummary } from '../model/objectSummary';
import type { WorkspaceView } from '../model/workspaceIndex';
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
  /**
   * The rest of the workspace and this object's own summary in it, when the caller has an index (the editor
   * does). A single-object rule may consult it to stay silent where another object settles the matter.
   */
  workspace?: { view: WorkspaceView; summary?: ObjectSummary };
  /**
   * `severity`, for a rule whose findings differ in weight (a deprecated API is less urgent than a removed
   * one): the finding's severity when the rule runs at its default, `meta.severity`. A severity the user
   * chose for the rule moves every finding of the rule by as many steps, so their order is kept.
   */
  report(finding: { message: string; range: Range; fix?: Fix; severity?: Severity }): void;
}

/** A rule that judges one object on its own, from its YAML. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** What a cross-resource rule sees: one object's summary, and the rest of the workspace. */
export interface WorkspaceRuleContext {
  object: ObjectSummary;
  workspace: WorkspaceView;
  settings: RuleSettings;
  /** The text of the object's file, read only when a fix needs it. */
  fileText(): string;
  report(finding: { message: string; range: Range; fix?: Fix }): void;
}

/**
 * A rule that judges an object against others (a Service against the pods it selects). It reads the
 * workspace index's summaries, not YAML, so the editor and the CLI run it once every file is indexed.
 */
export interface WorkspaceRule {
  meta: RuleMeta;
  checkWorkspace(context: WorkspaceRuleContext): void;
}

export type AnyRule = Rule | WorkspaceRule;

export const isWorkspaceRule = (rule: AnyRule): rule is WorkspaceRule => 'checkWorkspace' in rule;
