import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SchemaProblem } from '../../services/diagnosticCodes';
import { oneBased, type FileResult, type Formatter, type LintMessage } from '../lintResult';

// SARIF 2.1.0, as GitHub code scanning and Azure DevOps read it. Columns count UTF-16 code units, the
// same unit the editor uses, so one range means the same place everywhere.
//
// helpUri: SARIF wants an absolute URI there, and the project has no public home for its rule pages yet.
// Until it has, each rule carries its page's text in `help` (code scanning shows it) and the page's
// path inside the package in `properties.docsPath`. Set RULE_DOCS_BASE_URI to link them.
const RULE_DOCS_BASE_URI: string | undefined = undefined;
const SOURCE_ROOT = '%SRCROOT%';

const LEVEL: Record<LintMessage['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

// What the schema check reports is not a rule module, but results name it like one: describe those codes.
// Keyed by code, so a new code without a description does not compile.
const SCHEMA_CODE_DOCS: Record<(typeof SchemaProblem)[keyof typeof SchemaProblem], { title: string; text: string }> = {
  [SchemaProblem.unknownField]: { title: 'Field not in the Kubernetes API schema', text: 'The object has a field its kind does not define; the API server refuses it (or, with client-side apply, drops it). Often a typo: the message names the closest allowed field.' },
  [SchemaProblem.wrongValue]: { title: 'Value not among those the field allows', text: 'The field takes one of a fixed set of values, and this is not one of them.' },
  [SchemaProblem.invalid]: { title: 'Object does not match the Kubernetes API schema', text: 'A value has the wrong type or shape for its field (text where a number is expected, a fraction where a whole number is, a list where a mapping is, a missing required field).' },
  [SchemaProblem.yamlSyntax]: { title: 'YAML syntax error', text: 'The file is not valid YAML, so the objects in it cannot be read as written.' },
  [SchemaProblem.aliasLimit]: { title: 'YAML aliases expand too far to check', text: 'Aliases in the file expand to a huge tree (an alias bomb) or refer to the node that contains them, so the schema check skips the file rather than hang.' },
  [SchemaProblem.nestingLimit]: { title: 'YAML nested too deeply to check', text: 'The file nests mappings or lists thousands of levels deep, more than the schema check can walk, so it skips the file. No Kubernetes object nests that deep.' },
};
const SCHEMA_CODES = Object.entries(SCHEMA_CODE_DOCS).map(([id, docs]) => ({ id, ...docs }));

/** A path relative to the working folder as a URI reference: forward slashes, each segment escaped. */
function artifactUri(displayPath: string): string {
  return displayPath.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function region(range: LintMessage['range']) {
  const start = oneBased(range.start);
  const end = oneBased(range.end);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

const pascalCase = (id: string) => id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
const firstParagraph = (markdown: string) => markdown.trim().split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');

export const formatSarif: Formatter = (report, context) => {
  const descriptors = [
    ...context.rules.map((meta) => ({
      id: meta.id,
      name: pascalCase(meta.id),
      shortDescription: { text: meta.title },
      fullDescription: { text: firstParagraph(meta.docs) },
      help: { text: meta.docs.trim(), markdown: meta.docs.trim() },
      ...(RULE_DOCS_BASE_URI ? { helpUri: `${RULE_DOCS_BASE_URI}/${meta.id}.md` } : {}),
      defaultConfiguration: { level: LEVEL[meta.severity] },
      properties: { category: meta.category, docsPath: `docs/rules/${meta.id}.md`, tags: [meta.category] },
    })),
    ...SCHEMA_CODES.map((code) => ({
      id: code.id,
      name: pascalCase(code.id),
      shortDescription: { text: code.title },
      fullDescription: { text: code.text },
      help: { text: code.text },
      defaultConfiguration: { level: 'error' as const },
      properties: { category: 'schema', tags: ['schema'] },
    })),
  ];
  const indexOf = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));

  const resultsOf = (file: FileResult) =>
    file.messages.map((message) => {
      const artifactLocation = { uri: artifactUri(file.displayPath), uriBaseId: SOURCE_ROOT };
      const ruleIndex = indexOf.get(message.ruleId);
      return {
        ruleId: message.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: LEVEL[message.severity],
        message: { text: message.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(message.range) } }],
        ...(message.fix
          ? {
              fixes: [{
                description: { text: message.fix.title },
                artifactChanges: [{
                  artifactLocation,
                  replacements: message.fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.text } })),
                }],
              }],
            }
          : {}),
      };
    });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'kube-guide', version: context.toolVersion, semanticVersion: context.toolVersion, rules: descriptors } },
      // Trailing separator: SARIF resolves relative URIs against the base as a folder.
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      invocations: [{
        executionSuccessful: report.problems.length === 0,
        toolExecutionNotifications: report.problems.map((problem) => ({
          level: 'error',
          message: { text: `${problem.path}: ${problem.problem}` },
        })),
      }],
      results: report.results.flatMap(resultsOf),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
