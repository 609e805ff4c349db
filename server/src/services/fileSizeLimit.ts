import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './diagnosticCodes';

// Parsing, the rules and the schema check cost about 1.5 s per MB on one core, and the server does one
// thing at a time: a 10 MB file would hold every hover and completion back for a minute and take a gigabyte.
// The API server itself refuses objects over about 1.5 MB, so real manifest files stay well below this.

/** The default of `kubeGuide.maxFileSize`, in MB. */
export const DEFAULT_MAX_FILE_SIZE_MB = 1;

/** The code of the one diagnostic an oversized manifest gets. */
export const FILE_TOO_LARGE_CODE = 'file-too-large';

export interface OversizedFile {
  sizeMb: number;
  limitMb: number;
}

const BYTES_PER_MB = 1024 * 1024;

/** `kubeGuide.maxFileSize` from the settings section: a number of MB, 0 for no limit; the default otherwise. */
export function readMaxFileSizeMb(section: unknown): number {
  const value = (section as { maxFileSize?: unknown } | null | undefined)?.maxFileSize;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_MAX_FILE_SIZE_MB;
}

// Cheap signs of a Kubernetes object, found without parsing: a too-large file of other YAML stays left alone.
const API_VERSION_KEY = /(?:^|[\s{,])["']?apiVersion["']?[ \t]*:/m;
const KIND_KEY = /(?:^|[\s{,])["']?kind["']?[ \t]*:/m;

/**
 * The file's size against the limit when it is too large to check and looks like a manifest; undefined
 * when it may be checked (or is not ours). Linear in the text, and never parses it.
 */
export function oversizedManifest(text: string, limitMb: number): OversizedFile | undefined {
  if (limitMb <= 0 || text.length <= limitMb * BYTES_PER_MB / 3) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limitMb * BYTES_PER_MB) return undefined;
  if (!API_VERSION_KEY.test(text) || !KIND_KEY.test(text)) return undefined;
  return { sizeMb: bytes / BYTES_PER_MB, limitMb };
}

const formatMb = (mb: number): string => (mb >= 10 ? mb.toFixed(0) : mb.toFixed(1).replace(/\.0$/, ''));

/** The one-line notice on the first line of an oversized manifest, instead of every other diagnostic. */
export function fileTooLargeDiagnostic({ sizeMb, limitMb }: OversizedFile): Diagnostic {
  const message = `File too large to check (${formatMb(sizeMb)} MB > ${formatMb(limitMb)} MB limit): raise kubeGuide.maxFileSize to check it.`;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return Diagnostic.create(range, message, DiagnosticSeverity.Warning, FILE_TOO_LARGE_CODE, DIAGNOSTIC_SOURCE);
}
