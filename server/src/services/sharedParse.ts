import { LineCounter, Parser } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
// Not yaml-language-server's public API: its parse cache and document classes, as of the exact version
// package.json pins. test/unit/sharedParse.test.ts checks that its findings stay the same either way.
import { SingleYAMLDocument, YAMLDocument, yamlDocumentsCache } from 'yaml-language-server/out/src/languageservice/parser/yaml-documents.js';
import type { ManifestDocument, ManifestFile } from '../model/manifestFile';

// yaml-language-server parses every text it checks, although we parsed it already, with the same parser
// and options (model/yamlStream.ts): a third of a check. Its parse cache, filled here with our trees for
// the snapshot about to be checked, saves that, and lets a check cover only some of a file's documents.

/** The parse cache's entries, as yaml-language-server keeps them (by URI, for one version). */
interface ParseCacheEntry {
  version: number;
  document: YAMLDocument;
  parserOptions: { customTags?: string[]; yamlVersion?: string };
}

/**
 * Makes yaml-language-server's next look at `snapshot` find `documents` of `file` as its parse of the
 * text, so its check reads our trees and skips the file's other documents. Returns false, and leaves
 * yaml-language-server to parse the text, where its parse would differ from ours: its own `!include`
 * tag, schema comments (`# yaml-language-server: $schema=…`) that it reads from the text, and anchors
 * (it finds unused ones in the parser's tokens, which our trees do not keep).
 */
export function shareParse(snapshot: TextDocument, file: ManifestFile, documents: readonly ManifestDocument[]): boolean {
  const cache = (yamlDocumentsCache as unknown as { cache?: unknown }).cache;
  if (!(cache instanceof Map) || snapshot.getText() !== file.text) return false;
  if (/!include|yaml-language-server|\$schema/.test(file.text) || MAYBE_ANCHOR.test(file.text)) return false;
  const lineCounter = lineCounterLikeLanguageServer(file.text);
  const parsed = documents.map((document) => {
    const single = new SingleYAMLDocument(lineCounter);
    single.internalDocument = document.yaml;
    return single;
  });
  const entry: ParseCacheEntry = { version: snapshot.version, document: new YAMLDocument(parsed, []), parserOptions: {} };
  (cache as Map<string, ParseCacheEntry>).set(snapshot.uri, entry);
  return true;
}

// An anchor (`&name`) starts a node: at a line's start, or after a space or a flow collection's `[`, `{` or `,`.
const MAYBE_ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/m;

/**
 * The line counter yaml-language-server's parse would build: its lines fix the length of ranges that
 * cross lines. It counts no line at all when the text's last line is blank (as most files' is), and
 * otherwise the line breaks the parser reports (none inside a multi-line scalar).
 */
function lineCounterLikeLanguageServer(text: string): LineCounter {
  const lineCounter = new LineCounter();
  const lastLine = text.slice(Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
  if (lastLine.trim() === '') return lineCounter;
  for (const token of new Parser(lineCounter.addNewLine).parse(text)) void token;
  return lineCounter;
}
