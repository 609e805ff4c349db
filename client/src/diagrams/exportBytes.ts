// The bytes of an exported diagram file. Pure (Node only, no `vscode`) so unit tests check it.
import type { ExportFormat } from './messages';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** SVG text as a UTF-8 file with an XML declaration, or the PNG inside a data URL (refused when it is not a PNG). */
export function exportBytes(format: ExportFormat, data: string): Uint8Array {
  if (format === 'svg') return new TextEncoder().encode(data.startsWith('<?xml') ? data : `<?xml version="1.0" encoding="UTF-8"?>\n${data}`);
  const bytes = Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
  if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new Error('the exported image is not a PNG');
  return bytes;
}
