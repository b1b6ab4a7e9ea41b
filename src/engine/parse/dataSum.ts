// Sums over a data set: `\sum_{i=1}^{m}` whose upper bound is a name (m, n, N) is not expanded but
// kept as one data sum, whose body refers to the columns of a row (`x_i`, `x^{(i)}`, `x_{i,2}`).
// The compiler (src/engine/data/compileLoss.ts) turns each into a loop over the rows.
import { nodes, type MathNode } from '../math';

// `#` starts a comment in mathjs, so no parsed text can produce these heads.
const DATA_SUM = '#datasum';
const COLUMN = '#column';

/** The row index's value in the expansion's bound indices: no number a sum can bind. */
export const DATA_ROW = -0.5;

type Call = MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
type Named = MathNode & { name: string };

/** One data sum: its body, the name of the row count, and the index written. */
export interface DataSum {
  readonly body: MathNode;
  readonly count: string;
  readonly index: string;
}

/** One column reference of a data sum's body: `x_i` is base x; `x_{i,2}` and `x_{i2}` are base x, feature 2. */
export interface ColumnRef {
  readonly base: string;
  readonly feature?: number;
}

function headOf(node: MathNode): string | undefined {
  return node.type === 'FunctionNode' ? (node as Call).fn.name : undefined;
}

/** The raw-tree form of a data sum. */
export function dataSumNode(sum: DataSum): MathNode {
  return new nodes.FunctionNode(new nodes.SymbolNode(DATA_SUM), [
    sum.body,
    new nodes.SymbolNode(sum.count),
    new nodes.SymbolNode(sum.index),
  ]);
}

/** The data sum a node encodes, if it is one. */
export function readDataSum(node: MathNode): DataSum | undefined {
  if (headOf(node) !== DATA_SUM) return undefined;
  const [body, count, index] = (node as Call).args;
  return { body, count: (count as Named).name, index: (index as Named).name };
}

/** The raw-tree form of a column reference. */
export function columnNode(ref: ColumnRef): MathNode {
  const args: MathNode[] = [new nodes.SymbolNode(ref.base)];
  if (ref.feature !== undefined) args.push(new nodes.ConstantNode(ref.feature));
  return new nodes.FunctionNode(new nodes.SymbolNode(COLUMN), args);
}

/** The column a node refers to, if it is a column reference. */
export function readColumn(node: MathNode): ColumnRef | undefined {
  if (headOf(node) !== COLUMN) return undefined;
  const [base, feature] = (node as Call).args;
  const name = (base as Named).name;
  if (feature === undefined) return { base: name };
  return { base: name, feature: (feature as MathNode & { value: number }).value };
}

/** True for a data sum or a column reference. */
export function isDataPart(node: MathNode): boolean {
  const head = headOf(node);
  return head === DATA_SUM || head === COLUMN;
}

/** The name a column reference goes by in printed formulas and in the compiler's body: `x_i`, `x_i_2`. */
export function columnSymbol(ref: ColumnRef, index = 'i'): string {
  return ref.feature === undefined ? `${ref.base}_${index}` : `${ref.base}_${index}_${ref.feature}`;
}

/** Every data sum in a tree, outermost first (a data sum inside another is found too, and refused by the compiler). */
export function dataSumsOf(root: MathNode): DataSum[] {
  const found: DataSum[] = [];
  root.traverse((node) => {
    const sum = readDataSum(node);
    if (sum !== undefined) found.push(sum);
  });
  return found;
}

/**
 * The row count's name when `lower`…`upper` run over a data set's rows: 1…m, or 0…m−1 (a name for
 * the count, a number for the other bound); else undefined.
 */
export function rowCountBound(lower: number | undefined, upper: MathNode): string | undefined {
  if (upper.type === 'SymbolNode' && lower === 1) return (upper as Named).name;
  if (lower !== 0 || upper.type !== 'OperatorNode') return undefined;
  const { fn, args } = upper as MathNode & { fn: string; args: MathNode[] };
  const [a, b] = args;
  const one = b?.type === 'ConstantNode' && (b as MathNode & { value: unknown }).value === 1;
  return fn === 'subtract' && a.type === 'SymbolNode' && one ? (a as Named).name : undefined;
}
