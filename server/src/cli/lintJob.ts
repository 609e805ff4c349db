import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES } from '../rules/registry';
import { loadKubernetesSchema } from '../schema/kubernetesSchema';
import type { CrdSchema } from '../schema/crdSchema';
import type { CheckServices } from '../services/checkFile';
import { createSchemaService, type SchemaService } from '../services/schemaService';
import type { KubeGuideSettings } from '../settings';
import type { ObjectSummary } from '../model/objectSummary';
import { WorkspaceIndex } from '../model/workspaceIndex';
import type { LintMessage } from './lintResult';
import type { RunContext } from './runContext';
import { fixText, lintText } from './lintText';

// One file's work, in a form that can cross to a worker thread and back (structured clone):
// the same function runs in-process for small runs and inside each worker for large ones.

export interface LintJob {
  /** The file's place in the run, so results come back in the order the files were found. */
  id: number;
  text: string;
  uri: string;
  settings: KubeGuideSettings;
  /** Apply every fix first (--fix, --fix-dry-run), then check the fixed text. */
  fix: boolean;
}

export interface LintJobOutcome {
  id: number;
  /** The text after fixes, when `fix` was asked for and something changed. */
  fixedText?: string;
  isManifest: boolean;
  messages: LintMessage[];
  fixable: boolean;
  /** The checked text's objects, for the cross-resource rules. */
  objects: ObjectSummary[];
  /** The check threw: the file is reported as not checked, the run goes on. */
  error?: string;
}

/** Checks one file at a time, with the schema of its thread. */
export interface LintJobRunner {
  (job: LintJob): Promise<LintJobOutcome>;
  /** The files from now on are checked in this context. */
  useContext(context: RunContext): void;
}

/** Builds the checker one thread uses for all its files: the schema is loaded once, on the first manifest. */
export function createLintJobRunner(): LintJobRunner {
  let schemaService: SchemaService | undefined;
  let crds: readonly CrdSchema[] = [];
  let autoscalers: WorkspaceIndex | undefined;
  const services: CheckServices = {
    rules: ALL_RULES,
    // The rule pages ship beside dist/, as they do for the editor.
    docsLink: (ruleId) => pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href,
    schemaService: () => {
      if (!schemaService) {
        schemaService = createSchemaService(loadKubernetesSchema());
        if (crds.length > 0) schemaService.setWorkspaceCrds([...crds]);
      }
      return schemaService;
    },
  };
  const runJob = async (job: LintJob): Promise<LintJobOutcome> => {
    try {
      let text = job.text;
      let fixedText: string | undefined;
      if (job.fix) {
        const fixed = fixText(text, job.uri, services, job.settings, autoscalers);
        if (fixed !== text) text = fixedText = fixed;
      }
      const linted = await lintText(text, job.uri, services, job.settings, autoscalers);
      return { id: job.id, ...(fixedText !== undefined ? { fixedText } : {}), ...linted };
    } catch (error) {
      return { id: job.id, isManifest: false, messages: [], fixable: false, objects: [], error: error instanceof Error ? error.message : String(error) };
    }
  };
  return Object.assign(runJob, {
    useContext(context: RunContext) {
      autoscalers = undefined;
      if (context.autoscalers.length > 0) {
        autoscalers = new WorkspaceIndex();
        const byUri = new Map<string, ObjectSummary[]>();
        for (const object of context.autoscalers) byUri.set(object.uri, [...(byUri.get(object.uri) ?? []), object]);
        for (const [uri, objects] of byUri) autoscalers.update(uri, objects, { findDependents: false });
      }
      // No CRDs before nor now: the schema in use stays (changing it costs a new copy of the whole schema).
      if (context.crds.length === 0 && crds.length === 0) return;
      crds = context.crds;
      schemaService?.setWorkspaceCrds([...context.crds]);
    },
  });
}
