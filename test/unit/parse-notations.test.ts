import { strict as assert } from 'node:assert';
import { parseFormula } from '../../src/engine/parse';
import type { Formula, Notation } from '../../src/engine/types';

/** Value of the parsed tree at a point given by variable name. */
function valueAt(formula: Formula, point: Record<string, number>): number {
  return formula.expression.compile().evaluate({ ...point }) as number;
}

interface Case {
  readonly text: string;
  readonly notation: Notation;
  readonly variables: readonly string[];
  readonly at: Record<string, number>;
  /** Hand-computed value at `at`. */
  readonly value: number;
  readonly name?: string;
}

function check(cases: readonly Case[]): void {
  for (const c of cases) {
    it(`${c.text}`, () => {
      const f = parseFormula(c.text);
      assert.equal(f.notation, c.notation);
      assert.deepEqual(f.variables, c.variables);
      assert.equal(f.name, c.name);
      assert.equal(f.source, c.text);
      const v = valueAt(f, c.at);
      assert.ok(Math.abs(v - c.value) <= 1e-12 * Math.max(1, Math.abs(c.value)), `${v} != ${c.value}`);
    });
  }
}

describe('parseFormula: plain math', () => {
  check([
    { text: 'x^2 + 3*y^2', notation: 'plain', variables: ['x', 'y'], at: { x: 2, y: 3 }, value: 31 },
    { text: '2x^2', notation: 'plain', variables: ['x'], at: { x: 3 }, value: 18 },
    {
      text: '(1-x)^2 + 100(y-x^2)^2',
      notation: 'plain',
      variables: ['x', 'y'],
      at: { x: -1.2, y: 1 },
      value: 24.2,
    },
    {
      text: 'sin(x)*cos(y)',
      notation: 'plain',
      variables: ['x', 'y'],
      at: { x: 0.5, y: 0.25 },
      value: Math.sin(0.5) * Math.cos(0.25),
    },
    { text: 'e^(-x^2)', notation: 'plain', variables: ['x'], at: { x: 1.5 }, value: Math.exp(-2.25) },
    { text: '  pi*r^2 + tau  ', notation: 'plain', variables: ['r'], at: { r: 2 }, value: 6 * Math.PI },
    {
      text: 'sin x + ln(y) + arctan(z)',
      notation: 'plain',
      variables: ['x', 'y', 'z'],
      at: { x: 1, y: 2, z: 3 },
      value: Math.sin(1) + Math.log(2) + Math.atan(3),
    },
    {
      text: 'log(x, 2) + sec(x)',
      notation: 'plain',
      variables: ['x'],
      at: { x: 8 },
      value: 3 + 1 / Math.cos(8),
    },
    {
      text: '2\u00b7x \u2212 y \u00d7 3 \u00f7 x',
      notation: 'plain',
      variables: ['x', 'y'],
      at: { x: 2, y: 4 },
      value: -2,
    },
    {
      text: 'x_10 + x_2 + x_1',
      notation: 'plain',
      variables: ['x_1', 'x_2', 'x_10'],
      at: { x_1: 1, x_2: 2, x_10: 10 },
      value: 13,
    },
  ]);
});

describe('parseFormula: definitions', () => {
  check([
    { text: 'f(x) = 2x^2', notation: 'plain', variables: ['x'], at: { x: 1 }, value: 2, name: 'f' },
    {
      text: 'L(w, b) = (w - 3)^2 + b^2',
      notation: 'plain',
      variables: ['w', 'b'],
      at: { w: 1, b: 2 },
      value: 8,
      name: 'L',
    },
    {
      text: 'g(y, x) = x - y',
      notation: 'plain',
      variables: ['y', 'x'],
      at: { x: 5, y: 2 },
      value: 3,
      name: 'g',
    },
    { text: 'y = x^2', notation: 'plain', variables: ['x'], at: { x: 4 }, value: 16 },
    {
      text: 'f(x) = a*x^2',
      notation: 'plain',
      variables: ['x'],
      at: { x: 2, a: 3 },
      value: 12,
      name: 'f',
    },
  ]);
});

describe('parseFormula: LaTeX', () => {
  check([
    { text: '$f(x) = 2x^{2}$', notation: 'latex', variables: ['x'], at: { x: 1 }, value: 2, name: 'f' },
    {
      text: '$$L(w, b) = (w-3)^2 + b^2$$',
      notation: 'latex',
      variables: ['w', 'b'],
      at: { w: 0, b: 1 },
      value: 10,
      name: 'L',
    },
    { text: '\\(x^2 + y\\)', notation: 'latex', variables: ['x', 'y'], at: { x: 3, y: 1 }, value: 10 },
    { text: '\\[ \\frac{x}{4} \\]', notation: 'latex', variables: ['x'], at: { x: 2 }, value: 0.5 },
    { text: '\\frac{a}{b}', notation: 'latex', variables: ['a', 'b'], at: { a: 3, b: 4 }, value: 0.75 },
    { text: '\\sqrt{x+1}', notation: 'latex', variables: ['x'], at: { x: 8 }, value: 3 },
    { text: '\\sqrt[3]{x}', notation: 'latex', variables: ['x'], at: { x: 27 }, value: 3 },
    { text: '\\sqrt[4]{x}', notation: 'latex', variables: ['x'], at: { x: 16 }, value: 2 },
    { text: 'e^{-x^2}', notation: 'latex', variables: ['x'], at: { x: 2 }, value: Math.exp(-4) },
    { text: '\\left( x+1 \\right)^2', notation: 'latex', variables: ['x'], at: { x: 2 }, value: 9 },
    { text: 'x \\cdot y', notation: 'latex', variables: ['x', 'y'], at: { x: 2, y: 5 }, value: 10 },
    { text: 'x \\times y', notation: 'latex', variables: ['x', 'y'], at: { x: 2, y: 7 }, value: 14 },
    {
      text: '\\sin x + \\cos(y)',
      notation: 'latex',
      variables: ['x', 'y'],
      at: { x: 1, y: 2 },
      value: Math.sin(1) + Math.cos(2),
    },
    {
      text: '\\ln x + \\exp(y)',
      notation: 'latex',
      variables: ['x', 'y'],
      at: { x: 3, y: 1 },
      value: Math.log(3) + Math.E,
    },
    { text: '\\log x', notation: 'latex', variables: ['x'], at: { x: 5 }, value: Math.log(5) },
    {
      text: '\\log_{10}(x) + \\log_2 y',
      notation: 'latex',
      variables: ['x', 'y'],
      at: { x: 1000, y: 8 },
      value: 6,
    },
    {
      text: '\\theta_0^2 + \\pi',
      notation: 'latex',
      variables: ['theta_0'],
      at: { theta_0: 2 },
      value: 4 + Math.PI,
    },
    {
      text: '\\alpha\\beta',
      notation: 'latex',
      variables: ['alpha', 'beta'],
      at: { alpha: 2, beta: 3 },
      value: 6,
    },
    {
      text: 'x_1 + x_{10} + x_{2}',
      notation: 'latex',
      variables: ['x_1', 'x_2', 'x_10'],
      at: { x_1: 1, x_2: 20, x_10: 300 },
      value: 321,
    },
    { text: '$xy$', notation: 'latex', variables: ['x', 'y'], at: { x: 3, y: 4 }, value: 12 },
    { text: '2x^{2}', notation: 'latex', variables: ['x'], at: { x: 3 }, value: 18 },
    {
      text: '$f(\\mathbf{w}) = \\mathbf{w}^2$',
      notation: 'latex',
      variables: ['w'],
      at: { w: 3 },
      value: 9,
      name: 'f',
    },
    {
      text: '$(1-x)^2 + 100(y-x^2)^2$',
      notation: 'latex',
      variables: ['x', 'y'],
      at: { x: -1.2, y: 1 },
      value: 24.2,
    },
    { text: '$|x| + \\max(x, y)$', notation: 'latex', variables: ['x', 'y'], at: { x: -2, y: 1 }, value: 3 },
    { text: '$\\frac{1}{1+e^{-x}}$', notation: 'latex', variables: ['x'], at: { x: 0 }, value: 0.5 },
    { text: '$y = x^2$', notation: 'latex', variables: ['x'], at: { x: 3 }, value: 9 },
    {
      text: '$\\operatorname{atan2}(y, x)$',
      notation: 'latex',
      variables: ['x', 'y'],
      at: { x: 1, y: 1 },
      value: Math.PI / 4,
    },
    { text: '$x(x+1)$', notation: 'latex', variables: ['x'], at: { x: 3 }, value: 12 },
    {
      text: '$-\\operatorname{atan2}(0, x)$',
      notation: 'latex',
      variables: ['x'],
      at: { x: -1 },
      value: -Math.PI,
    },
    { text: '|x| + y', notation: 'latex', variables: ['x', 'y'], at: { x: -4, y: 1 }, value: 5 },
    // In LaTeX \lambda is the Greek letter (a regularisation weight), not Python's keyword.
    {
      text: '$\\lambda x^2$',
      notation: 'latex',
      variables: ['lambda', 'x'],
      at: { lambda: 0.5, x: 2 },
      value: 2,
    },
  ]);

  it("makes every name a definition's left side does not list a parameter of value 1", () => {
    const ridge = parseFormula(
      'L(\\theta_0, \\theta_1) = \\frac{1}{2}\\left(\\theta_0 + 2\\theta_1 - 3\\right)^2 + \\frac{\\lambda}{2}\\left(\\theta_0^2 + \\theta_1^2\\right)',
    );
    assert.deepEqual(ridge.variables, ['theta_0', 'theta_1']);
    assert.deepEqual(ridge.parameters, [{ name: 'lambda', value: 1 }]);
    const quadratic = parseFormula('f(x) = a*x^2 + b');
    assert.deepEqual(quadratic.variables, ['x']);
    assert.deepEqual(quadratic.parameters, [
      { name: 'a', value: 1 },
      { name: 'b', value: 1 },
    ]);
    assert.deepEqual(
      parseFormula('f(x, y) = x^2').variables,
      ['x', 'y'],
      'a listed name the body lacks stays',
    );
    assert.deepEqual(parseFormula('f(x, y) = x^2').parameters, []);
    const bare = parseFormula('a*x^2');
    assert.deepEqual(bare.variables, ['a', 'x'], 'without a left side every name is a variable');
    assert.deepEqual(bare.parameters, []);
  });
});

describe('parseFormula: LaTeX layout that is not mathematics', () => {
  // Spacing, style switches and closing punctuation are how notes typeset formulas; they change no value.
  check([
    { text: '$\\frac{1}{2}\\,x^2$', notation: 'latex', variables: ['x'], at: { x: 4 }, value: 8 },
    { text: '$x^2\\,$', notation: 'latex', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: '$x^2 \\; + \\; y^2$', notation: 'latex', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 5 },
    { text: '$2\\,x\\!y \\quad$', notation: 'latex', variables: ['x', 'y'], at: { x: 3, y: 5 }, value: 30 },
    { text: '$\\sin\\,x$', notation: 'latex', variables: ['x'], at: { x: 1 }, value: Math.sin(1) },
    {
      text: '$\\operatorname{atan2}\\,(y, x)$',
      notation: 'latex',
      variables: ['x', 'y'],
      at: { x: 1, y: 1 },
      value: Math.PI / 4,
    },
    { text: '$\\displaystyle \\frac{x}{2}$', notation: 'latex', variables: ['x'], at: { x: 3 }, value: 1.5 },
    {
      text: '$\\textstyle x^2 + \\color{red}{y}$',
      notation: 'latex',
      variables: ['x', 'y'],
      at: { x: 3, y: 1 },
      value: 10,
    },
    { text: '$$ f(x) = x^2, $$', notation: 'latex', variables: ['x'], at: { x: 3 }, value: 9, name: 'f' },
    {
      text: '$$ L(w) = (w - 1)^2 \\,, $$',
      notation: 'latex',
      variables: ['w'],
      at: { w: 3 },
      value: 4,
      name: 'L',
    },
  ]);
});

describe('parseFormula: code', () => {
  check([
    {
      text: 'x**2 + np.sin(y)',
      notation: 'python',
      variables: ['x', 'y'],
      at: { x: 3, y: 1 },
      value: 9 + Math.sin(1),
    },
    { text: 'math.exp(-x**2)', notation: 'python', variables: ['x'], at: { x: 1 }, value: Math.exp(-1) },
    {
      text: 'np.arctan2(y, x) + numpy.power(x, 3)',
      notation: 'python',
      variables: ['x', 'y'],
      at: { x: 2, y: 0 },
      value: 8,
    },
    {
      text: '2*np.pi*r + math.e',
      notation: 'python',
      variables: ['r'],
      at: { r: 1 },
      value: 2 * Math.PI + Math.E,
    },
    { text: '1.5e-3*x**2', notation: 'python', variables: ['x'], at: { x: 10 }, value: 0.15 },
    {
      text: 'lambda x, y: x**2 + y',
      notation: 'python',
      variables: ['x', 'y'],
      at: { x: 3, y: 1 },
      value: 10,
    },
    {
      text: 'def loss(w, b): return (w - 3)**2 + b**2',
      notation: 'python',
      variables: ['w', 'b'],
      at: { w: 1, b: 1 },
      value: 5,
      name: 'loss',
    },
    {
      text: 'Math.pow(x, 2) + Math.abs(y)',
      notation: 'javascript',
      variables: ['x', 'y'],
      at: { x: 3, y: -2 },
      value: 11,
    },
    {
      text: 'Math.PI * Math.sqrt(x);',
      notation: 'javascript',
      variables: ['x'],
      at: { x: 4 },
      value: 2 * Math.PI,
    },
    {
      text: '(x, y) => x ** 2 + y',
      notation: 'javascript',
      variables: ['x', 'y'],
      at: { x: 2, y: 1 },
      value: 5,
    },
    // Whole lines as people select them: an assigned lambda or arrow function, a return statement.
    {
      text: 'f = lambda x, y: x**2 + y',
      notation: 'python',
      variables: ['x', 'y'],
      at: { x: 3, y: 1 },
      value: 10,
      name: 'f',
    },
    {
      text: 'const f = (y, x) => x ** 2 + y;',
      notation: 'javascript',
      variables: ['y', 'x'],
      at: { x: 2, y: 1 },
      value: 5,
      name: 'f',
    },
    {
      text: 'let g = x => Math.pow(x, 2);',
      notation: 'javascript',
      variables: ['x'],
      at: { x: 3 },
      value: 9,
      name: 'g',
    },
    {
      text: '    return (w - 3)**2 + b**2',
      notation: 'python',
      variables: ['b', 'w'],
      at: { w: 1, b: 1 },
      value: 5,
    },
    { text: 'return x*y + 1;', notation: 'python', variables: ['x', 'y'], at: { x: 2, y: 3 }, value: 7 },
    // max and min take any number of arguments in JavaScript, Python and mathjs alike.
    {
      text: 'Math.max(0, x, y) + Math.min(x, y, -1)',
      notation: 'javascript',
      variables: ['x', 'y'],
      at: { x: -3, y: 2 },
      value: -1,
    },
    { text: 'max(x, y, 0)**2', notation: 'python', variables: ['x', 'y'], at: { x: -3, y: -2 }, value: 0 },
  ]);
});

describe('parseFormula: Markdown selections', () => {
  check([
    {
      text: 'Suppose we have the problem of minimizing the function $f(x) = 2x^{2}$. We can',
      notation: 'latex',
      variables: ['x'],
      at: { x: 1 },
      value: 2,
      name: 'f',
    },
    { text: 'the loss $$ (w-1)^2 $$ here', notation: 'latex', variables: ['w'], at: { w: 3 }, value: 4 },
  ]);
});
