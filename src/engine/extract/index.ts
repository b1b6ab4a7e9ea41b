// Finds the math under the cursor in document text: delimited math first, then (for code) the
// right side of an assignment or `return`. Pure and vscode-free so the CLI and tests can use it.
import { codeFormulaAt } from './code';
import { scanMathRegions } from './delimited';
import { spanOfRegion } from './rows';
import type { MathSpan } from './span';

export type { MathSpan, MathSpanKind } from './span';
export { scanMathRegions, type MathRegion } from './delimited';

/** Options for {@link findMathAt}. */
export interface FindMathOptions {
  /** Also read the right side of an assignment or `return` on the cursor's line (for code files). */
  readonly code?: boolean;
}

/** Language ids whose documents are prose with math (no assignment reading). */
export const PROSE_LANGUAGES: ReadonlySet<string> = new Set([
  'markdown',
  'latex',
  'tex',
  'bibtex',
  'plaintext',
  'restructuredtext',
  'quarto',
  'rmd',
]);

/** Whether a document of this language should be read as code when no delimited math is found. */
export function isCodeLanguage(languageId: string): boolean {
  return !PROSE_LANGUAGES.has(languageId);
}

/** The formula under `offset` in `text` (cursor on the delimiters counts), or null when there is none. */
export function findMathAt(text: string, offset: number, options: FindMathOptions = {}): MathSpan | null {
  const at = Math.max(0, Math.min(offset, text.length));
  for (const region of scanMathRegions(text)) {
    if (region.outerStart > at) break;
    if (at <= region.outerEnd) {
      const span = spanOfRegion(text, region, at);
      if (span && span.text !== '') return span;
    }
  }
  return options.code ? codeFormulaAt(text, at) : null;
}

/**
 * The formula in a selection: when the selected text is exactly one delimited math region (e.g.
 * `$f(x) = 2x^{2}$` with its dollars), its content; otherwise the text itself, trimmed.
 */
export function unwrapMath(selected: string): string {
  const text = selected.trim();
  const regions = scanMathRegions(text);
  if (regions.length === 1 && regions[0].outerStart === 0 && regions[0].outerEnd === text.length) {
    return spanOfRegion(text, regions[0], 0)?.text ?? text;
  }
  return text;
}
