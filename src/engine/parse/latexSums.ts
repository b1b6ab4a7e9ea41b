// `\sum` and `\prod` with bounds, and the subscripts that refer to their indices (`x_{i+1}`), read
// from MathJSON into the raw tree's reductions (see reduction.ts), which the allow-list expands.
import { nodes, type MathNode } from '../math';
import { notAllowed, quote, syntaxError } from './errors';
import { groupViews, isGroup, type MapContext } from './latexCalls';
import { symbolName } from './latexNames';
import { refusalOf } from './latexRefusals';
import { view, type FnView } from './mathjson';
import { reductionNode, subscriptNode } from './reduction';

/** What the sums need of the mapper besides mapping: the indices of the sums around the node. */
export interface IndexedContext extends MapContext {
  readonly indices: string[];
}

/** `\sum_{i=1}^{4} body` and `\prod`: kept as a reduction over i, expanded by the allow-list. */
export function reduction(node: FnView, ctx: IndexedContext): MathNode {
  const kind = node.head === 'Sum' ? 'sum' : 'product';
  if (node.args.length === 0) {
    throw syntaxError(
      `${quote(node.latex ?? node.head)} needs the terms it ${kind === 'sum' ? 'adds' : 'multiplies'} after it.`,
      ctx.column(node.latex),
    );
  }
  const range = node.args.length === 2 ? view(node.args[1]) : undefined;
  if (range === undefined || range.kind !== 'fn' || range.head !== 'Tuple' || range.args.length !== 3) {
    throw notAllowed(
      `${quote(node.latex ?? node.head)} needs an index and numeric bounds, as in \\${kind === 'sum' ? 'sum' : 'prod'}_{i=1}^{3}.`,
      ctx.column(node.latex),
    );
  }
  const index = view(range.args[0]);
  if (index.kind !== 'sym') throw notAllowed(`${quote(node.latex ?? '')} needs a name as its index.`);
  const name = symbolName(index);
  const lower = ctx.map(view(range.args[1]));
  const upper = ctx.map(view(range.args[2]));
  ctx.indices.push(name);
  try {
    return reductionNode({ kind, index: name, lower, upper, body: ctx.map(view(node.args[0])) });
  } finally {
    ctx.indices.pop();
  }
}

/** `x_{2}` is the variable x_2 and `w_{1,2}` is w_1_2; `x_{i+1}` inside a sum over i is resolved when the sum expands. */
export function subscript(node: FnView, ctx: IndexedContext): MathNode {
  const [base, index] = node.args.map((a) => view(a));
  if (index?.kind === 'sym' && index.name === 'Nothing') {
    throw syntaxError(`${quote(node.latex ?? '_')} has an empty subscript.`, ctx.column(node.latex));
  }
  if (base?.kind === 'sym' && index !== undefined) {
    const name = symbolName(base);
    const parts = isGroup(index) ? groupViews(index) : [index];
    const numbers = parts.map((p) => (p.kind === 'num' && /^\d+$/.test(p.text) ? p.text : undefined));
    if (numbers.every((n) => n !== undefined)) return new nodes.SymbolNode(`${name}_${numbers.join('_')}`);
    if (ctx.indices.length > 0) {
      return subscriptNode(
        name,
        parts.map((p) => ctx.map(p)),
      );
    }
  }
  throw refusalOf(node, ctx.column(node.latex));
}
