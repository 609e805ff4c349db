// The diagrams webview's page: a shell with a strict Content Security Policy that loads one script and
// one stylesheet; the script builds everything else. Pure (no `vscode`), so the browser test serves
// exactly the page the panel shows.

export interface DiagramsWebviewHtmlOptions {
  /** `webview.cspSource`: the origin the webview's own resources are served from. */
  cspSource: string;
  /** Fresh for every render: only the script and stylesheet carrying it may run or apply. */
  nonce: string;
  /** `dist/webview.js` as a webview URI. */
  scriptUri: string;
  /** `media/diagrams.css` as a webview URI. */
  styleUri: string;
}

/** Nonces as the CSP grammar allows them (base64 or base64url), long enough not to be guessed. */
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/**
 * Nothing by default; images only from the extension or data: URLs (the PNG export draws the SVG
 * through one); styles and scripts only from the extension and only with this render's nonce.
 * No 'unsafe-inline', no remote origin.
 */
export function diagramsContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ') + ';';
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function diagramsWebviewHtml(options: DiagramsWebviewHtmlOptions): string {
  if (!NONCE.test(options.nonce)) throw new Error('diagramsWebviewHtml: the nonce must be at least 16 base64 characters');
  // VS Code may give several sources ("'self' https://*.vscode-cdn.net"); none may end the directive.
  if (/[;,\r\n]/.test(options.cspSource)) throw new Error(`diagramsWebviewHtml: unexpected characters in the CSP source ${options.cspSource}`);
  const nonce = escapeAttribute(options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(diagramsContentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}" nonce="${nonce}">
<title>Kube Guide: Architecture Diagrams</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="status">Loading the diagrams…</p></main>
<script src="${escapeAttribute(options.scriptUri)}" nonce="${nonce}"></script>
</body>
</html>
`;
}
