// Formulas typeset with KaTeX. The LaTeX comes from the host, built from the allow-listed tree
// (src/engine/tex.ts), never from the person's text; KaTeX still runs untrusted (no \href, no
// \htmlClass) and draws what it cannot read in red rather than throw. The plain text stays on the
// element (data-plain) and in the MathML that screen readers read.
import katex from 'katex';
import { h } from './dom';

/** A typeset formula in a span; `plain` is its text for copying, tests and a failed typesetting. */
export function math(tex: string, plain: string, attrs: Record<string, string> = {}): HTMLElement {
  const el = h('span', { ...attrs, class: 'math-tex', 'data-plain': plain });
  try {
    // render (not renderToString) sets KaTeX's styles through the DOM, which the panel's CSP allows.
    katex.render(tex, el, { throwOnError: false, output: 'htmlAndMathml', trust: false, strict: 'ignore' });
  } catch {
    el.textContent = plain;
  }
  return el;
}
