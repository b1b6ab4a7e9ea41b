// Sums and products over an index (∑ and ∏ with bounds). The parsers keep one as an
// IndexedReduction inside the raw tree, encoded as a call of a head no parser can produce; the
// allow-list expands it into ordinary terms when its bounds are numbers. Bounds are trees, so a
// later sum over a data set can bind the upper bound to the data's size instead of expanding.
import { nodes, type MathNode } from '../math';
import { FormulaError } from '../types';
import { columnNode, dataSumNode, DATA_ROW, rowCountBound } from './dataSum';
import { notAllowed } from './errors';

/** ∑ or ∏ of `body` for `index` = lower … upper. */
export interface IndexedReduction {
  readonly kind: 'sum' | 'product';
  readonly index: string;
  readonly lower: MathNode;
  readonly upper: MathNode;
  readonly body: MathNode;
}

/** Most terms all the sums and products of one formula may expand to (as many as it may have variables). */
export const MAX_REDUCTION_TERMS = 1_000;

// `#` starts a comment in mathjs, so no parsed text can produce these heads.
const HEADS = { sum: '#sum', product: '#product' } as const;
const SUBSCRIPT = '#subscript';

type Call = MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
type Named = MathNode & { name: string };

function headOf(node: MathNode): string | undefined {
  return node.type === 'FunctionNode' ? (node as Call).fn.name : undefined;
}

/** The raw-tree form of a reduction. */
export function reductionNode(r: IndexedReduction): MathNode {
  return new nodes.FunctionNode(new nodes.SymbolNode(HEADS[r.kind]), [
    r.body,
    new nodes.SymbolNode(r.index),
    r.lower,
    r.upper,
  ]);
}

/** The reduction a raw-tree node encodes, if it is one. */
export function readReduction(node: MathNode): IndexedReduction | undefined {
  const head = headOf(node);
  if (head !== HEADS.sum && head !== HEADS.product) return undefined;
  const [body, index, lower, upper] = (node as Call).args;
  return { kind: head === HEADS.sum ? 'sum' : 'product', index: (index as Named).name, lower, upper, body };
}

/** `x_{i+1}`: a name subscripted by an expression of reduction indices, resolved when they are bound. */
export function subscriptNode(base: string, parts: readonly MathNode[]): MathNode {
  return new nodes.FunctionNode(new nodes.SymbolNode(SUBSCRIPT), [new nodes.SymbolNode(base), ...parts]);
}

/** True for the nodes only the expansion below resolves. */
export function isReductionPart(node: MathNode): boolean {
  const head = headOf(node);
  return head === HEADS.sum || head === HEADS.product || head === SUBSCRIPT;
}

/** The tree with every reduction expanded and every index-subscripted name resolved; `budget.terms` counts down the terms left. */
export function expandReductions(root: MathNode, budget: { terms: number }): MathNode {
  return expand(root, new Map(), budget);
}

function expand(node: MathNode, bound: ReadonlyMap<string, number>, budget: { terms: number }): MathNode {
  switch (node.type) {
    case 'SymbolNode':
      return bindSymbol((node as Named).name, bound);
    case 'ParenthesisNode':
      return new nodes.ParenthesisNode(
        expand((node as MathNode & { content: MathNode }).content, bound, budget),
      );
    case 'OperatorNode': {
      const op = node as MathNode & { op: '+'; fn: 'add'; args: MathNode[]; implicit: boolean };
      const column = op.fn === ('pow' as string) ? superscriptColumn(op.args, bound) : undefined;
      if (column !== undefined) return column;
      const args = op.args.map((a) => expand(a, bound, budget));
      return new nodes.OperatorNode(op.op, op.fn, args, op.implicit);
    }
    case 'FunctionNode': {
      const reduction = readReduction(node);
      if (reduction !== undefined) return expandOne(reduction, bound, budget);
      const call = node as Call;
      if (call.fn.name === SUBSCRIPT) return subscripted(call, bound);
      return new nodes.FunctionNode(
        new nodes.SymbolNode(call.fn.name ?? ''),
        call.args.map((a) => expand(a, bound, budget)),
      );
    }
    default:
      return node;
  }
}

function expandOne(
  r: IndexedReduction,
  bound: ReadonlyMap<string, number>,
  budget: { terms: number },
): MathNode {
  const range = `${r.kind === 'sum' ? 'The sum' : 'The product'} over ${r.index}`;
  const lower = wholeNumber(expand(r.lower, bound, budget));
  const upperNode = expand(r.upper, bound, budget);
  const upper = wholeNumber(upperNode);
  const count = upper === undefined && r.kind === 'sum' ? rowCountBound(lower, upperNode) : undefined;
  if (count !== undefined && ![...bound.values()].includes(DATA_ROW)) {
    // A sum up to a name runs over the rows of a data set: kept whole, compiled to a loop.
    const body = expand(r.body, new Map(bound).set(r.index, DATA_ROW), budget);
    return dataSumNode({ body, count, index: r.index });
  }
  if (lower === undefined || upper === undefined) {
    throw notAllowed(
      `${range} needs numbers as its bounds, as in \\sum_{${r.index}=1}^{3}; a sum over a data set runs from 1 to a name for its rows, as in \\sum_{${r.index}=1}^{m}.`,
    );
  }
  const termCount = Math.max(0, upper - lower + 1);
  budget.terms -= termCount;
  if (budget.terms < 0) {
    throw new FormulaError(
      `The sums and products expand to more than ${MAX_REDUCTION_TERMS.toLocaleString('en-US')} terms; use smaller bounds.`,
      'too-long',
    );
  }
  const terms: MathNode[] = [];
  for (let k = lower; k <= upper; k += 1) {
    const inner = new Map(bound).set(r.index, k);
    terms.push(expand(r.body, inner, budget));
  }
  if (terms.length === 0) return new nodes.ConstantNode(r.kind === 'sum' ? 0 : 1);
  const [op, fn] = r.kind === 'sum' ? (['+', 'add'] as const) : (['*', 'multiply'] as const);
  // No parentheses are needed: the terms are subtrees, and printing adds those precedence asks for.
  return terms.reduce((acc, t) => new nodes.OperatorNode(op, fn, [acc, t]));
}

/** `i` bound to 2 is 2; `w_i` is `w_2`, `x_2i` is `x_4`; `x_ij` with i = 1, j = 2 is `x_1_2`; other names stay. */
function bindSymbol(name: string, bound: ReadonlyMap<string, number>): MathNode {
  const value = bound.get(name);
  if (value === DATA_ROW) {
    throw notAllowed(
      `The row index ${name} of a sum over the data can only be a subscript, as in x_${name}.`,
    );
  }
  if (value !== undefined) return new nodes.ConstantNode(value);
  const row = rowColumn(name, bound);
  if (row !== undefined) return row;
  const split = /^(.+?)_(\d*)([A-Za-z]+)$/.exec(name);
  if (split !== null) {
    const [, base, factor, sub] = split;
    const scale = factor === '' ? 1 : Number(factor);
    const whole = bound.get(sub);
    if (whole !== undefined) return new nodes.SymbolNode(`${base}_${scale * whole}`);
    const letters = [...sub].map((c) => bound.get(c));
    if (factor === '' && letters.every((v) => v !== undefined)) {
      return new nodes.SymbolNode(`${base}_${letters.join('_')}`);
    }
  }
  return new nodes.SymbolNode(name);
}

/** `x_i`, `x_i1` and `x_ij` (j bound to a number) with i the row index of a data sum: a column of the row. */
function rowColumn(name: string, bound: ReadonlyMap<string, number>): MathNode | undefined {
  const split = /^(.+?)_([A-Za-z]+)(\d*)$/.exec(name);
  if (split === null) return undefined;
  const [, base, letters, digits] = split;
  if (bound.get(letters) === DATA_ROW) {
    return columnNode(digits === '' ? { base } : { base, feature: Number(digits) });
  }
  const [first, ...rest] = [...letters];
  if (digits !== '' || rest.length !== 1 || bound.get(first) !== DATA_ROW) return undefined;
  const feature = bound.get(rest[0]);
  return feature === undefined || feature === DATA_ROW ? undefined : columnNode({ base, feature });
}

/** `x^{(i)}` with i the row index of a data sum: the column x of the row (the superscript convention). */
function superscriptColumn(
  args: readonly MathNode[],
  bound: ReadonlyMap<string, number>,
): MathNode | undefined {
  const [base, exponent] = args;
  if (base?.type !== 'SymbolNode' || exponent?.type !== 'ParenthesisNode') return undefined;
  const inner = (exponent as MathNode & { content: MathNode }).content;
  if (inner.type !== 'SymbolNode' || bound.get((inner as Named).name) !== DATA_ROW) return undefined;
  return columnNode({ base: (base as Named).name });
}

function subscripted(call: Call, bound: ReadonlyMap<string, number>): MathNode {
  const [base, ...parts] = call.args;
  const first = parts[0];
  if (first?.type === 'SymbolNode' && bound.get((first as Named).name) === DATA_ROW) {
    // x_{i,2}: feature 2 of row i.
    const feature = parts.length === 2 ? wholeNumber(expand(parts[1], bound, { terms: 0 })) : undefined;
    if (parts.length === 1) return columnNode({ base: (base as Named).name });
    if (feature !== undefined && feature >= 0) return columnNode({ base: (base as Named).name, feature });
  }
  const values = parts.map((p) => wholeNumber(expand(p, bound, { terms: 0 })));
  const name = (base as Named).name;
  if (values.some((v) => v === undefined || v < 0)) {
    throw notAllowed(
      `A subscript of ${name} must be a name, a number or an index of a surrounding sum, as in ${name}_{i+1}.`,
    );
  }
  return new nodes.SymbolNode(`${name}_${values.join('_')}`);
}

/** The value of a constant integer expression, else undefined. */
function wholeNumber(node: MathNode): number | undefined {
  const value = constantValue(node);
  return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
}

function constantValue(node: MathNode): number | undefined {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as MathNode & { value: unknown }).value;
      return typeof value === 'number' ? value : undefined;
    }
    case 'ParenthesisNode':
      return constantValue((node as MathNode & { content: MathNode }).content);
    case 'OperatorNode': {
      const { fn, args } = node as MathNode & { fn: string; args: MathNode[] };
      const values = args.map(constantValue);
      if (values.some((v) => v === undefined)) return undefined;
      const [a, b] = values as number[];
      return arithmetic(fn, a, b);
    }
    default:
      return undefined;
  }
}

function arithmetic(fn: string, a: number, b: number): number | undefined {
  switch (fn) {
    case 'add':
      return a + b;
    case 'subtract':
      return a - b;
    case 'multiply':
      return a * b;
    case 'divide':
      return a / b;
    case 'pow':
      return a ** b;
    case 'unaryMinus':
      return -a;
    case 'unaryPlus':
      return a;
    default:
      return undefined;
  }
}
