import { readFileSync, statSync } from 'node:fs';

/** A file's text as the editor would show it: without a byte-order mark, which is kept aside for writing back. */
export interface SourceText {
  text: string;
  byteOrderMark: boolean;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Reads a file for checking, or says in a few words why it cannot be checked. Never throws. */
export function readSourceFile(filePath: string, maxFileSize: number): SourceText | { problem: string } {
  try {
    const size = statSync(filePath).size;
    if (size > maxFileSize) {
      return { problem: `skipped: ${formatBytes(size)} is larger than the ${formatBytes(maxFileSize)} limit (--max-file-size)` };
    }
    return decodeSource(readFileSync(filePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: `cannot be read (${code ?? String(error)})` };
  }
}

/** Decodes bytes as UTF-8 text; a NUL byte means the file is binary, not YAML. */
export function decodeSource(bytes: Buffer): SourceText | { problem: string } {
  if (bytes.includes(0)) return { problem: 'skipped: a binary file (it contains NUL bytes), not YAML' };
  const text = bytes.toString('utf8');
  return text.startsWith(BYTE_ORDER_MARK) ? { text: text.slice(1), byteOrderMark: true } : { text, byteOrderMark: false };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
