// Where a selection's formula ends before a domain over ℝ or ℝⁿ or a sentence's punctuation
// (parse/domain.ts). Each expected end is the index where the clause starts, counted by hand.
import { strict as assert } from 'node:assert';
import { latexFormulaEnd, plainFormulaEnd } from '../../src/engine/parse/domain';

/** [text, the formula before the clause] */
type Case = readonly [string, string];

function ends(end: (source: string) => number, cases: readonly Case[]): void {
  for (const [text, formula] of cases) {
    it(JSON.stringify(text), () => {
      assert.equal(text.slice(0, end(text)), formula);
    });
  }
}

describe('domain: LaTeX formulas end before a domain over all of ℝ or ℝⁿ', () => {
  ends(latexFormulaEnd, [
    ['x^2, x \\in \\mathbb{R}', 'x^2'],
    ['x^2, x \\in \\mathbb{ R }', 'x^2'],
    ['x^2, x \\in \\mathbb R', 'x^2'],
    ['x^2, x \\in\\mathbb{R}', 'x^2'],
    ['x^2, x \\in \\mathbb {R}', 'x^2'],
    ['x^2, x \\in \\mathbb  R', 'x^2'],
    ['x^2, x \\in \\R^2', 'x^2'],
    ['x^2, x \\in \\mathbb{R}^ 2', 'x^2'],
    ['x^2, \\mathbf {x} \\in \\mathbb{R}^2', 'x^2'],
    ['x^2, x \\in \\R', 'x^2'],
    ['x^2, x ∈ ℝ', 'x^2'],
    ['x^2, x \\in \\mathbb{R}^2', 'x^2'],
    ['x^2, x \\in \\mathbb{R}^{n}', 'x^2'],
    ['x^2, x \\in \\mathbb{R} ^ 3.', 'x^2'],
    ['x^2, \\mathbf{x} \\in \\mathbb{R}^2', 'x^2'],
    ['x^2, \\mathbf{ x } \\in \\mathbb{R}^2', 'x^2'],
    ['x^2, \\vec{x} \\in \\mathbb{R}^2', 'x^2'],
    ['x^2, \\boldsymbol{\\theta} \\in \\mathbb{R}^2', 'x^2'],
    ['x^2, x_1 \\in \\mathbb{R}', 'x^2'],
    ['x^2, x_{12} \\in \\mathbb{R}', 'x^2'],
    ['x^2, \\theta \\in \\mathbb{R}', 'x^2'],
    ['x^2 + y^2, xy \\in \\mathbb{R}', 'x^2 + y^2'],
    ['x^2 + y^2,\\, x, y \\in \\mathbb{R}', 'x^2 + y^2'],
    ['x^2 + y^2\\; (x, y) \\in \\mathbb{R}^2', 'x^2 + y^2'],
    ['x^2\\! \\quad x \\in \\mathbb{R}', 'x^2'],
    ['x^2 \\qquad x \\in \\mathbb{R}', 'x^2'],
    ['x^2\\ x \\in \\mathbb{R}', 'x^2'],
    ['x^2 \\text{ for all } x \\in \\mathbb{R}', 'x^2'],
    ['x^2 \\text {for} x \\in \\mathbb{R}', 'x^2'],
    ['x^2 \\quad \\forall x \\in \\mathbb{R}', 'x^2'],
    ['x^2 \\left( x \\in \\mathbb{R} \\right)', 'x^2'],
    ['x^2 \\left (x \\in \\mathbb{R}\\right)', 'x^2'],
    ['x^2 \\quad (x \\in \\mathbb{R});', 'x^2'],
    // The formula's own last name is not taken for the list when the formula would end in an operator.
    ['x^2 + y, x, y \\in \\mathbb{R}', 'x^2 + y'],
    ['x^2 \\cdot y, y \\in \\mathbb{R}', 'x^2 \\cdot y'],
  ]);
  ends(latexFormulaEnd, [
    // Not a domain over ℝ, or nothing before it: the whole text stays.
    ['x^2, x \\in [0, 1]', 'x^2, x \\in [0, 1]'],
    ['x^2, x \\in \\mathbb{Z}', 'x^2, x \\in \\mathbb{Z}'],
    ['x^2, x \\in \\Re', 'x^2, x \\in \\Re'],
    ['x^2, x \\in \\Rx', 'x^2, x \\in \\Rx'],
    ['x^2, x \\in \\mathbb{R} + 1', 'x^2, x \\in \\mathbb{R} + 1'],
    ['x \\in \\mathbb{R}', 'x \\in \\mathbb{R}'],
    [' (x \\in \\mathbb{R})', ' (x \\in \\mathbb{R})'],
    ['x^2 + \\in \\mathbb{R}', 'x^2 + \\in \\mathbb{R}'],
    ['x^2 + 2 \\in \\mathbb{R}', 'x^2 + 2 \\in \\mathbb{R}'],
    ['x^2 \\int x', 'x^2 \\int x'],
    [`x^2, x \\in \\mathbb{R}${' '.repeat(100)}`, `x^2, x \\in \\mathbb{R}${' '.repeat(100)}`],
    ['x^2', 'x^2'],
  ]);
});

describe('domain: plain formulas end before a domain over ℝ or ℝⁿ, or a trailing comma or semicolon', () => {
  ends(plainFormulaEnd, [
    ['x^2, x ∈ ℝ', 'x^2'],
    ['x^2 (x ∈ ℝ)', 'x^2'],
    ['x^2 (x∈ℝ)', 'x^2'],
    ['x^2 + y^2 (x, y ∈ ℝ²)', 'x^2 + y^2'],
    ['x^2 + y^2 where x,y ∈ ℝ^2', 'x^2 + y^2'],
    ['x^2 + y^2 with (x, y) ∈ ℝ2', 'x^2 + y^2'],
    ['x1^2 + x2^2 for x1, x2 ∈ ℝ^12', 'x1^2 + x2^2'],
    ['x^2 ∀x ∈ ℝⁿ', 'x^2'],
    ['θ^2, θ ∈ ℝ^n.', 'θ^2'],
    ['x^2, x ∈ ℝ ;', 'x^2'],
    ['x^2,', 'x^2'],
    ['x^2 ;', 'x^2'],
    ['x^2, ', 'x^2'],
    // A long formula: the punctuation is found in the last 80 characters, at its own index.
    [`${'x + '.repeat(30)}x,`, `${'x + '.repeat(30)}x`],
  ]);
  ends(plainFormulaEnd, [
    ['x^2', 'x^2'],
    [',', ','],
    ['x^2, x ∈ ℝ^x', 'x^2, x ∈ ℝ^x'],
    ['x^2, x ∈ ℤ', 'x^2, x ∈ ℤ'],
    ['x ∈ ℝ', 'x ∈ ℝ'],
    ['x^2 format x ∈ ℝ', 'x^2 format'],
    ['x, y', 'x, y'],
  ]);
});
