import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { DIAGNOSTIC_SOURCE, type SchemaService } from '../../server/src/services/schemaService';
import { expectedFindings } from './fixtures';
import { messageOf, openDocument, schemaService } from './schemaServiceFactory';

/**
 * Checks a schema fixture: each line that must be flagged carries `# expect: <code> ["suggestion"]`, every
 * other line must stay clean, and a suggestion must come both as the fix's data and in the message.
 */
export async function assertSchemaFixture(fixture: string, service: SchemaService = schemaService()): Promise<void> {
  const text = readFileSync(fixture, 'utf8');
  const { document, file } = openDocument(text);
  const diagnostics = await service.validate(document, file);
  const actual = diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code}`).sort();
  const expected = expectedFindings(text).map((e) => `${e.line + 1}: ${e.code}`).sort();
  assert.deepEqual(actual, expected, diagnostics.map((d) => `${d.range.start.line + 1}: ${messageOf(d)}`).join('\n'));
  for (const diagnostic of diagnostics) {
    assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    assert.equal(diagnostic.severity, 1, 'schema violations are errors: the API server refuses them');
  }
  for (const { line, suggestion } of expectedFindings(text).filter((e) => e.suggestion)) {
    const diagnostic = diagnostics.find((d) => d.range.start.line === line);
    assert.equal((diagnostic?.data as { suggestion?: string }).suggestion, suggestion);
    assert.match(messageOf(diagnostic!), new RegExp(`Did you mean "${suggestion}"\\?`));
  }
}
