// Splits a formula into its top-level additive terms, each with the variables it uses, so that a partial
// is differentiated only over the terms that contain its variable. Differentiating the whole tree once
// per variable costs O(variables × size): a 1,000-variable sum took seconds that way.
import type { MathNode } from '../math';

/** One additive term: the subtree, whether it is subtracted, and the indices of the variables in it. */
export interface AdditiveTerm {
  readonly node: MathNode;
  readonly negated: boolean;
  readonly variables: readonly number[];
  /** Nodes in the subtree (the cost of one derivative of it). */
  readonly size: number;
}

interface OperatorLike {
  readonly fn: string;
  readonly args: readonly MathNode[];
}

function unwrap(node: MathNode): MathNode {
  let current = node;
  while (current.type === 'ParenthesisNode') current = (current as unknown as { content: MathNode }).content;
  return current;
}

/**
 * The terms in the order mathjs's derivative sums their partials: a sum's arguments left to right and
 * the left side of a difference are split further (so d(a + b - c) = (da + db) - dc exactly as before);
 * the right side of a difference and anything else is one term.
 */
function splitTerms(root: MathNode): { node: MathNode; negated: boolean }[] {
  const out: { node: MathNode; negated: boolean }[] = [];
  // An explicit stack: a 2,500-term sum is a left-deep chain that recursion would follow 2,500 deep.
  const stack: { node: MathNode; negated: boolean }[] = [{ node: root, negated: false }];
  while (stack.length > 0) {
    const item = stack.pop() as { node: MathNode; negated: boolean };
    const node = unwrap(item.node);
    const op = node.type === 'OperatorNode' ? (node as unknown as OperatorLike) : undefined;
    if (op !== undefined && op.fn === 'add' && op.args.length >= 2 && !item.negated) {
      for (let i = op.args.length - 1; i >= 0; i--) stack.push({ node: op.args[i], negated: false });
    } else if (op !== undefined && op.fn === 'subtract' && op.args.length === 2 && !item.negated) {
      stack.push({ node: op.args[1], negated: true });
      stack.push({ node: op.args[0], negated: false });
    } else {
      out.push({ node: item.node, negated: item.negated });
    }
  }
  return out;
}

/** Variable indices used in `node` (function names are not variables) and its node count. */
function scan(node: MathNode, indexOf: ReadonlyMap<string, number>): { variables: number[]; size: number } {
  const found = new Set<number>();
  let size = 0;
  const stack: MathNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as MathNode;
    size++;
    switch (current.type) {
      case 'SymbolNode': {
        const index = indexOf.get((current as unknown as { name: string }).name);
        if (index !== undefined) found.add(index);
        break;
      }
      case 'ParenthesisNode':
        stack.push((current as unknown as { content: MathNode }).content);
        break;
      case 'OperatorNode':
      case 'FunctionNode':
        for (const arg of (current as unknown as { args: readonly MathNode[] }).args) stack.push(arg);
        break;
      default:
        break;
    }
  }
  return { variables: [...found].sort((a, b) => a - b), size };
}

/** The additive terms of `expression` with the indices (into `variables`) of the variables each uses. */
export function additiveTerms(expression: MathNode, variables: readonly string[]): AdditiveTerm[] {
  const indexOf = new Map(variables.map((name, i) => [name, i] as const));
  return splitTerms(expression).map(({ node, negated }) => ({ node, negated, ...scan(node, indexOf) }));
}

/** Σ over terms of size × variables: the tree nodes all symbolic partials together walk. */
export function differentiationWork(terms: readonly AdditiveTerm[]): number {
  return terms.reduce((sum, term) => sum + term.size * term.variables.length, 0);
}
