import { strict as assert } from 'node:assert';
import { naturalCompare } from '../../src/engine/parse/variables';
import { parseFormula } from '../../src/engine/parse';
import { FormulaError, type FormulaErrorCode } from '../../src/engine/types';

/** Asserts that `text` is refused with `code`, a message matching `words`, and `column` when given. */
function refused(text: string, code: FormulaErrorCode, words: RegExp, column?: number): void {
  let caught: unknown;
  try {
    parseFormula(text);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof FormulaError, `${text}: expected a FormulaError, got ${String(caught)}`);
  assert.equal(caught.code, code, `${text}: ${caught.message}`);
  assert.match(caught.message, words);
  if (column !== undefined) assert.equal(caught.column, column, `${text}: column`);
}

describe('parseFormula: refusals', () => {
  it('refuses empty selections', () => {
    refused('', 'empty', /empty/);
    refused('   \n ', 'empty', /empty/);
    refused('$$  $$', 'empty', /no formula/);
  });

  it('refuses mathjs code constructs outside the allow-list', () => {
    refused('x.constructor', 'not-allowed', /property access/);
    refused('x["a"] + 1', 'not-allowed', /property access/);
    refused('[1, 2] * x', 'not-allowed', /matrix/);
    refused('{a: x}', 'not-allowed', /object/);
    refused('"hi" + x', 'not-allowed', /Text/, 2);
    refused('x > 1 ? x : 2', 'not-allowed', /condition/);
    refused('x < 2', 'not-allowed', /operator "<"/);
    refused('1:3', 'not-allowed', /range/);
    refused('x!', 'not-allowed', /operator "!"/);
    refused('x mod 3', 'not-allowed', /operator "mod"/);
    refused('x[1] = 2', 'not-allowed', /Assigning/);
    refused('a = 1; a + x', 'not-allowed', /several statements/);
    refused('x\ny', 'not-allowed', /several statements/);
  });

  it('refuses the functions that reach into mathjs', () => {
    for (const name of [
      'import',
      'createUnit',
      'evaluate',
      'parse',
      'simplify',
      'derivative',
      'resolve',
      'compile',
    ]) {
      refused(`${name}("x") + x`, 'not-allowed', new RegExp(`${name}\\(\\.\\.\\.\\) is not allowed`), 1);
    }
    refused('foo(x)', 'not-allowed', /not a known function/, 1);
    refused('sin(x, y)', 'not-allowed', /cannot take 2 arguments/);
    refused('x + sin', 'not-allowed', /sin is a function/, 5);
  });

  it('refuses names of object properties and reserved words', () => {
    refused('__proto__ + x', 'not-allowed', /reserved/, 1);
    refused('constructor^2', 'not-allowed', /reserved/, 1);
    refused('x + prototype', 'not-allowed', /reserved/, 5);
    refused('f(__proto__, x) = x', 'not-allowed', /reserved/);
    refused('hasOwnProperty * x', 'not-allowed', /reserved/);
    refused('Infinity * x', 'not-allowed', /infinite/);
    refused('NaN + x', 'not-allowed', /infinite/);
    // Code keywords are refused in code and plain text, where `return x` is a statement.
    refused('import * x^2', 'not-allowed', /reserved/, 1);
    refused('f(return) = return^2', 'not-allowed', /reserved/);
  });

  it('reads lambda as the Greek letter in plain text and code: a parameter beside w', () => {
    const formula = parseFormula('L(w) = (w - 3)^2 + lambda w^2');
    assert.deepEqual(formula.variables, ['w']);
    assert.deepEqual(
      formula.parameters.map((p) => p.name),
      ['lambda'],
    );
    assert.deepEqual(parseFormula('(w - 3)**2 + lambda * w**2').variables, ['lambda', 'w']);
  });

  it('refuses units, huge numbers, prose and constants', () => {
    refused('5 cm + x', 'not-allowed', /unit/, 3);
    refused('1e400 * x', 'not-allowed', /too large/);
    refused('$10^{400} + 1e999 x$', 'not-allowed', /too large/);
    refused('hello world', 'syntax', /prose/);
    refused('3 + 4', 'no-variable', /no variable/);
    refused('e^pi', 'no-variable', /constant/);
    refused('$\\pi^2$', 'no-variable', /no variable/);
  });

  it('reports syntax errors at their column', () => {
    refused('x^2 +', 'syntax', /stops too early after "\+"/, 5);
    refused('(x + 1', 'syntax', /The \( at column 1 is never closed/, 1);
    refused('$x^{$', 'syntax', /never closed/, 4);
    refused('$\\foo x$', 'syntax', /\\foo/, 2);
    refused('$a$ and $b$', 'syntax', /2 formulas/, 9);
    refused('cost $x^2 here', 'syntax', /never closed/, 6);
    // Prices, not math: pandoc's rules, the same the editor's math finder uses.
    refused('It costs $5 and $10 today', 'syntax', /never closed/, 10);
  });

  it('refuses LaTeX constructs with no place in a formula', () => {
    refused('$\\frac{dL}{dw}$', 'not-allowed', /derivative/);
    refused('$\\sum_{i=2}^n x_i$', 'not-allowed', /needs numbers as its bounds/);
    refused('$x^2 + y^2 = 1$', 'not-allowed', /equation/);
    refused('$f(x) = g(x) = x$', 'not-allowed', /several equals/);
    refused('$\\text{loss} + x$', 'not-allowed', /Text/);
    refused('$\\begin{cases} x \\end{cases}$', 'not-allowed', /case distinction/);
    refused('$\\begin{tabular} x \\end{tabular}$', 'syntax', /environment/);
    refused('$\\,$', 'syntax', /only spacing/, 2);
    refused('$x^2, y^2$', 'not-allowed', /list of values/);
  });

  it('calls an equation an equation in every notation, at its equals sign', () => {
    refused('x^2 + y^2 = z', 'not-allowed', /This is an equation/, 11);
    refused('2x^2 + 3x + 1 = 0', 'not-allowed', /This is an equation/, 15);
    refused('x**2 + y**2 = z', 'not-allowed', /This is an equation/, 13);
    refused('$x^2 + y = 1$', 'not-allowed', /This is an equation/);
  });

  it('refuses what the seed notes hold besides formulas', () => {
    refused('$f(\\mathbf{w})$', 'not-allowed', /without defining it/, 2);
    refused('$t = t + 1$', 'not-allowed', /update rule/);
    refused('w = w - 0.1*w', 'not-allowed', /update rule/);
    refused('$\\nabla f(\\mathbf{w}_t)$', 'syntax', /\\nabla/, 2);
    refused(
      '$$\\theta_n = \\theta_{n-1} - \\alpha \\frac{d}{d\\theta} f(\\theta_{n-1})$$',
      'not-allowed',
      /is a step of an update rule, not a function to minimize: select the function it descends on/,
    );
    refused('$||\\mathbf{w}_{t+1} - \\mathbf{w}_t||$', 'not-allowed', /norm|subscript/);
    refused('$10^{-3}$', 'no-variable', /no variable/);
  });

  it('says so when a code header has no formula after it', () => {
    refused('return', 'syntax', /^Nothing follows "return": select the formula it returns as well\.$/, 6);
    refused('def f(x):', 'syntax', /Nothing follows "def f\(x\):"/, 9);
    refused('g = lambda x: ;', 'syntax', /Nothing follows "g = lambda x:"/);
  });

  it('refuses unknown module members in code', () => {
    refused('np.foo(x) + x**2', 'not-allowed', /np\.foo/, 1);
    refused('Math.random() * x', 'not-allowed', /Math\.random/, 1);
  });

  it('enforces the length, variable and nesting limits', () => {
    refused(`x + ${'1+'.repeat(6000)}1`, 'too-long', /10000 characters/);
    refused(`${'('.repeat(1000)}x${')'.repeat(1000)}`, 'too-long', /nested/, 101);
    const many = Array.from({ length: 1001 }, (_, i) => `x_${i}`).join('+');
    refused(many, 'too-many-variables', /1001 variables/);
  });
});

describe('parseFormula: limits', () => {
  it('accepts custom limits', () => {
    assert.throws(
      () => parseFormula('x^2 + y^2', { maxLength: 5 }),
      (e: unknown) => e instanceof FormulaError && e.code === 'too-long',
    );
    assert.throws(
      () => parseFormula('x + y + z', { maxVariables: 2 }),
      (e: unknown) => e instanceof FormulaError && e.code === 'too-many-variables',
    );
    assert.deepEqual(parseFormula('x + y', { maxVariables: 2 }).variables, ['x', 'y']);
  });

  it('accepts 1,000 variables in natural order', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `x_${1000 - i}`).join(' + ');
    const f = parseFormula(text);
    assert.equal(f.variables.length, 1000);
    assert.equal(f.variables[0], 'x_1');
    assert.equal(f.variables[9], 'x_10');
    assert.equal(f.variables[999], 'x_1000');
  });
});

describe('naturalCompare', () => {
  it('orders digit runs by value', () => {
    const names = ['x_10', 'x_2', 'y', 'x_1', 'x', 'a_02', 'a_1', 'x_100000000000000000001', 'x_9'];
    assert.deepEqual([...names].sort(naturalCompare), [
      'a_1',
      'a_02',
      'x',
      'x_1',
      'x_2',
      'x_9',
      'x_10',
      'x_100000000000000000001',
      'y',
    ]);
  });
});
