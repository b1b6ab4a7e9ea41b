// `\|w\|^2` of a name: the squared Euclidean norm of the variables that name stands for (w_1, w_2 …
// when the formula has them, else w itself), resolved once the formula's names are known, so that an
// L2 term `\lambda\|w\|^2` reads as λ(w_1² + w_2²). The square is written out, never as (√…)², whose
// derivative at 0 would be 0 · ∞.
import { nodes, type MathNode } from '../math';
import { notAllowed } from './errors';
import { naturalCompare } from './variables';

const NORM = '#norm';

type Call = MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
type Named = MathNode & { name: string };

/** The raw-tree form of the norm of the name `base`. */
export function normNode(base: string): MathNode {
  return new nodes.FunctionNode(new nodes.SymbolNode(NORM), [new nodes.SymbolNode(base)]);
}

/** The name a norm node is of, if it is one. */
export function readNorm(node: MathNode): string | undefined {
  if (node.type !== 'FunctionNode' || (node as Call).fn.name !== NORM) return undefined;
  return ((node as Call).args[0] as Named).name;
}

function components(base: string, symbols: ReadonlySet<string>): string[] {
  const parts = [...symbols].filter((s) => s.startsWith(`${base}_`)).sort(naturalCompare);
  return parts.length > 0 ? parts : [base];
}

function squares(names: readonly string[]): MathNode {
  const terms = names.map(
    (n) =>
      new nodes.OperatorNode('^', 'pow', [new nodes.SymbolNode(n), new nodes.ConstantNode(2)]) as MathNode,
  );
  return terms.reduce((a, t) => new nodes.OperatorNode('+', 'add', [a, t]));
}

/** The tree with every norm written out, and the free names with the norms' variables added. */
export function resolveNorms(
  expression: MathNode,
  symbols: ReadonlySet<string>,
): { expression: MathNode; symbols: ReadonlySet<string> } {
  let found = false;
  expression.traverse((node) => {
    if (readNorm(node) !== undefined) found = true;
  });
  if (!found) return { expression, symbols };
  const all = new Set(symbols);
  const rewrite = (node: MathNode): MathNode => {
    if (node.type === 'OperatorNode') {
      const op = node as MathNode & { fn: string; args: MathNode[] };
      const base = op.args[0] === undefined ? undefined : readNorm(op.args[0]);
      const two =
        op.args[1]?.type === 'ConstantNode' && (op.args[1] as MathNode & { value: unknown }).value === 2;
      if (op.fn === 'pow' && base !== undefined && two) {
        const names = components(base, symbols);
        names.forEach((n) => all.add(n));
        return new nodes.ParenthesisNode(squares(names));
      }
    }
    const base = readNorm(node);
    if (base !== undefined) {
      // Only the square is read: the norm itself has a kink at 0 that an L2 term does not mean.
      throw notAllowed(
        `"\\|${base}\\|" is a norm: it is read squared, as the L2 term \\|${base}\\|^2; else write it out, as in x_1^2 + x_2^2.`,
      );
    }
    return node;
  };
  return { expression: expression.transform(rewrite), symbols: all };
}
