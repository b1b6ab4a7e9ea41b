// Python source from an allow-listed mathjs tree: f and its derivative trees as torch or NumPy
// expressions. Only node kinds of the allow-list are printed: numbers formatted from numbers,
// variables as identifiers chosen here, and functions and operators from fixed tables; constant
// subtrees are folded with the engine's own implementations, as its compiler folds them.
import { lookupFunction } from '../compile/functionTable';
import { CONSTANTS } from '../functions';
import type { MathNode } from '../math';
import { FormulaError } from '../types';
import { numpySlope } from './slopes';

/** Which library the expression calls. */
export type Flavour = 'torch' | 'numpy';

/** Folded tree: a number, a variable slot, or an operation on folded children. */
type Folded =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly index: number }
  | {
      readonly kind: 'op';
      readonly op: '+' | '-' | '*' | '/' | '**';
      readonly args: readonly [Folded, Folded];
    }
  | { readonly kind: 'neg'; readonly arg: Folded }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Folded[] };

const OPERATORS: Readonly<Record<string, '+' | '-' | '*' | '/' | '**'>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '**',
};

function evaluate(op: '+' | '-' | '*' | '/' | '**', a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '**':
      return Math.pow(a, b);
  }
}

/** a op b with the compiler's exact identities (0·u, 1·u, u ± 0, u^1, u^0) and constant folding. */
function operate(op: '+' | '-' | '*' | '/' | '**', a: Folded, b: Folded): Folded {
  const ca = a.kind === 'number' ? a.value : undefined;
  const cb = b.kind === 'number' ? b.value : undefined;
  if (ca !== undefined && cb !== undefined) return { kind: 'number', value: evaluate(op, ca, cb) };
  if (op === '+' && ca === 0) return b;
  if ((op === '+' || op === '-') && cb === 0) return a;
  if (op === '-' && ca === 0) return negate(b);
  if (op === '*' && (ca === 0 || cb === 0)) return { kind: 'number', value: 0 };
  if (op === '*' && ca === 1) return b;
  if (op === '*' && ca === -1) return negate(b);
  if (op === '*' && cb === -1) return negate(a);
  if ((op === '*' || op === '/' || op === '**') && cb === 1) return a;
  if (op === '**' && cb === 0) return { kind: 'number', value: 1 };
  return { kind: 'op', op, args: [a, b] };
}

function negate(a: Folded): Folded {
  if (a.kind === 'number') return { kind: 'number', value: -a.value };
  return a.kind === 'neg' ? a.arg : { kind: 'neg', arg: a };
}

/** Folds an allow-listed tree; `slots` maps variable names to their index. */
export function fold(node: MathNode, slots: ReadonlyMap<string, number>): Folded {
  const n = node as unknown as {
    type: string;
    content?: MathNode;
    value?: unknown;
    name?: string;
    fn?: string | { name: string };
    args?: MathNode[];
  };
  switch (n.type) {
    case 'ParenthesisNode':
      return fold(n.content!, slots);
    case 'ConstantNode':
      if (typeof n.value !== 'number') throw new Error('Only numeric constants can be exported');
      return { kind: 'number', value: n.value };
    case 'SymbolNode': {
      const index = slots.get(n.name!);
      if (index !== undefined) return { kind: 'variable', index };
      const constant = CONSTANTS.get(n.name!);
      if (constant === undefined) throw new Error(`Unknown symbol ${n.name}`);
      return { kind: 'number', value: constant };
    }
    case 'OperatorNode': {
      const args = n.args!.map((arg) => fold(arg, slots));
      if (n.fn === 'unaryMinus' && args.length === 1) return negate(args[0]!);
      if (n.fn === 'unaryPlus' && args.length === 1) return args[0]!;
      const op = OPERATORS[n.fn as string];
      if (op === undefined || args.length < 2) throw new Error(`Operator ${String(n.fn)} cannot be exported`);
      // n-ary sums and products fold left to right, as the compiler evaluates them.
      return args.slice(1).reduce((acc, arg) => operate(op, acc, arg), args[0]!);
    }
    case 'FunctionNode': {
      const name = (n.fn as { name: string }).name;
      const args = n.args!.map((arg) => fold(arg, slots));
      const impl = lookupFunction(name, args.length).impl;
      if (args.every((a) => a.kind === 'number')) {
        return { kind: 'number', value: impl(...args.map((a) => (a as { value: number }).value)) };
      }
      return { kind: 'call', name, args };
    }
    default:
      throw new Error(`Node kind ${n.type} cannot be exported`);
  }
}

/** A number as a Python literal that reads back as the same double. */
export function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return "float('nan')";
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "float('-inf')";
  if (Object.is(value, -0)) return '-0.0';
  return String(value);
}

/** Functions as calls of the flavour's library; the table is fixed text. */
const LIBRARY: Readonly<Record<Flavour, Readonly<Record<string, string>>>> = {
  numpy: {
    sin: 'np.sin',
    cos: 'np.cos',
    tan: 'np.tan',
    asin: 'np.arcsin',
    acos: 'np.arccos',
    atan: 'np.arctan',
    atan2: 'np.arctan2',
    sinh: 'np.sinh',
    cosh: 'np.cosh',
    tanh: 'np.tanh',
    asinh: 'np.arcsinh',
    acosh: 'np.arccosh',
    atanh: 'np.arctanh',
    exp: 'np.exp',
    expm1: 'np.expm1',
    log: 'np.log',
    log1p: 'np.log1p',
    log10: 'np.log10',
    log2: 'np.log2',
    sqrt: 'np.sqrt',
    cbrt: 'np.cbrt',
    abs: 'np.abs',
    sign: 'np.sign',
    max: 'np.maximum',
    min: 'np.minimum',
    pow: 'np.power',
  },
  torch: {
    sin: 'torch.sin',
    cos: 'torch.cos',
    tan: 'torch.tan',
    asin: 'torch.asin',
    acos: 'torch.acos',
    atan: 'torch.atan',
    atan2: 'torch.atan2',
    sinh: 'torch.sinh',
    cosh: 'torch.cosh',
    tanh: 'torch.tanh',
    asinh: 'torch.asinh',
    acosh: 'torch.acosh',
    atanh: 'torch.atanh',
    exp: 'torch.exp',
    expm1: 'torch.expm1',
    log: 'torch.log',
    log1p: 'torch.log1p',
    log10: 'torch.log10',
    log2: 'torch.log2',
    sqrt: 'torch.sqrt',
    abs: 'torch.abs',
    sign: 'torch.sign',
    max: 'torch.maximum',
    min: 'torch.minimum',
    pow: 'torch.pow',
  },
};

/** Reciprocal functions, written as 1 / their partner. */
const RECIPROCAL: Readonly<Record<string, string>> = {
  sec: 'cos',
  csc: 'sin',
  cot: 'tan',
  sech: 'cosh',
  csch: 'sinh',
  coth: 'tanh',
};

const PRECEDENCE: Readonly<Record<'+' | '-' | '*' | '/' | '**', number>> = {
  '+': 1,
  '-': 1,
  '*': 2,
  '/': 2,
  '**': 4,
};
const UNARY = 3;
const ATOM = 5;

/** Python source of a folded tree, parenthesised only where Python's precedence needs it. */
export class PythonPrinter {
  constructor(
    private readonly flavour: Flavour,
    private readonly names: readonly string[],
  ) {}

  print(node: Folded): string {
    return this.render(node).text;
  }

  private render(node: Folded): { text: string; precedence: number } {
    switch (node.kind) {
      case 'number':
        return {
          text: pythonNumber(node.value),
          precedence: node.value < 0 || Object.is(node.value, -0) ? UNARY : ATOM,
        };
      case 'variable':
        return { text: this.names[node.index]!, precedence: ATOM };
      case 'neg':
        return { text: `-${this.wrap(node.arg, UNARY + 1)}`, precedence: UNARY };
      case 'op': {
        const p = PRECEDENCE[node.op];
        // Left-associative operators keep a right operand of equal rank in parentheses; ** the left one.
        const left = this.wrap(node.args[0], node.op === '**' ? ATOM : p);
        const right = this.wrap(node.args[1], node.op === '**' ? UNARY : p + 1);
        return { text: `${left} ${node.op} ${right}`, precedence: p };
      }
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  private wrap(node: Folded, least: number): string {
    const { text, precedence } = this.render(node);
    return precedence >= least ? text : `(${text})`;
  }

  /** The functions of machine-learning notes, as torch names them or NumPy spells them out. */
  private learningCall(
    name: string,
    args: readonly Folded[],
  ): { text: string; precedence: number } | undefined {
    const torch = this.flavour === 'torch';
    const a = (i: number): string => (torch ? this.tensorArg(args[i]!) : this.print(args[i]!));
    switch (name) {
      case 'sigmoid':
        return torch
          ? { text: `torch.sigmoid(${a(0)})`, precedence: ATOM }
          : { text: `1 / (1 + np.exp(-${this.wrap(args[0]!, UNARY + 1)}))`, precedence: PRECEDENCE['/'] };
      case 'relu':
        return { text: torch ? `torch.relu(${a(0)})` : `np.maximum(${a(0)}, 0)`, precedence: ATOM };
      case 'softplus':
        // log(1 + eᵘ) without overflow; torch's softplus (threshold 20) agrees to rounding.
        return {
          text: torch ? `torch.nn.functional.softplus(${a(0)})` : `np.logaddexp(${a(0)}, 0)`,
          precedence: ATOM,
        };
      case 'logsumexp': {
        if (!torch) {
          return { text: `np.logaddexp.reduce([${args.map((_, i) => a(i)).join(', ')}])`, precedence: ATOM };
        }
        const items = args.map((arg) =>
          arg.kind === 'number'
            ? `torch.tensor(${pythonNumber(arg.value)}, dtype=torch.float64)`
            : this.print(arg),
        );
        return { text: `torch.logsumexp(torch.stack([${items.join(', ')}]), 0)`, precedence: ATOM };
      }
      case 'huber': {
        const delta = args.length > 1 ? args[1]! : { kind: 'number' as const, value: 1 };
        if (delta.kind !== 'number') {
          throw new FormulaError('Code export writes huber(u, δ) with a numeric δ only.', 'not-allowed');
        }
        const d = pythonNumber(delta.value);
        if (torch) {
          const u = a(0);
          return {
            text: `torch.nn.functional.huber_loss(${u}, torch.zeros_like(${u}), delta=${d})`,
            precedence: ATOM,
          };
        }
        const u = this.wrap(args[0]!, ATOM);
        return {
          text: `np.where(np.abs(${u}) < ${d}, 0.5 * ${u} ** 2, ${d} * (np.abs(${u}) - 0.5 * ${d}))`,
          precedence: ATOM,
        };
      }
      default:
        return undefined;
    }
  }

  /** An argument torch needs as a tensor (torch.atan2(x, 1) would refuse the float). */
  private tensorArg(node: Folded): string {
    const text = this.print(node);
    return this.flavour === 'torch' && node.kind === 'number' ? `torch.tensor(${text})` : text;
  }

  private call(name: string, args: readonly Folded[]): { text: string; precedence: number } {
    const lib = this.flavour === 'torch' ? 'torch' : 'np';
    const quotient = PRECEDENCE['/'];
    const reciprocal = RECIPROCAL[name];
    if (reciprocal !== undefined) {
      return { text: `1 / ${lib}.${reciprocal}(${this.print(args[0]!)})`, precedence: quotient };
    }
    if (name === 'log' && args.length === 2) {
      const text = `${lib}.log(${this.tensorArg(args[0]!)}) / ${lib}.log(${this.tensorArg(args[1]!)})`;
      return { text, precedence: quotient };
    }
    if (name === 'cbrt' && this.flavour === 'torch') {
      const a = this.print(args[0]!);
      return { text: `torch.sign(${a}) * torch.abs(${a}) ** (1 / 3)`, precedence: PRECEDENCE['*'] };
    }
    const learned = this.learningCall(name, args);
    if (learned !== undefined) return learned;
    const slope =
      this.flavour === 'numpy'
        ? numpySlope(
            name,
            args.map((a) => this.wrap(a, ATOM)),
          )
        : undefined;
    if (slope !== undefined) return { text: slope, precedence: ATOM };
    const fn = LIBRARY[this.flavour][name];
    if (fn === undefined) {
      throw new FormulaError(
        `Code export does not write ${name}(…) yet; the run itself works.`,
        'not-allowed',
      );
    }
    return { text: `${fn}(${args.map((a) => this.tensorArg(a)).join(', ')})`, precedence: ATOM };
  }
}

const RESERVED: ReadonlySet<string> = new Set([
  ...['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def'],
  ...['del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is'],
  ...['lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'],
  ...[
    'np',
    'torch',
    'math',
    'json',
    'f',
    'grad',
    'params',
    'loss',
    'value',
    'print',
    'range',
    'float',
    'abs',
  ],
]);

/** Python identifiers for the variables: their own names where those are plain and free, else v0, v1, … */
export function pythonNames(variables: readonly string[]): string[] {
  const taken = new Set<string>();
  return variables.map((name, i) => {
    const plain = /^[A-Za-z][A-Za-z0-9_]{0,30}$/.test(name) && !RESERVED.has(name) && !/^v\d+$/.test(name);
    const chosen = plain && !taken.has(name) ? name : `v${i}`;
    taken.add(chosen);
    return chosen;
  });
}
