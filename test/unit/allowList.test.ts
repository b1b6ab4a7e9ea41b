// The allow-list walk on trees built by hand as well as parsed: it is the boundary between any
// parser and generated code, so it must refuse what no parser produces today, too.
import { strict as assert } from 'node:assert';
import {
  allowListed,
  MAX_NESTING_DEPTH,
  MAX_TREE_DEPTH,
  type AllowListOptions,
} from '../../src/engine/parse/allowList';
import { nodes, parseExpression, type MathNode } from '../../src/engine/math';
import { reductionNode } from '../../src/engine/parse/reduction';
import { FormulaError, type FormulaErrorCode } from '../../src/engine/types';

const PLAIN: AllowListOptions = { proseCheck: true, codeKeywords: true, letterProducts: true };
const LATEX: AllowListOptions = { proseCheck: false, codeKeywords: false };

const num = (v: unknown): MathNode => new nodes.ConstantNode(v as number);
const sym = (name: string): MathNode => new nodes.SymbolNode(name);
const op = (o: string, fn: string, args: MathNode[], implicit = false): MathNode =>
  new nodes.OperatorNode(o as '+', fn as 'add', args, implicit);
const call = (name: string, args: MathNode[]): MathNode => new nodes.FunctionNode(sym(name), args);

function printed(root: MathNode, options = PLAIN, source = root.toString()): string {
  return allowListed(root, source, options).expression.toString();
}

function refused(
  root: MathNode,
  code: FormulaErrorCode,
  words: RegExp,
  options = PLAIN,
  source = '',
): FormulaError {
  try {
    allowListed(root, source, options);
  } catch (error) {
    assert.ok(error instanceof FormulaError, String(error));
    assert.equal(error.code, code, error.message);
    assert.match(error.message, words);
    return error;
  }
  assert.fail(`${root.toString()} was allowed`);
}

describe('allow-list: node kinds', () => {
  it('refuses every node kind but numbers, names, operators, parentheses, calls and one-item brackets', () => {
    const cases: [string, RegExp][] = [
      ['a.b', /property access or indexing/],
      ['x[1]', /property access or indexing/],
      ['[1, 2]', /a matrix or list/],
      ['[[1]]', /a matrix or list/],
      ['a = 1', /an assignment/],
      ['x ? 1 : 2', /a condition/],
      ['f(x) = x', /a function definition inside a formula/],
      ['{a: 1}', /an object/],
      ['1:3', /a range/],
      ['x < y < z', /a comparison/],
      ['a = 1; b = 2', /several statements/],
    ];
    for (const [text, words] of cases) refused(parseExpression(text), 'not-allowed', words);
    const alien = { type: 'UnitNode', toString: () => 'alien' } as unknown as MathNode;
    refused(alien, 'not-allowed', /^A formula cannot contain a UnitNode\.$/);
  });

  it('reads one-item square brackets as parentheses', () => {
    assert.equal(printed(parseExpression('[x + 1]^2')), '(x + 1) ^ 2');
  });

  it('keeps only finite numbers', () => {
    assert.equal(printed(num(2.5)), '2.5');
    refused(num(Infinity), 'not-allowed', /infinite, undefined or too large/);
    refused(num(Number.NaN), 'not-allowed', /infinite, undefined or too large/);
    refused(num(null), 'not-allowed', /infinite, undefined or too large/);
    refused(num('hi'), 'not-allowed', /^Text such as "hi" cannot be part of a formula\.$/);
    refused(num(true), 'not-allowed', /^"true" is not a number a formula can compute with\.$/);
    refused(num(undefined), 'not-allowed', /^"undefined" is not a number/);
  });
});

describe('allow-list: operators', () => {
  it('allows + − · / ^ and the signs, with their operand counts', () => {
    assert.equal(printed(op('-', 'unaryMinus', [sym('x')])), '-x');
    assert.equal(printed(op('+', 'unaryPlus', [sym('x')])), '+x');
    assert.equal(printed(op('+', 'add', [sym('x'), sym('y'), num(1)])), 'x + y + 1', 'n-ary sums');
    assert.equal(printed(op('*', 'multiply', [sym('x'), sym('y'), num(2)])), 'x * y * 2', 'n-ary products');
    refused(op('-', 'unaryMinus', [sym('x'), sym('y')]), 'syntax', /wrong number of operands/);
    refused(op('+', 'add', [sym('x')]), 'syntax', /wrong number of operands/);
    refused(op('^', 'pow', [sym('x'), sym('y'), sym('z')]), 'syntax', /wrong number of operands/);
    refused(op('/', 'divide', [sym('x')]), 'syntax', /wrong number of operands/);
    refused(
      op('%', 'mod', [sym('x'), num(2)]),
      'not-allowed',
      /^The operator "%" is not allowed in a formula\.$/,
    );
  });

  it('refuses x^T as a transpose unless T is a left-side name', () => {
    refused(parseExpression('x^T'), 'not-allowed', /"\^T" is matrix notation/);
    assert.equal(printed(parseExpression('x^T'), { ...PLAIN, declared: new Set(['T']) }), 'x ^ T');
    assert.equal(printed(parseExpression('x^S')), 'x ^ S');
  });
});

describe('allow-list: names', () => {
  it('collects variables in order of first use, constants and Greek letters by their names', () => {
    const tree = allowListed(parseExpression('b * θ_1 + a + b + pi + e + tau + λ'), '', PLAIN);
    assert.deepEqual([...tree.symbols], ['b', 'theta_1', 'a', 'lambda']);
    assert.equal(tree.expression.toString(), 'b * theta_1 + a + b + pi + e + tau + lambda');
  });

  it('refuses reserved names, and code keywords outside LaTeX', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'Infinity', 'i', 'eval']) {
      refused(sym(name), 'not-allowed', /is a reserved name/);
      refused(sym(name), 'not-allowed', /is a reserved name/, LATEX);
    }
    refused(sym('return'), 'not-allowed', /"return" is a reserved name/);
    assert.equal(printed(sym('return'), LATEX), 'return');
    // lambda is the Greek letter everywhere (a regularisation weight), not Python's keyword.
    assert.equal(printed(sym('lambda')), 'lambda');
    assert.equal(printed(sym('lambda'), LATEX), 'lambda');
    refused(sym('a b'), 'not-allowed', /^"a b" cannot be used as a variable name\.$/);
  });

  it('says a bare function name needs its argument', () => {
    refused(
      sym('sin'),
      'not-allowed',
      /^sin is a function: write it with its argument in parentheses, as in sin\(x\)\.$/,
    );
    refused(sym('ReLU'), 'not-allowed', /^ReLU is a function/);
  });
});

describe('allow-list: calls', () => {
  it('calls table functions by their own and their other names', () => {
    assert.equal(printed(call('ln', [sym('x')])), 'log(x)');
    assert.equal(printed(call('ReLU', [sym('x')])), 'relu(x)');
    assert.equal(printed(call('σ', [sym('x')])), 'sigmoid(x)');
    assert.equal(printed(call('log', [sym('x'), num(2)])), 'log(x, 2)');
    assert.equal(printed(call('logsumexp', [sym('x'), sym('y'), num(0)])), 'logsumexp(x, y, 0)');
    assert.equal(
      printed(call('max', [sym('x'), sym('y'), num(0)])),
      'max(max(x, y), 0)',
      'max folds pairwise',
    );
    assert.equal(printed(call('min', [sym('x'), sym('y')])), 'min(x, y)');
  });

  it('refuses calls of anything but a plain name, dangerous names, unknown names and wrong counts', () => {
    refused(parseExpression('a.b(x)'), 'not-allowed', /^Only functions called by their plain name/);
    for (const name of [
      'import',
      'evaluate',
      'parse',
      'compile',
      'simplify',
      'derivative',
      'createUnit',
      'config',
    ]) {
      refused(
        call(name, [sym('x')]),
        'not-allowed',
        new RegExp(`^${name}\\(\\.\\.\\.\\) is not allowed in a formula\\.$`),
      );
    }
    refused(
      call('gelu', [sym('x')]),
      'not-allowed',
      /^gelu\(\.\.\.\) is not a known function\. Known functions: sin, cos/,
    );
    refused(call('constructor', [sym('x')]), 'not-allowed', /reserved name/);
    refused(call('sin', []), 'not-allowed', /^sin cannot take 0 arguments\.$/);
    refused(call('sin', [sym('x'), sym('y')]), 'not-allowed', /^sin cannot take 2 arguments\.$/);
    refused(call('atan2', [sym('x')]), 'not-allowed', /^atan2 cannot take 1 argument\.$/);
  });

  it('reads a letter before parentheses as a product in plain text only, σ as a factor when it is declared', () => {
    assert.equal(printed(parseExpression('a(x - h)^2')), 'a * (x - h) ^ 2');
    assert.equal(printed(parseExpression('a(x + 1)')), 'a * (x + 1)');
    assert.equal(printed(parseExpression('w_1(x)')), 'w_1 * (x)');
    refused(parseExpression('a(x + 1)'), 'not-allowed', /a\(\.\.\.\) is not a known function/, {
      ...PLAIN,
      letterProducts: false,
    });
    refused(parseExpression('ab(x)'), 'not-allowed', /ab\(\.\.\.\) is not a known function/);
    refused(parseExpression('a(x, y)'), 'not-allowed', /a\(\.\.\.\) is not a known function/);
    assert.equal(printed(parseExpression('σ(x)^2')), 'sigmoid(x) ^ 2');
    assert.equal(
      printed(parseExpression('σ(x)^2'), { ...PLAIN, declared: new Set(['sigma']) }),
      'sigma * (x) ^ 2',
    );
    assert.equal(printed(parseExpression('sin(x)^2')), 'sin(x) ^ 2');
  });

  it('applies a name before a factor as a call, chains of them inward', () => {
    assert.equal(printed(parseExpression('sin x')), 'sin(x)');
    assert.equal(printed(parseExpression('sin cos x y')), 'sin(cos(x)) * y');
    assert.equal(printed(parseExpression('2 x y')), '2 x * y', 'printed implicitly only after a number');
    refused(parseExpression('5 cm'), 'not-allowed', /"cm" reads as a unit/);
    refused(parseExpression('2 mm^2'), 'not-allowed', /"mm" reads as a unit/);
    assert.equal(printed(parseExpression('2 m')), '2 m', 'one letter stays a variable');
  });
});

describe('allow-list: depth, prose and sums', () => {
  const chain = (depth: number, wrap: (u: MathNode) => MathNode): MathNode => {
    let node = sym('x');
    for (let i = 0; i < depth; i++) node = wrap(node);
    return node;
  };

  it('refuses nesting past MAX_NESTING_DEPTH, and any tree past MAX_TREE_DEPTH', () => {
    const negate = (u: MathNode): MathNode => op('-', 'unaryMinus', [u]);
    assert.doesNotThrow(() => allowListed(chain(MAX_NESTING_DEPTH, negate), '', PLAIN));
    refused(
      chain(MAX_NESTING_DEPTH + 1, negate),
      'too-long',
      new RegExp(`more than ${MAX_NESTING_DEPTH} operations deep`),
    );
    const paren = (u: MathNode): MathNode => new nodes.ParenthesisNode(u);
    refused(chain(MAX_NESTING_DEPTH + 1, paren), 'too-long', /operations deep/);
    const power = (u: MathNode): MathNode => op('^', 'pow', [sym('x'), u]);
    refused(chain(MAX_NESTING_DEPTH + 1, power), 'too-long', /operations deep/);
    const sine = (u: MathNode): MathNode => call('sin', [u]);
    refused(chain(MAX_NESTING_DEPTH + 1, sine), 'too-long', /operations deep/);
  });

  it('lets a chain of sums be as long as MAX_TREE_DEPTH, the nesting inside its terms counted apart', () => {
    const plus = (u: MathNode): MathNode => op('+', 'add', [u, sym('y')]);
    const minus = (u: MathNode): MathNode => op('-', 'subtract', [u, sym('y')]);
    assert.doesNotThrow(() => allowListed(chain(MAX_TREE_DEPTH, plus), '', PLAIN));
    assert.doesNotThrow(() => allowListed(chain(MAX_TREE_DEPTH, minus), '', PLAIN));
    refused(
      chain(MAX_TREE_DEPTH + 1, plus),
      'too-long',
      new RegExp(`more than ${MAX_TREE_DEPTH} operations deep`),
    );
    // A sum inside a product starts counting again.
    const nested = (u: MathNode): MathNode => op('*', 'multiply', [op('+', 'add', [u, sym('y')]), sym('z')]);
    refused(chain(MAX_NESTING_DEPTH, nested), 'too-long', /operations deep/);
  });

  it('refuses prose in plain text only', () => {
    refused(parseExpression('hello world'), 'syntax', /looks like prose/);
    assert.equal(printed(parseExpression('hello world'), LATEX), 'hello * world');
  });

  it('expands a reduction over its index, and counts its terms', () => {
    const body = op('^', 'pow', [op('-', 'subtract', [sym('x'), sym('i')]), num(2)]);
    const sum = reductionNode({ kind: 'sum', index: 'i', lower: num(1), upper: num(3), body });
    const tree = allowListed(sum, '', LATEX);
    assert.equal(tree.expression.toString(), '(x - 1) ^ 2 + (x - 2) ^ 2 + (x - 3) ^ 2');
    assert.deepEqual([...tree.symbols], ['x']);
    const big = reductionNode({
      kind: 'product',
      index: 'k',
      lower: num(1),
      upper: num(2000),
      body: sym('x'),
    });
    refused(big, 'too-long', /more than 1,000 terms/, LATEX);
  });
});

describe('allow-list: what mutation testing found unasserted', () => {
  const chain = (depth: number, wrap: (u: MathNode) => MathNode, inner: MathNode = sym('x')): MathNode => {
    let node = inner;
    for (let i = 0; i < depth; i++) node = wrap(node);
    return node;
  };
  const plus = (u: MathNode): MathNode => op('+', 'add', [u, sym('y')]);
  const paren = (u: MathNode): MathNode => new nodes.ParenthesisNode(u);
  const sine = (u: MathNode): MathNode => call('sin', [u]);
  const negate = (u: MathNode): MathNode => op('-', 'unaryMinus', [u]);
  // mathjs exports no constructors for these nodes: take them from parsed ones.
  type Make = new (...args: MathNode[][] | MathNode[]) => MathNode;
  const ArrayNode = parseExpression('[x]').constructor as Make;
  const ConditionalNode = parseExpression('c ? a : 1').constructor as Make;
  // `[(u)]`: a bracket around a group (a bracket right inside a bracket is a matrix).
  const bracket = (u: MathNode): MathNode => new ArrayNode([paren(u)]);
  const deep = new RegExp(`more than ${MAX_TREE_DEPTH} operations deep`);
  const nested = new RegExp(`more than ${MAX_NESTING_DEPTH} operations deep`);

  it('prints every operator it rebuilds with its own symbol', () => {
    assert.equal(printed(op('/', 'divide', [sym('x'), sym('y')])), 'x / y');
    assert.equal(printed(op('-', 'subtract', [sym('x'), sym('y')])), 'x - y');
    assert.equal(printed(op('^', 'pow', [sym('x'), num(3)])), 'x ^ 3');
    assert.equal(printed(parseExpression('x / 2 - y * 3')), 'x / 2 - y * 3');
  });

  it('refuses every dangerous call and every node kind by name, even hand-built ones no parser makes', () => {
    for (const name of ['resolve', 'reviver']) {
      refused(call(name, [sym('x')]), 'not-allowed', new RegExp(`^${name}\\(\\.\\.\\.\\) is not allowed`));
    }
    const index = (parseExpression('x[1]') as MathNode & { index: MathNode }).index;
    refused(index, 'not-allowed', /^A formula cannot contain indexing\.$/);
  });

  it('points at the refused part of the text when it can print it in 200 characters, else at nothing', () => {
    const condition = (name: string): MathNode => new ConditionalNode(sym('c'), sym(name), num(1));
    // `c ? <name> : 1` is the name's length + 8 characters.
    const at = condition('a'.repeat(192));
    assert.equal(at.toString().length, 200);
    assert.equal(refused(at, 'not-allowed', /a condition/, PLAIN, `x + ${at.toString()}`).column, 5);
    const past = condition('a'.repeat(193));
    assert.equal(
      refused(past, 'not-allowed', /a condition/, PLAIN, `x + ${past.toString()}`).column,
      undefined,
    );
    assert.equal(
      refused(condition('b'), 'not-allowed', /a condition/, PLAIN, 'no such text').column,
      undefined,
    );
    const unprintable = {
      type: 'UnitNode',
      toString: () => {
        throw new Error('cannot print');
      },
    } as unknown as MathNode;
    // Not even where the text happens to contain the word "undefined".
    assert.equal(refused(unprintable, 'not-allowed', /a UnitNode/, PLAIN, 'x + undefined').column, undefined);
  });

  it('points at "^T" for a transpose, or at the T when the text writes it otherwise', () => {
    assert.equal(refused(parseExpression('x^T'), 'not-allowed', /matrix/, PLAIN, 'x^T A x').column, 2);
    assert.equal(refused(parseExpression('x^T'), 'not-allowed', /matrix/, LATEX, 'x^{T}').column, 4);
    // T called on a group in an exponent is a letter product, not a transpose.
    assert.equal(printed(parseExpression('x^T(y)')), 'x ^ (T * (y))');
  });

  it('reads a juxtaposed product to its last factor: a trailing number multiplies, a trailing function name is refused', () => {
    assert.equal(printed(op('*', 'multiply', [sym('x'), num(2)], true)), 'x * 2');
    refused(op('*', 'multiply', [sym('x'), sym('sin')], true), 'not-allowed', /^sin is a function/);
  });

  it('reads only a plain name before parentheses as a letter product: a(1)(x)^2 is refused', () => {
    const chained = new nodes.FunctionNode(call('a', [num(1)]) as unknown as MathNode, [sym('x')]);
    refused(op('^', 'pow', [chained, num(2)]), 'not-allowed', /^Only functions called by their plain name/);
    assert.equal(printed(parseExpression('w_12(x - 1)')), 'w_12 * (x - 1)');
    assert.equal(printed(parseExpression('a_b(x + 1)')), 'a_b * (x + 1)');
  });

  it('counts each group, call and bracket as a level inside a long sum', () => {
    // The innermost term of a chain of 1000 sums sits 1000 levels down; 200 more levels fit, 201 do not.
    for (const [wrap, levels] of [
      [paren, 1],
      [sine, 1],
      [bracket, 2],
    ] as const) {
      const fits = Math.floor(200 / levels);
      assert.doesNotThrow(() => allowListed(chain(1000, plus, chain(fits, wrap)), '', PLAIN));
      refused(chain(1000, plus, chain(fits + 1, wrap)), 'too-long', deep);
    }
  });

  it('counts a chain of function names written before a factor (sin sin … x) as one level each', () => {
    const sines = (n: number): MathNode => parseExpression(`${'sin '.repeat(n)}x`);
    assert.doesNotThrow(() => allowListed(sines(MAX_NESTING_DEPTH - 1), '', PLAIN));
    refused(sines(MAX_NESTING_DEPTH), 'too-long', nested);
    assert.doesNotThrow(() => allowListed(chain(1000, plus, sines(199)), '', PLAIN));
    refused(chain(1000, plus, sines(200)), 'too-long', deep);
  });

  it('counts brackets against the nesting limit, and a term of a sum as one level of nesting', () => {
    refused(chain(126, bracket), 'too-long', nested);
    assert.doesNotThrow(() => allowListed(chain(125, bracket), '', PLAIN));
    assert.doesNotThrow(() => allowListed(chain(MAX_NESTING_DEPTH, negate), '', PLAIN));
    refused(op('+', 'add', [chain(MAX_NESTING_DEPTH, negate), num(1)]), 'too-long', nested);
    refused(op('+', 'add', [chain(MAX_NESTING_DEPTH, paren), num(1)]), 'too-long', nested);
  });
});
