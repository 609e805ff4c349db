// Turns a drawn diagram into a file of its own: an SVG that looks the same outside VS Code (the
// theme's colours and fonts written into it, since the CSS variables do not travel), and a PNG
// drawn from that SVG on a canvas.

/** Presentation properties the stylesheet sets; copied as attributes into the exported SVG. */
const PRESENTATION = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
] as const;

/** Attributes that only make sense on the page (focus, ARIA state, our data attributes). */
const PAGE_ONLY_ATTRIBUTES = /^(tabindex|role|aria-.*|data-.*)$/;

export function serializeSvg(source: SVGSVGElement): string {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const target = copies[index];
    const style = getComputedStyle(original);
    for (const property of PRESENTATION) {
      const value = style.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
    for (const attribute of [...target.attributes]) {
      if (PAGE_ONLY_ATTRIBUTES.test(attribute.name)) target.removeAttribute(attribute.name);
    }
    target.removeAttribute('class');
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // The editor's background behind the drawing, so dark-theme text stays readable in any viewer.
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#ffffff');
  copy.insertBefore(background, copy.querySelector('defs'));
  return new XMLSerializer().serializeToString(copy);
}

/** The SVG as a PNG data URL, at `scale` times its size for sharp text. */
export async function svgToPngDataUrl(svgText: string, width: number, height: number, scale = 2): Promise<string> {
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this webview');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}
