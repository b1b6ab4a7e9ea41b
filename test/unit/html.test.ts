// Issue 5: the panel's HTML must carry a strict CSP. Parses the policy out of the generated
// document and fails on unsafe-eval, unsafe-inline scripts, scripts without the nonce and `*` sources.
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, renderHtml } from '../../src/extension/panel/html';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

function render(nonce = makeNonce()): { html: string; nonce: string } {
  return {
    nonce,
    html: renderHtml({
      cspSource: CSP_SOURCE,
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
      styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
      mathStyleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/katex/katex.css',
      nonce,
    }),
  };
}

/** The CSP meta tag's directives: name -> sources. */
function parseCsp(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  assert.equal(metas.length, 1, 'exactly one CSP meta tag');
  const policy = metas[0][1].replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Checks a document; returns the problems found. */
function cspProblems(html: string): string[] {
  const problems: string[] = [];
  const csp = parseCsp(html);
  if (csp.get('default-src')?.join(' ') !== "'none'") problems.push("default-src is not 'none'");
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
  const nonces = scriptSrc.filter((s) => /^'nonce-[A-Za-z0-9+/=]+'$/.test(s)).map((s) => s.slice(7, -1));
  if (nonces.length !== 1) problems.push('script-src has no single nonce');
  for (const [name, sources] of csp) {
    for (const source of sources) {
      if (/unsafe-eval|wasm-unsafe-eval/i.test(source)) problems.push(`${name} allows eval`);
      if (
        source === '*' ||
        /^(https?:|data:|blob:)?\*$/.test(source) ||
        source === 'http:' ||
        source === 'https:'
      ) {
        problems.push(`${name} allows any source (${source})`);
      }
    }
  }
  if (
    scriptSrc.some(
      (s) => /unsafe-inline|unsafe-hashes/i.test(s) || (!s.startsWith("'nonce-") && s !== "'strict-dynamic'"),
    )
  ) {
    problems.push('script-src allows more than the nonce');
  }
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
    const nonce = /\snonce="([^"]+)"/.exec(tag)?.[1];
    if (nonce === undefined || !nonces.includes(nonce)) problems.push('a script without the nonce');
    if (!/\ssrc="/.test(tag) || !/>\s*<\/script>$/.test(tag)) problems.push('an inline script');
  }
  if (/\son[a-z]+\s*=/i.test(html)) problems.push('an inline event handler');
  return problems;
}

describe('panel HTML and its Content Security Policy', () => {
  it('passes the checks: default none, nonce-only scripts, no eval, no wildcard sources', () => {
    assert.deepEqual(cspProblems(render().html), []);
  });

  it('uses the nonce on its one script and a fresh nonce per document', () => {
    const { html, nonce } = render();
    assert.match(html, new RegExp(`<script nonce="${nonce}" src="[^"]+/dist/webview\\.js"></script>`));
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9]{16,}$/);
  });

  it('restricts styles, images and fonts to the webview source (images also data:)', () => {
    const csp = parseCsp(render().html);
    assert.deepEqual(csp.get('style-src'), [CSP_SOURCE]);
    assert.deepEqual(csp.get('img-src'), [CSP_SOURCE, 'data:']);
    assert.deepEqual(csp.get('font-src'), [CSP_SOURCE]);
  });

  it('carries no data: the document is the same shell whatever runs are shown', () => {
    assert.equal(render('n1').html, render('n1').html);
    assert.doesNotMatch(render().html, /formula|analysis/i);
  });

  it('the checker itself rejects weak policies', () => {
    const weak = (policy: string, script = '<script nonce="abc" src="x.js"></script>'): string[] =>
      cspProblems(`<meta http-equiv="Content-Security-Policy" content="${policy}">${script}`);
    assert.ok(
      weak("default-src 'none'; script-src 'nonce-abc' 'unsafe-eval'").some((p) => p.includes('eval')),
    );
    assert.ok(
      weak("default-src 'none'; script-src 'nonce-abc' 'unsafe-inline'").some((p) =>
        p.includes('more than the nonce'),
      ),
    );
    assert.ok(
      weak("default-src 'none'; script-src 'nonce-abc'; img-src *").some((p) => p.includes('any source')),
    );
    assert.ok(
      weak("default-src 'none'; script-src 'nonce-abc'", '<script src="x.js"></script>').some((p) =>
        p.includes('without the nonce'),
      ),
    );
    assert.ok(weak("default-src *; script-src 'nonce-abc'").length > 0);
    assert.ok(
      weak("default-src 'none'; script-src 'nonce-abc'", '<script nonce="abc">alert(1)</script>').some((p) =>
        p.includes('inline script'),
      ),
    );
  });

  it('escapes the attribute values it writes', () => {
    const html = renderHtml({
      cspSource: CSP_SOURCE,
      scriptUri: 'x"><script>alert(1)</script>',
      styleUri: 's.css',
      mathStyleUri: 'k.css',
      nonce: 'abc',
    });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('builds the policy string the issue asks for', () => {
    assert.equal(
      contentSecurityPolicy('SRC', 'N'),
      "default-src 'none'; script-src 'nonce-N'; style-src SRC; img-src SRC data:; font-src SRC",
    );
  });
});
