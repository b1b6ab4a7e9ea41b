// The panel's HTML shell: a strict, nonce'd Content Security Policy, the bundled script and the
// stylesheet, and no data at all (the webview asks for its state with a `ready` message).
import { randomBytes } from 'node:crypto';

/** What the HTML needs from the webview: its CSP source and the asset URIs (from asWebviewUri). */
export interface HtmlParts {
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** KaTeX's stylesheet (dist/katex/katex.css), which loads its fonts beside it. */
  readonly mathStyleUri: string;
  readonly nonce: string;
}

/** A fresh random nonce for one HTML document. */
export function makeNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** The Content-Security-Policy value for a document with this nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The complete HTML document of the panel. */
export function renderHtml(parts: HtmlParts): string {
  const csp = contentSecurityPolicy(parts.cspSource, parts.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.mathStyleUri)}">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>Gradient Descent</title>
</head>
<body>
<main id="app" data-testid="app"></main>
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>
`;
}
