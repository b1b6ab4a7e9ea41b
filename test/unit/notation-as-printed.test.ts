// Issue 10 §1–2, found on held-out formulas: notation as it is printed in papers and on web pages.
// Values worked out by hand at the points given.
import { readCases, refusedCases } from './formulaCases';

describe('notation: letters side by side in plain text multiply, as in LaTeX', () => {
  readCases([
    // Beale's function as printed: y appears only inside xy, xy², xy³. At (3, 0.5): 0 (its minimum).
    {
      text: '(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
      variables: ['x', 'y'],
      at: { x: 3, y: 0.5 },
      value: 0,
    },
    // Beale at (1, 1): 1.5² + 2.25² + 2.625² = 2.25 + 5.0625 + 6.890625.
    {
      text: '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
      variables: ['x', 'y'],
      at: { x: 1, y: 1 },
      value: 14.203125,
    },
    // Matyas: 0.26·(4 + 1) − 0.48·2 = 1.3 − 0.96.
    { text: '0.26(x^2 + y^2) - 0.48xy', variables: ['x', 'y'], at: { x: 2, y: 1 }, value: 0.34 },
    { text: '3xy^2', variables: ['x', 'y'], at: { x: 2, y: 3 }, value: 54 },
    { text: 'xyz + x^2', variables: ['x', 'y', 'z'], at: { x: 2, y: 3, z: 5 }, value: 34 },
    { text: 'x^2y', variables: ['x', 'y'], at: { x: 2, y: 3 }, value: 12 },
    { text: 'sin xy', variables: ['x', 'y'], at: { x: 0.5, y: Math.PI }, value: 1 },
    // With a left side the other letters are parameters (each 1 by default): 49 + 7 + 1.
    { text: 'f(x) = ax^2 + bx + c', variables: ['x'], parameters: ['a', 'b', 'c'], at: { x: 7 }, value: 57 },
    // Not runs: a word, a learning rate, a differential, a Greek name, a declared name.
    { text: 'loss + x', variables: ['loss', 'x'], at: { loss: 2, x: 3 }, value: 5 },
    { text: 'lr*x^2', variables: ['lr', 'x'], at: { lr: 2, x: 3 }, value: 18 },
    { text: 'x / dy', variables: ['dy', 'x'], at: { x: 3, dy: 2 }, value: 1.5 },
    { text: 'eta*x^2 + mu', variables: ['eta', 'mu', 'x'], at: { eta: 2, mu: 1, x: 3 }, value: 19 },
    { text: 'f(ab) = ab^2', variables: ['ab'], at: { ab: 3 }, value: 9 },
    // Only exactly lr and d + one letter are words: lrx, xlr and dyx are products.
    { text: 'lrx + 1', variables: ['l', 'r', 'x'], at: { l: 2, r: 3, x: 5 }, value: 31 },
    { text: 'xlr + 1', variables: ['l', 'r', 'x'], at: { l: 2, r: 3, x: 5 }, value: 31 },
    { text: 'dyx + 1', variables: ['d', 'x', 'y'], at: { d: 2, x: 3, y: 5 }, value: 31 },
    // A unit's name stays whole (a number before it is refused as a measurement), and so does a
    // run with i, which is no variable's name (it is the imaginary unit).
    { text: 'x + ft', variables: ['ft', 'x'], at: { ft: 2, x: 3 }, value: 5 },
    { text: 'ix + x', variables: ['ix', 'x'], at: { ix: 2, x: 3 }, value: 5 },
    // Python reads names as names.
    { text: 'xy**2 + x', variables: ['x', 'xy'], at: { x: 1, xy: 3 }, value: 10, notation: 'python' },
  ]);
  refusedCases([
    { text: 'Let f be convex', code: 'syntax', words: /prose/ },
    { text: '5 cm + x', code: 'not-allowed', words: /unit of measure/ },
    { text: 'foo(x)', code: 'not-allowed', words: /foo\(\.\.\.\) is not a known function/ },
    // A function's name is no run of letters: ln alone is a function without its argument.
    { text: 'ln + x', code: 'not-allowed', words: /ln is a function/ },
  ]);
});

describe('notation: a function without parentheses takes the factors up to the next function', () => {
  const c = Math.cos;
  readCases([
    // Easom's function as printed; at (π, π) it is −1·−1·−1·e⁰ = −1 (its minimum).
    {
      text: '$-\\cos x \\cos y \\exp(-((x-\\pi)^2 + (y-\\pi)^2))$',
      variables: ['x', 'y'],
      at: { x: Math.PI, y: Math.PI },
      value: -1,
    },
    // At (π, π + 1): −(−1)(cos(π + 1)) e^{−1} = cos(π + 1)/e.
    {
      text: '$-\\cos x \\cos y \\exp(-((x-\\pi)^2 + (y-\\pi)^2))$',
      variables: ['x', 'y'],
      at: { x: Math.PI, y: Math.PI + 1 },
      value: c(Math.PI + 1) / Math.E,
    },
    { text: '$\\cos y \\exp(-y)$', variables: ['y'], at: { y: 0 }, value: 1 },
    { text: '$\\sin x \\ln(y)$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: Math.E }, value: 1 },
    { text: '$\\sin x \\sqrt{y}$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 9 }, value: 3 },
    { text: '$\\sin x e^{y}$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 2 }, value: Math.E ** 2 },
    { text: '$\\log x \\log y$', variables: ['x', 'y'], at: { x: Math.E, y: Math.E ** 3 }, value: 3 },
    { text: '$\\exp x \\sin y$', variables: ['x', 'y'], at: { x: 1, y: Math.PI / 2 }, value: Math.E },
    { text: '$\\sin x |y|$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: -4 }, value: 4 },
    { text: '$\\cos x \\max(y, 0)$', variables: ['x', 'y'], at: { x: 0, y: 5 }, value: 5 },
    {
      text: '$\\sin x \\operatorname{relu}(y)$',
      variables: ['x', 'y'],
      at: { x: Math.PI / 2, y: 2 },
      value: 2,
    },
    // An explicit product sign ends the argument too.
    { text: '$\\sin x \\cdot y$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 3 }, value: 3 },
    { text: '$\\sin x \\times \\exp(y)$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 0 }, value: 1 },
    // The parser re-spaces the product's text (x \\cdot\\exp(y)): still sin(x)·e^y.
    { text: '$\\sin x \\cdot \\exp(y)$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 1 }, value: Math.E },
    // A function power: (sin x)² · e^y.
    { text: '$\\sin^2 x \\exp(y)$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 1 }, value: Math.E },
    // Kept: a product of plain factors stays the argument; parentheses keep their meaning.
    { text: '$\\sin x y$', variables: ['x', 'y'], at: { x: 0.5, y: Math.PI }, value: 1 },
    { text: '$\\sin 2x \\cos y$', variables: ['x', 'y'], at: { x: Math.PI / 4, y: 0 }, value: 1 },
    { text: '$\\cos(x \\exp(y))$', variables: ['x', 'y'], at: { x: Math.PI, y: 0 }, value: -1 },
    { text: '$\\cos\\left(x \\exp(y)\\right)$', variables: ['x', 'y'], at: { x: Math.PI, y: 0 }, value: -1 },
    // The same with a power or a base before the bracket, spaces, or other brackets: x·e^y stays inside.
    { text: '$\\sin^{2}(x \\exp(y))$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 0 }, value: 1 },
    { text: '$\\sin^2 (x \\exp(y))$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 0 }, value: 1 },
    { text: '$\\log_{2}(x \\exp(y))$', variables: ['x', 'y'], at: { x: 8, y: 0 }, value: 3 },
    { text: '$\\cos\\left[x \\exp(y)\\right]$', variables: ['x', 'y'], at: { x: Math.PI, y: 0 }, value: -1 },
    { text: '$\\cos\\bigl(x \\exp(y)\\bigr)$', variables: ['x', 'y'], at: { x: Math.PI, y: 0 }, value: -1 },
    { text: '$\\operatorname{relu}(x \\exp(y))$', variables: ['x', 'y'], at: { x: 2, y: 0 }, value: 2 },
    { text: '$\\sin(x \\exp(y))^2$', variables: ['x', 'y'], at: { x: Math.PI / 2, y: 0 }, value: 1 },
    // A function of a square-bracketed argument (the parser reads it as indexing): cos π, ln(e²)… by hand.
    { text: '$\\cos\\left[x\\right]$', variables: ['x'], at: { x: Math.PI }, value: -1 },
    { text: '$\\ln[x^2 + 1]$', variables: ['x'], at: { x: 0 }, value: 0 },
    // A root and an absolute value delimit their own arguments.
    { text: '$\\sqrt{x \\exp(y)}$', variables: ['x', 'y'], at: { x: 4, y: Math.log(4) }, value: 4 },
    { text: '$|x \\exp(y)|$', variables: ['x', 'y'], at: { x: -2, y: Math.log(3) }, value: 6 },
    // Several factors before the next function are the argument: sin(2x)·e^y.
    { text: '$\\sin 2x \\exp(y)$', variables: ['x', 'y'], at: { x: Math.PI / 4, y: 1 }, value: Math.E },
    // A power that is not of e is a plain factor: sin(x·y²) = sin(π/2).
    { text: '$\\sin x y^{2}$', variables: ['x', 'y'], at: { x: Math.PI / 8, y: 2 }, value: 1 },
    // Under a sign: −cos(1)·e, not −cos(e).
    { text: '$-\\cos y \\exp(y)$', variables: ['y'], at: { y: 1 }, value: -Math.cos(1) * Math.E },
  ]);
});

describe('notation: a domain over all of ℝ and a sentence’s punctuation are not part of the formula', () => {
  readCases([
    { text: '$f(x) = x^2, x \\in \\mathbb{R}$', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: '$f(x) = x^2 \\quad (x \\in \\mathbb{R})$', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: '$f(x)=x^2 \\quad \\forall x \\in \\mathbb{R}$', variables: ['x'], at: { x: 3 }, value: 9 },
    {
      text: '$x^2 + y^2 \\text{ for all } x, y \\in \\mathbb{R}$',
      variables: ['x', 'y'],
      at: { x: 1, y: 2 },
      value: 5,
    },
    {
      text: '$f(x, y) = x^2 + y^2, \\quad (x, y) \\in \\mathbb{R}^2.$',
      variables: ['x', 'y'],
      at: { x: 1, y: 2 },
      value: 5,
    },
    {
      text: '$f(\\mathbf{x}) = x_1^2 + x_2^2, \\mathbf{x} \\in \\mathbb{R}^2$',
      variables: ['x_1', 'x_2'],
      at: { x_1: 1, x_2: 2 },
      value: 5,
    },
    // The first y belongs to the formula: x^2 + y, then the names x, y.
    {
      text: '$f(x, y) = x^2 + y, x, y \\in \\mathbb{R}$',
      variables: ['x', 'y'],
      at: { x: 1, y: 2 },
      value: 3,
    },
    { text: 'x^2 + y^2 (x, y ∈ ℝ)', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    { text: 'x^2 + y^2 where x,y ∈ ℝ²', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    { text: 'f(x) = x^2 for x ∈ ℝ', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: 'f(x) = x^2,', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: 'x^2 + 1;', variables: ['x'], at: { x: 3 }, value: 10 },
  ]);
  refusedCases([
    { text: '$f(x) = x^2, x \\in [0, 1]$', code: 'not-allowed', words: /is a constraint/ },
    { text: '$x \\in \\mathbb{R}$', code: 'not-allowed', words: /not something a formula here can contain/ },
    { text: 'x^2; y^2', code: 'not-allowed', words: /several statements/ },
  ]);
});

describe('notation: a vector with an arrow, and a function name set as text', () => {
  readCases([
    { text: '$f(\\vec{x}) = x_1^2 + 3x_2^2$', variables: ['x_1', 'x_2'], at: { x_1: 1, x_2: 2 }, value: 13 },
    { text: '$f(\\vec x) = x_1^2 + x_2^2$', variables: ['x_1', 'x_2'], at: { x_1: 1, x_2: 2 }, value: 5 },
    {
      text: '$f(\\vec{\\theta}) = \\theta_1^2 + \\theta_2^2$',
      variables: ['theta_1', 'theta_2'],
      at: { theta_1: 1, theta_2: 2 },
      value: 5,
    },
    { text: '$\\text{ReLU}(x) + x^2$', variables: ['x'], at: { x: -2 }, value: 4 },
    { text: '$\\text{softplus}(x)$', variables: ['x'], at: { x: 0 }, value: Math.LN2 },
  ]);
  refusedCases([
    // Without components an arrow is an accent on a name, as before.
    { text: '$\\vec{w} \\cdot \\vec{x}$', code: 'not-allowed', words: /is an accent/ },
    { text: '$\\text{foo}(x)$', code: 'not-allowed', words: /Text such as "foo"/ },
  ]);
});

describe('notation: a division before a product of factors says which it means', () => {
  readCases([
    // A number over a number is a fraction: ½·x, as mathjs reads it.
    { text: '1/2 x^2 + 3/4 y^2', variables: ['x', 'y'], at: { x: 2, y: 2 }, value: 5 },
    { text: '1/2x', variables: ['x'], at: { x: 4 }, value: 2 },
    // With brackets, each reading.
    { text: '(5/π) x', variables: ['x'], at: { x: Math.PI }, value: 5 },
    { text: '5/(π x)', variables: ['x'], at: { x: 5 }, value: 1 / Math.PI },
    { text: 'x/(2y)', variables: ['x', 'y'], at: { x: 8, y: 2 }, value: 2 },
    // A letter run is one factor: x/(a·b).
    { text: 'x/ab', variables: ['a', 'b', 'x'], at: { a: 2, b: 4, x: 8 }, value: 1 },
  ]);
  refusedCases([
    // Branin's b·x² as copied from a page, 5.1/(4π²)x²: mathjs would read 5.1/(4π²·x²).
    {
      text: '5.1/(4π²)x² + y',
      code: 'not-allowed',
      words: /could mean \(5\.1 \/ \(4 pi \^ 2\)\) x \^ 2 or 5\.1 \/ \(\(4 pi \^ 2\) x \^ 2\)/,
    },
    {
      text: '5/π x',
      code: 'not-allowed',
      words: /could mean \(5 \/ pi\) x or 5 \/ \(pi x\): write the brackets/,
    },
    { text: 'x/2y', code: 'not-allowed', words: /could mean \(x \/ 2\) y or x \/ \(2 y\)/ },
  ]);
});

describe('notation: a sum without brackets takes the terms after it that use its index', () => {
  readCases([
    // Styblinski–Tang as printed; at (−2.903534, −2.903534) ≈ −78.33, so check at (1, 2) by hand:
    // (1 − 16 + 5 + 16 − 64 + 10) / 2 = −24.
    {
      text: '$\\frac{\\sum_{i=1}^{2} x_i^4 - 16x_i^2 + 5x_i}{2}$',
      variables: ['x_1', 'x_2'],
      at: { x_1: 1, x_2: 2 },
      value: -24,
    },
    // A term without the index ends the sum: 1 + 4 + 3.
    { text: '$\\sum_{i=1}^{2} x_i^2 + 3$', variables: ['x_1', 'x_2'], at: { x_1: 1, x_2: 2 }, value: 8 },
    {
      text: '$\\sum_{i=1}^{2} x_i^2 + \\lambda w^2$',
      variables: ['lambda', 'w', 'x_1', 'x_2'],
      at: { lambda: 2, w: 3, x_1: 1, x_2: 2 },
      value: 23,
    },
    // Griewank: the product binds its own i, so it stays outside the sum: 1 + 5/4000 − cos 1 · cos(2/√2).
    {
      text: '$1 + \\frac{1}{4000}\\sum_{i=1}^{2} x_i^2 - \\prod_{i=1}^{2}\\cos\\left(\\frac{x_i}{\\sqrt{i}}\\right)$',
      variables: ['x_1', 'x_2'],
      at: { x_1: 1, x_2: 2 },
      value: 1 + 5 / 4000 - Math.cos(1) * Math.cos(2 / Math.sqrt(2)),
    },
    // After a term before it, in a difference, and a second sum after the first ends (values by hand).
    {
      text: '$3 + \\sum_{i=1}^{2} x_i^2 - x_i$',
      variables: ['x_1', 'x_2'],
      at: { x_1: 2, x_2: 3 },
      value: 3 + 2 + 6,
    },
    { text: '$\\sum_{i=1}^{2} x_i^2 - x_i$', variables: ['x_1', 'x_2'], at: { x_1: 2, x_2: 3 }, value: 8 },
    {
      text: '$\\sum_{i=1}^{2} x_i + 3 + \\sum_{j=1}^{2} y_j^2 - y_j$',
      variables: ['x_1', 'x_2', 'y_1', 'y_2'],
      at: { x_1: 1, x_2: 2, y_1: 2, y_2: 3 },
      value: 3 + 3 + 2 + 6,
    },
    // Nested sums bind both indices: (1·3 + 1·4) + (2·3 + 2·4).
    {
      text: '$\\sum_{i=1}^{2}\\sum_{j=1}^{2} x_i y_j$',
      variables: ['x_1', 'x_2', 'y_1', 'y_2'],
      at: { x_1: 1, x_2: 2, y_1: 3, y_2: 4 },
      value: 21,
    },
    // x_{i+1} after the sum is the sum's: (x_1 + x_2) + (x_2 + x_3) = 1 + 2·2 + 3.
    {
      text: '$\\sum_{i=1}^{2} x_i + x_{i+1}$',
      variables: ['x_1', 'x_2', 'x_3'],
      at: { x_1: 1, x_2: 2, x_3: 3 },
      value: 8,
    },
  ]);
  refusedCases([
    // After a subtracted sum, x_i can only be a slip.
    {
      text: '$a - \\sum_{i=1}^{2} x_i + x_i$',
      code: 'not-allowed',
      words: /"x_i" uses the index i outside the sum or product over i/,
    },
    { text: '$\\prod_{i=1}^{2} x_i + x_i$', code: 'not-allowed', words: /uses the index i outside/ },
  ]);
});

describe('notation: definition signs, maps and letters copied from typeset math', () => {
  readCases([
    { text: 'f(x) := x^2 - 2x', variables: ['x'], at: { x: 3 }, value: 3 },
    { text: '$f(x) := x^2$', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: '$f(x) \\coloneqq x^2$', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: '$L(w) \\triangleq (w-1)^2$', variables: ['w'], at: { w: 3 }, value: 4 },
    { text: 'f(x) ≔ x²', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: '$f(x) \\stackrel{\\text{def}}{=} x^2$', variables: ['x'], at: { x: 3 }, value: 9 },
    // With a left side, a is a parameter (1 by default): 9 + 3.
    { text: 'f(x) := x^2 + a x', variables: ['x'], parameters: ['a'], at: { x: 3 }, value: 12 },
    { text: '$x \\mapsto x^2$', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: '$f: x \\mapsto (x-1)^2$', variables: ['x'], at: { x: 3 }, value: 4 },
    { text: '$(x, y) \\mapsto x^2 + y^2$', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    { text: '$\\theta \\mapsto \\theta^2$', variables: ['theta'], at: { theta: 3 }, value: 9 },
    { text: 'x ↦ x²', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: 'x -> x^2 - 2x', variables: ['x'], at: { x: 3 }, value: 3 },
    // Mathematical italic (U+1D465 …) and full-width letters are the letters themselves.
    { text: '𝑥^2 + 𝑦^2', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    { text: '$𝑓(𝑥) = 𝑥^2$', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: 'ｘ^2', variables: ['x'], at: { x: 3 }, value: 9 },
  ]);
  refusedCases([
    { text: '$\\nabla^2 f$', code: 'syntax', words: /"\\nabla" is the gradient operator/ },
    { text: 'x^2 -> 3', code: 'syntax', words: /missing/ },
  ]);
});
