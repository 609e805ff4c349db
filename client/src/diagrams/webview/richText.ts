// The light Markdown of the diagrams' texts, built as DOM nodes (never parsed as HTML): paragraphs
// split by blank lines, `code`, **strong** and *emphasis*. Anything else stays as typed.
import { html } from './dom';

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*/g;

function inline(text: string): Node[] {
  const nodes: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) nodes.push(document.createTextNode(text.slice(last, at)));
    if (match[1] !== undefined) nodes.push(html('code', {}, match[1]));
    else if (match[2] !== undefined) nodes.push(html('strong', {}, ...inline(match[2])));
    else nodes.push(html('em', {}, ...inline(match[3])));
    last = at + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

export function richText(text: string): HTMLElement[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => html('p', {}, ...inline(paragraph.replace(/\s*\n\s*/g, ' '))));
}
