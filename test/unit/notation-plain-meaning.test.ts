// Issue 10 §2: notation whose meaning is plain and that used to be refused. Values by hand.
import { strict as assert } from 'node:assert';
import { parseFormula } from '../../src/engine/parse';
import { MAX_REDUCTION_TERMS } from '../../src/engine/parse/reduction';
import { readCases, refusedCases } from './formulaCases';

describe('notation: brackets of every kind group', () => {
  readCases([
    { text: '$\\left[ x + 1 \\right]^2$', variables: ['x'], at: { x: 2 }, value: 9 },
    { text: '$[x+1]^2$', variables: ['x'], at: { x: 2 }, value: 9 },
    { text: '[x + 1]^2 + [y]', variables: ['x', 'y'], at: { x: 2, y: 1 }, value: 10 },
    { text: '$\\{x+1\\}^2$', variables: ['x'], at: { x: 1 }, value: 4 },
    { text: '$\\max\\{x, y\\}$', variables: ['x', 'y'], at: { x: 1, y: 3 }, value: 3 },
    { text: '$\\min\\{x, y, 2\\}$', variables: ['x', 'y'], at: { x: 5, y: 3 }, value: 2 },
    { text: '$\\max\\left(0, 1 - x\\right)$', variables: ['x'], at: { x: -1 }, value: 2 },
    {
      // Goldstein–Price, as it is printed: square brackets around the factors.
      text: '$\\left[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\right]\\left[30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\right]$',
      variables: ['x', 'y'],
      at: { x: 0, y: -1 },
      value: 3,
    },
    { text: '[(x - 1)^2 + 1] * [y^2 + 1]', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
  ]);
  refusedCases([
    { text: '[x, y] * 2', code: 'not-allowed', words: /matrix or list/ },
    { text: '$[x, y]$', code: 'not-allowed', words: /list of values/ },
  ]);
});

describe('notation: a letter before parentheses multiplies them, as in the vertex form a(x − h)² + k', () => {
  readCases([
    {
      text: 'f(x) = a(x - h)^2 + k',
      variables: ['x'],
      parameters: ['a', 'h', 'k'],
      at: { x: 3, a: 2, h: 1, k: 5 },
      value: 13,
    },
    { text: 'a(x-1)^2 + k', variables: ['a', 'k', 'x'], at: { a: 2, k: 1, x: 3 }, value: 9 },
    { text: '2a(x - b)^2', variables: ['a', 'b', 'x'], at: { a: 1, b: 1, x: 4 }, value: 18 },
    { text: '-c(x + 1)', variables: ['c', 'x'], at: { c: 2, x: 1 }, value: -4 },
    { text: 'w_1(x - 2)', variables: ['w_1', 'x'], at: { w_1: 3, x: 4 }, value: 6 },
  ]);
  refusedCases([
    { text: 'theta(x) + 1', code: 'not-allowed', words: /^theta\(\.\.\.\) is not a known function/ },
    { text: 'a(x, y)', code: 'not-allowed', words: /^a\(\.\.\.\) is not a known function/ },
    { text: 'lambda x: a(x)', code: 'not-allowed', words: /^a\(\.\.\.\) is not a known function/ },
  ]);
});

describe('notation: formulas wrapped over lines, and CRLF line ends', () => {
  readCases([
    { text: 'f(x) = x^2 +\n  3x', variables: ['x'], at: { x: 1 }, value: 4 },
    { text: 'x^2\n+ y^2', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    { text: 'x^2 +\r\n y^2', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    { text: '(x +\ny)^2', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 9 },
    { text: 'f(x) = x^2\r\n', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: 'def f(x):\r\n    return x**2', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: 'return (x**2 +\n        y**2)', variables: ['x', 'y'], at: { x: 1, y: 1 }, value: 2 },
    { text: 'x**2 + \\\n  y**2', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    {
      text: '$$\\begin{aligned} f(x, y) &= x^2 \\\\ &\\quad + y^2 \\end{aligned}$$',
      variables: ['x', 'y'],
      at: { x: 1, y: 2 },
      value: 5,
    },
    { text: '$$f(x) = x^2\r\n  + 1$$', variables: ['x'], at: { x: 2 }, value: 5 },
    { text: '$\\begin{equation} x^2 \\end{equation}$', variables: ['x'], at: { x: 3 }, value: 9 },
  ]);
  refusedCases([
    { text: 'x^2\ny^2', code: 'not-allowed', words: /several statements/ },
    { text: '$x^2 \\\\ y^2$', code: 'syntax', words: /line break/ },
  ]);
});

describe('notation: math copied from rendered pages', () => {
  readCases([
    { text: 'x²+y³', variables: ['x', 'y'], at: { x: 2, y: 2 }, value: 12 },
    { text: 'x⁻¹ + x', variables: ['x'], at: { x: 2 }, value: 2.5 },
    { text: '(x+1)²', variables: ['x'], at: { x: 2 }, value: 9 },
    { text: 'x₁² + x₂²', variables: ['x_1', 'x_2'], at: { x_1: 1, x_2: 2 }, value: 5 },
    { text: '√x + ½x', variables: ['x'], at: { x: 4 }, value: 4 },
    { text: '√(x+1)', variables: ['x'], at: { x: 8 }, value: 3 },
    { text: '∛x', variables: ['x'], at: { x: 27 }, value: 3 },
    { text: '¼x² + ¾', variables: ['x'], at: { x: 2 }, value: 1.75 },
    { text: 'x·y∗z', variables: ['x', 'y', 'z'], at: { x: 2, y: 3, z: 4 }, value: 24 },
    { text: '2 − x', variables: ['x'], at: { x: 5 }, value: -3 },
    { text: 'x × y ÷ 2', variables: ['x', 'y'], at: { x: 3, y: 4 }, value: 6 },
    { text: 'x\u00a0+\u2009y\u202f*\u00a02', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    { text: '$x \\cdot y \u2217 z$', variables: ['x', 'y', 'z'], at: { x: 2, y: 3, z: 4 }, value: 24 },
    { text: '$x\u00a0+\u2009y$', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 3 },
    { text: '$2 \\ast x$', variables: ['x'], at: { x: 3 }, value: 6 },
  ]);
});

describe('notation: sums and products with numeric bounds', () => {
  readCases([
    { text: '$\\sum_{i=1}^{4} (x - i)^2$', variables: ['x'], at: { x: 0 }, value: 30 },
    {
      text: '$\\sum_{j=1}^{3} w_j^2$',
      variables: ['w_1', 'w_2', 'w_3'],
      at: { w_1: 1, w_2: 2, w_3: 3 },
      value: 14,
    },
    { text: '$\\prod_{i=1}^{3} (x+i)$', variables: ['x'], at: { x: 0 }, value: 6 },
    { text: '$\\sum_{k=0}^{2} k x^k$', variables: ['x'], at: { x: 2 }, value: 10 },
    {
      text: '$\\sum\\limits_{i=1}^{3} x_i$',
      variables: ['x_1', 'x_2', 'x_3'],
      at: { x_1: 1, x_2: 2, x_3: 3 },
      value: 6,
    },
    {
      text: '$\\sum_{i=1}^{3} x_{i+1}^2$',
      variables: ['x_2', 'x_3', 'x_4'],
      at: { x_2: 1, x_3: 1, x_4: 2 },
      value: 6,
    },
    {
      text: '$\\sum_{i=1}^{2} (x_{2i} - x_{2i-1})^2$',
      variables: ['x_1', 'x_2', 'x_3', 'x_4'],
      at: { x_1: 0, x_2: 1, x_3: 0, x_4: 2 },
      value: 5,
    },
    {
      text: '$\\sum_{i=1}^{3}\\sum_{j=1}^{i} x_{j}$',
      variables: ['x_1', 'x_2', 'x_3'],
      at: { x_1: 1, x_2: 10, x_3: 100 },
      value: 123,
    },
    {
      text: '$\\sum_{i=1}^{2}\\sum_{j=1}^{2} w_{i,j}^2$',
      variables: ['w_1_1', 'w_1_2', 'w_2_1', 'w_2_2'],
      at: { w_1_1: 1, w_1_2: 1, w_2_1: 1, w_2_2: 2 },
      value: 7,
    },
    {
      text: '$\\sum_{i=1}^{2}\\sum_{j=1}^{2} x_{ij}$',
      variables: ['x_1_1', 'x_1_2', 'x_2_1', 'x_2_2'],
      at: { x_1_1: 1, x_1_2: 2, x_2_1: 3, x_2_2: 4 },
      value: 10,
    },
    {
      text: '$\\sum_{i=1}^{3} x_{i}y_{i}$',
      variables: ['x_1', 'x_2', 'x_3', 'y_1', 'y_2', 'y_3'],
      at: { x_1: 1, x_2: 2, x_3: 3, y_1: 1, y_2: 1, y_3: 1 },
      value: 6,
    },
    {
      text: '$\\log\\left(\\sum_{i=1}^{2} e^{x_i}\\right)$',
      variables: ['x_1', 'x_2'],
      at: { x_1: 0, x_2: 0 },
      value: Math.LN2,
    },
    {
      text: '$f(\\mathbf{w}) = \\sum_{j=1}^{3} (w_j - j)^2$',
      variables: ['w_1', 'w_2', 'w_3'],
      at: { w_1: 1, w_2: 2, w_3: 0 },
      value: 9,
    },
    { text: '$\\sum_{i=1}^{3} x_{n}$', variables: ['x_n'], at: { x_n: 2 }, value: 6 },
    { text: '$x + \\sum_{i=1}^{0} x^i$', variables: ['x'], at: { x: 5 }, value: 5 },
    { text: '$x \\prod_{i=1}^{0} x^i$', variables: ['x'], at: { x: 5 }, value: 5 },
  ]);
  refusedCases([
    // Up to a name it is a sum over a data set (issue 13), which needs a variable to fit.
    { text: '$\\sum_{i=1}^{n} x_i$', code: 'not-allowed', words: /sum over the data has nothing to fit/ },
    { text: '$\\sum_{i=2}^{n} x_i$', code: 'not-allowed', words: /needs numbers as its bounds/ },
    { text: '$\\sum_i x_i$', code: 'not-allowed', words: /needs an index and numeric bounds/ },
    { text: '$\\prod_{k} x_k$', code: 'not-allowed', words: /needs an index and numeric bounds/ },
    { text: '$\\sum_{i=1}^{2.5} x$', code: 'not-allowed', words: /needs numbers as its bounds/ },
    { text: '$\\sum_{i=1}^{2000} x$', code: 'too-long', words: /more than 1,000 terms/ },
    { text: '$x_{n-1}^2$', code: 'not-allowed', words: /subscript that is not a name or a number/ },
  ]);

  it('keeps a sum as a sum over its index until it expands', () => {
    const formula = parseFormula('$\\sum_{i=1}^{3} (x - i)^2$');
    assert.equal(formula.expression.toString(), '(x - 1) ^ 2 + (x - 2) ^ 2 + (x - 3) ^ 2');
  });

  it('counts the terms of all sums of a formula together', () => {
    const half = MAX_REDUCTION_TERMS / 2;
    parseFormula(`$\\sum_{i=1}^{${half}} x + \\sum_{i=1}^{${half}} x$`);
    assert.throws(
      () => parseFormula(`$\\sum_{i=1}^{${half}} x + \\sum_{i=1}^{${half + 1}} x$`),
      /1,000 terms/,
    );
  });
});
