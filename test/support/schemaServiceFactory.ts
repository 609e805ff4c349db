import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'yaml-language-server';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { loadKubernetesSchema } from '../../server/src/schema/kubernetesSchema';
import { createSchemaService, type SchemaService } from '../../server/src/services/schemaService';

let shared: SchemaService | undefined;

/** One schema service for a whole test run: loading the schema takes a few hundred milliseconds. */
export function schemaService(): SchemaService {
  shared ??= createSchemaService(loadKubernetesSchema());
  return shared;
}

/** A text as an open editor document, with its parsed model. */
export function openDocument(text: string, uri = 'file:///workspace/manifest.yaml') {
  const document = TextDocument.create(uri, 'yaml', 1, text);
  return { document, file: parseManifestFile(text) };
}

/** A diagnostic's message as plain text (LSP 3.18 also allows Markdown there). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
