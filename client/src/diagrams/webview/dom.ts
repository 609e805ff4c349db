// Building the page without HTML strings: every text goes in through text nodes, every attribute
// through setAttribute. Styles come from the stylesheet (the CSP refuses inline style attributes).
const SVG_NS = 'http://www.w3.org/2000/svg';

export type Child = Node | string | undefined | false;

function checkAttributeName(name: string): void {
  // Event handlers and inline styles never go through attributes on this page.
  if (/^on/i.test(name) || name === 'style') throw new Error(`refusing the attribute ${name}`);
}

function fill<E extends Element>(element: E, attributes: Record<string, string | number | undefined>, children: Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    checkAttributeName(name);
    element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attributes, children);
}

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | undefined> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

/** A button with a visible label; `onClick` runs for mouse, Enter and Space alike. */
export function button(label: string, onClick: () => void, attributes: Record<string, string | undefined> = {}): HTMLButtonElement {
  const element = html('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}
