import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FUNCTION_HELPERS } from '../../src/engine/functions';
import { parseFormula } from '../../src/engine/parse';
import type { MathNode } from '../../src/engine/math';
import { FormulaError, type Formula } from '../../src/engine/types';

/** A well-formed expression over the allowed table, with its own evaluator and two renderings. */
type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'const'; readonly name: 'pi' | 'e' }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] };

const VARIABLES = ['x', 'y', 'z', 'w', 'x_1', 'x_2', 'x_10', 'theta'];
const LATEX_VARIABLES: Record<string, string> = {
  x_1: 'x_{1}',
  x_2: 'x_{2}',
  x_10: 'x_{10}',
  theta: '\\theta',
};

// Functions with a LaTeX spelling the compute engine maps back; `{}` marks where the argument goes.
const LATEX_CALLS: Record<string, string> = {
  sin: '\\sin\\left({}\\right)',
  cos: '\\cos\\left({}\\right)',
  tan: '\\tan\\left({}\\right)',
  sec: '\\sec\\left({}\\right)',
  csc: '\\csc\\left({}\\right)',
  cot: '\\cot\\left({}\\right)',
  asin: '\\arcsin\\left({}\\right)',
  acos: '\\arccos\\left({}\\right)',
  atan: '\\arctan\\left({}\\right)',
  sinh: '\\sinh\\left({}\\right)',
  cosh: '\\cosh\\left({}\\right)',
  tanh: '\\tanh\\left({}\\right)',
  exp: '\\exp\\left({}\\right)',
  log: '\\ln\\left({}\\right)',
  log10: '\\log_{10}\\left({}\\right)',
  log2: '\\log_{2}\\left({}\\right)',
  sqrt: '\\sqrt{{}}',
  cbrt: '\\sqrt[3]{{}}',
  abs: '\\left|{}\\right|',
};

const UNARY_CALLS = Object.keys(LATEX_CALLS);
const BINARY_CALLS = ['pow', 'max', 'min', 'atan2'];

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -300, max: 300 }).map((n): Expr => ({ k: 'num', v: n / 100 })),
    fc.constantFrom(...VARIABLES).map((name): Expr => ({ k: 'var', name })),
    fc.constantFrom('pi' as const, 'e' as const).map((name): Expr => ({ k: 'const', name })),
    tie('expr').map((a): Expr => ({ k: 'neg', a })),
    fc
      .record({
        op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const, '^' as const),
        a: tie('expr'),
        b: tie('expr'),
      })
      .map((r): Expr => ({ k: 'bin', ...r })),
    fc
      .record({ fn: fc.constantFrom(...UNARY_CALLS), a: tie('expr') })
      .map((r): Expr => ({ k: 'call', fn: r.fn, args: [r.a] })),
    fc
      .record({ fn: fc.constantFrom(...BINARY_CALLS), a: tie('expr'), b: tie('expr') })
      .map((r): Expr => ({ k: 'call', fn: r.fn, args: [r.a, r.b] })),
  ),
})).expr;

/** Expressions with at least one variable (a constant is refused by design). */
const withVariable = exprArb.filter((e) => variablesOf(e).size > 0);

const JS: Record<string, (...a: number[]) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  atan2: Math.atan2,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  abs: Math.abs,
  pow: Math.pow,
  max: Math.max,
  min: Math.min,
  ...FUNCTION_HELPERS,
};

function evaluate(e: Expr, at: Record<string, number>): number {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'var':
      return at[e.name];
    case 'const':
      return e.name === 'pi' ? Math.PI : Math.E;
    case 'neg':
      return -evaluate(e.a, at);
    case 'call':
      return JS[e.fn](...e.args.map((a) => evaluate(a, at)));
    case 'bin': {
      const a = evaluate(e.a, at);
      const b = evaluate(e.b, at);
      return e.op === '+'
        ? a + b
        : e.op === '-'
          ? a - b
          : e.op === '*'
            ? a * b
            : e.op === '/'
              ? a / b
              : a ** b;
    }
  }
}

function plain(e: Expr): string {
  switch (e.k) {
    case 'num':
      return e.v < 0 ? `(${e.v})` : String(e.v);
    case 'var':
    case 'const':
      return e.name;
    case 'neg':
      return `(-${plain(e.a)})`;
    case 'bin':
      return `(${plain(e.a)} ${e.op} ${plain(e.b)})`;
    case 'call':
      return `${e.fn}(${e.args.map(plain).join(', ')})`;
  }
}

function latex(e: Expr): string {
  switch (e.k) {
    case 'num':
      return e.v < 0 ? `\\left(${e.v}\\right)` : String(e.v);
    case 'var':
      return LATEX_VARIABLES[e.name] ?? e.name;
    case 'const':
      return e.name === 'pi' ? '\\pi' : 'e';
    case 'neg':
      return `\\left(-${latex(e.a)}\\right)`;
    case 'bin': {
      const a = latex(e.a);
      const b = latex(e.b);
      if (e.op === '/') return `\\frac{${a}}{${b}}`;
      if (e.op === '^') return `{\\left(${a}\\right)}^{${b}}`;
      return `\\left(${a} ${e.op === '*' ? '\\cdot' : e.op} ${b}\\right)`;
    }
    case 'call': {
      const args = e.args.map(latex);
      if (e.fn === 'pow') return `{\\left(${args[0]}\\right)}^{${args[1]}}`;
      if (e.fn === 'max' || e.fn === 'min') return `\\${e.fn}\\left(${args.join(', ')}\\right)`;
      if (e.fn === 'atan2') return `\\operatorname{atan2}\\left(${args.join(', ')}\\right)`;
      return LATEX_CALLS[e.fn].replace('{}', args[0]);
    }
  }
}

function variablesOf(e: Expr, into = new Set<string>()): Set<string> {
  if (e.k === 'var') into.add(e.name);
  if (e.k === 'neg') variablesOf(e.a, into);
  if (e.k === 'bin') [e.a, e.b].forEach((x) => variablesOf(x, into));
  if (e.k === 'call') e.args.forEach((x) => variablesOf(x, into));
  return into;
}

const POINT = { x: 0.7, y: -1.3, z: 2.1, w: 0.45, x_1: 1.1, x_2: -0.6, x_10: 3, theta: 0.25 };

/** The parsed tree's value in real JS arithmetic (mathjs itself would turn log(-1) into a complex number). */
function treeValue(f: Formula): number {
  return nodeValue(f.expression);
}

function nodeValue(node: MathNode): number {
  const n = node as MathNode & {
    value?: number;
    name?: string;
    fn?: string | MathNode;
    args?: MathNode[];
    content?: MathNode;
  };
  switch (node.type) {
    case 'ConstantNode':
      return n.value as number;
    case 'SymbolNode':
      return n.name === 'pi' ? Math.PI : n.name === 'e' ? Math.E : POINT[n.name as keyof typeof POINT];
    case 'ParenthesisNode':
      return nodeValue(n.content as MathNode);
    case 'FunctionNode':
      return JS[(n.fn as MathNode & { name: string }).name](...(n.args ?? []).map(nodeValue));
    case 'OperatorNode': {
      const [a, b] = (n.args ?? []).map(nodeValue);
      const ops: Record<string, () => number> = {
        add: () => a + b,
        subtract: () => a - b,
        multiply: () => a * b,
        divide: () => a / b,
        pow: () => a ** b,
        unaryMinus: () => -a,
        unaryPlus: () => a,
      };
      return ops[n.fn as string]();
    }
    default:
      throw new Error(`unexpected ${node.type}`);
  }
}

function same(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    return a === b || (Math.abs(a) > 1e300 && Math.abs(b) > 1e300);
  }
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Parses text and insists that nothing but a FormulaError comes out. */
function parseOrTypedError(text: string): void {
  try {
    parseFormula(text);
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    assert.ok(error.message.length > 0);
    if (error.column !== undefined) {
      assert.ok(error.column >= 1 && error.column <= text.length, `column ${error.column}`);
    }
  }
}

describe('fuzz: parseFormula on random text', () => {
  it('random strings give a Formula or a FormulaError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: 'binary' }), parseOrTypedError), {
      numRuns: 1500,
    });
  });

  it('random formula-like text gives a Formula or a FormulaError', () => {
    const token = fc.constantFrom(
      'x',
      'y',
      '2',
      '0.5',
      '1e3',
      '+',
      '-',
      '*',
      '/',
      '^',
      '**',
      '(',
      ')',
      '{',
      '}',
      '[',
      ']',
      ',',
      ';',
      '=',
      '$',
      '$$',
      '\\frac',
      '\\sqrt',
      '\\left(',
      '\\right)',
      '\\sin',
      '\\cdot',
      '_',
      'sin',
      'np.',
      'Math.',
      '.',
      ' ',
      '|',
      '!',
      "'",
      '"',
      'f(x) =',
      'lambda x:',
      '=>',
      '\\pi',
      'e',
      'pi',
      '__proto__',
      'constructor',
      'import',
      'cm',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 25 }).map((t) => t.join('')),
        parseOrTypedError,
      ),
      { numRuns: 2500 },
    );
  });
});

describe('fuzz: well-formed expressions over the allowed table', () => {
  it('parse as plain math with the right variables and value', () => {
    fc.assert(
      fc.property(withVariable, (e) => {
        const f = parseFormula(plain(e));
        assert.deepEqual(new Set(f.variables), variablesOf(e));
        assert.ok(
          same(treeValue(f), evaluate(e, POINT)),
          `${plain(e)}: ${treeValue(f)} vs ${evaluate(e, POINT)}`,
        );
      }),
      { numRuns: 800 },
    );
  });

  it('parse as LaTeX to the same value', () => {
    fc.assert(
      fc.property(withVariable, (e) => {
        const f = parseFormula(`$${latex(e)}$`);
        assert.equal(f.notation, 'latex');
        assert.deepEqual(new Set(f.variables), variablesOf(e));
        assert.ok(
          same(treeValue(f), evaluate(e, POINT)),
          `${latex(e)}: ${treeValue(f)} vs ${evaluate(e, POINT)}`,
        );
      }),
      { numRuns: 600 },
    );
  });

  it('round-trip through the printed tree', () => {
    fc.assert(
      fc.property(withVariable, fc.boolean(), (e, viaLatex) => {
        const first = parseFormula(viaLatex ? `$${latex(e)}$` : plain(e));
        const again = parseFormula(first.expression.toString());
        assert.deepEqual(again.variables, first.variables);
        assert.ok(same(treeValue(again), treeValue(first)), `${first.expression.toString()}`);
      }),
      { numRuns: 600 },
    );
  });
});
