// Maps MathJSON heads and symbols onto mathjs nodes. Only heads with a meaning in the function
// table are mapped; everything else is refused with words a person understands.
import { nodes, type MathNode } from '../math';
import { columnOf, notAllowed, quote, syntaxError } from './errors';
import {
  bareFunction,
  call,
  calleeName,
  foldedArguments,
  groupItems,
  inversePower,
  isGroup,
  MISSING_ARGUMENT,
  missingArgument,
  UNARY,
  type MapContext,
} from './latexCalls';
import { symbolName } from './latexNames';
import { refusalOf } from './latexRefusals';
import { normNode } from './norm';
import { view, type FnView, type SymView, type View } from './mathjson';
import { reduction, subscript } from './latexSums';

const FOLDED: ReadonlyMap<string, string> = new Map([
  ['Max', 'max'],
  ['Min', 'min'],
]);

type Operator = '+' | '-' | '*' | '/' | '^';
const operator = (op: Operator, fn: string, args: MathNode[], implicit = false): MathNode =>
  new nodes.OperatorNode(op as '+', fn as 'add', args, implicit);

/** Turns one MathJSON tree into mathjs nodes; errors carry columns into the original selection. */
export class MathJsonMapper implements MapContext {
  readonly indices: string[] = [];

  constructor(
    private readonly source: string,
    private readonly offset: number,
    readonly declared: ReadonlySet<string> = new Set(),
  ) {}

  /** mathjs node for one MathJSON expression. */
  map(node: View): MathNode {
    switch (node.kind) {
      case 'num':
        return this.number(node.value, node.latex ?? node.text);
      case 'str':
        throw notAllowed(
          `Text such as ${quote(node.value)} cannot be part of a formula.`,
          this.column(node.latex),
        );
      case 'sym':
        return this.symbol(node);
      case 'fn':
        return this.apply(node);
    }
  }

  column(latex: string | undefined): number | undefined {
    const column = columnOf(this.source, latex?.trim() ?? '');
    return column === undefined ? undefined : column + this.offset;
  }

  private child(json: unknown): MathNode {
    return this.map(view(json));
  }

  private number(value: number, text: string): MathNode {
    if (!Number.isFinite(value)) {
      throw notAllowed(
        `The number ${quote(text)} is too large (or not a number) to compute with.`,
        this.column(text),
      );
    }
    return new nodes.ConstantNode(value);
  }

  private symbol(node: SymView): MathNode {
    if (node.name === 'Half') return new nodes.ConstantNode(0.5);
    if (node.name === MISSING_ARGUMENT) {
      throw missingArgument('A function power such as \\sin^2, or \\log_2,', '\\sin^2 x or \\log_2 x');
    }
    if (node.name === 'Nothing') {
      throw syntaxError('Something is missing in the LaTeX.', this.column(node.latex));
    }
    if (/Infinity$|^NaN$|^ImaginaryUnit$|Numbers$/.test(node.name)) {
      throw notAllowed(
        `${quote(node.latex ?? node.name)} is not a number a formula can compute with.`,
        this.column(node.latex),
      );
    }
    if (bareFunction(node) !== undefined) throw this.bare(node);
    return new nodes.SymbolNode(symbolName(node));
  }

  private apply(node: FnView): MathNode {
    const unary = UNARY.get(node.head);
    if (unary !== undefined && node.head !== 'Log') return this.call(unary, node);
    const folded = FOLDED.get(node.head);
    if (folded !== undefined) return this.fold(foldedArguments(node, this), (a, b) => call(folded, [a, b]));
    switch (node.head) {
      case 'Add':
        return this.fold(this.children(node), (a, b) => operator('+', 'add', [a, b]));
      case 'Multiply':
        return this.fold(this.children(node), (a, b) => operator('*', 'multiply', [a, b]));
      case 'InvisibleOperator':
        return this.juxtaposed(this.spaced(node));
      case 'Subtract':
        if (node.args.length === 1) return operator('-', 'unaryMinus', [this.child(node.args[0])]);
        return this.binary(node, '-', 'subtract');
      case 'Negate':
        return operator('-', 'unaryMinus', [this.only(node)]);
      case 'Divide':
      case 'Rational':
        return this.binary(node, '/', 'divide');
      case 'Power':
        return inversePower(node, this) ?? this.power(node);
      case 'Square':
        return operator('^', 'pow', [this.only(node), new nodes.ConstantNode(2)]);
      case 'Root':
        return this.root(node);
      case 'Log':
        return this.log(node);
      case 'Delimiter':
      case 'List':
      case 'Set':
        return this.group(node);
      case 'Annotated':
        // \displaystyle, \textstyle and the like only change how the formula looks.
        if (node.args.length === 0) {
          throw syntaxError('Something is missing in the LaTeX.', this.column(node.latex));
        }
        return this.child(node.args[0]);
      case 'HorizontalSpacing':
        throw this.onlySpacing(node);
      case 'Sequence':
        if (node.args.length === 1) return this.child(node.args[0]);
        throw notAllowed(
          'The selection holds several expressions separated by commas; select one formula.',
          this.column(node.latex),
        );
      case 'Sum':
      case 'Product':
        return reduction(node, this);
      case 'Subscript':
        return subscript(node, this);
      case 'Norm': {
        // The norm of a name (an L2 term \lambda\|w\|^2); of anything else it stays refused.
        const [arg] = node.args.map((a) => view(a));
        if (node.args.length === 1 && arg?.kind === 'sym') return normNode(symbolName(arg));
        throw refusalOf(node, this.column(node.latex));
      }
      case 'At':
        return this.bracketProduct(node);
      case 'Transpose':
        // With T among the left side's names, x^T is a power after all.
        if (this.declared.has('T') && node.args.length === 1) {
          return operator('^', 'pow', [this.child(node.args[0]), new nodes.SymbolNode('T')]);
        }
        throw refusalOf(node, this.column(node.latex));
      default:
        throw refusalOf(node, this.column(node.latex));
    }
  }

  private children(node: FnView): MathNode[] {
    return node.args.map((a) => this.child(a));
  }

  private onlySpacing(node: FnView): Error {
    return syntaxError(
      'Something is missing in the LaTeX: there is only spacing (such as \\, or \\quad) here.',
      this.column(node.latex),
    );
  }

  private only(node: FnView): MathNode {
    if (node.args.length !== 1) {
      throw syntaxError(
        `${quote(node.latex ?? node.head)} needs exactly one argument.`,
        this.column(node.latex),
      );
    }
    return this.child(node.args[0]);
  }

  private binary(node: FnView, op: Operator, fn: string): MathNode {
    if (node.args.length !== 2) {
      throw syntaxError(`${quote(node.latex ?? node.head)} needs two operands.`, this.column(node.latex));
    }
    return operator(op, fn, [this.child(node.args[0]), this.child(node.args[1])]);
  }

  /** `x^\mathsf{T}` reaches here as a power of the symbol True: a transpose, as `x^T` is. */
  private power(node: FnView): MathNode {
    const exponent = node.args.length === 2 ? view(node.args[1]) : undefined;
    if (exponent?.kind === 'sym' && exponent.name === 'True') {
      throw refusalOf({ ...node, head: 'Transpose' }, this.column(node.latex));
    }
    return this.binary(node, '^', 'pow');
  }

  private call(name: string, node: FnView): MathNode {
    if (node.args.length !== 1) {
      throw syntaxError(`${quote(node.latex ?? name)} needs 1 argument.`, this.column(node.latex));
    }
    return call(name, this.children(node));
  }

  private fold(items: MathNode[], join: (a: MathNode, b: MathNode) => MathNode): MathNode {
    if (items.length === 0) throw syntaxError('Something is missing in the LaTeX.');
    return items.reduce((acc, item) => join(acc, item));
  }

  /** Spacing such as `\,` in `\frac{1}{2}\,x^2` is layout, not a factor. */
  private spaced(node: FnView): View[] {
    const items = node.args
      .map((a) => view(a))
      .filter((a) => !(a.kind === 'fn' && a.head === 'HorizontalSpacing'));
    if (items.length === 0) throw this.onlySpacing(node);
    return items;
  }

  /**
   * Juxtaposition: `2x`, `xy`, `100(y-x^2)`. A function name before a group is a call
   * (`\operatorname{atan2}(y, x)`); a bare function applies to the product of everything after it,
   * as the parser reads `\sin x y` (so `\tan\sin x` is tan(sin x)).
   */
  private juxtaposed(items: readonly View[]): MathNode {
    const factors: MathNode[] = [];
    for (let i = 0; i < items.length; i += 1) {
      const item = items[i];
      const next = items[i + 1];
      const negated = item.kind === 'fn' && item.head === 'Negate' && item.args.length === 1;
      const head = negated ? view(item.args[0]) : item;
      const callee = next !== undefined && isGroup(next) ? calleeName(head, this) : undefined;
      if (callee !== undefined && next !== undefined && isGroup(next)) {
        const called = call(callee, groupItems(next, this));
        factors.push(negated ? operator('-', 'unaryMinus', [called]) : called);
        i += 1;
        continue;
      }
      const bare = bareFunction(head);
      if (bare !== undefined) {
        if (i + 1 >= items.length) throw this.bare(head);
        const applied = call(bare, [this.juxtaposed(items.slice(i + 1))]);
        factors.push(negated ? operator('-', 'unaryMinus', [applied]) : applied);
        break;
      }
      factors.push(this.map(item));
    }
    return this.fold(factors, (a, b) => operator('*', 'multiply', [a, b], true));
  }

  private bare(node: View): Error {
    const written = node.latex?.trim() ?? (node.kind === 'sym' ? node.name : '');
    return missingArgument(quote(written), `${written} x`);
  }

  /** `[a][b]` and `(a)[b]`: the parser reads a bracket after a group as indexing; between groups it is a product, after a function a call. */
  private bracketProduct(node: FnView): MathNode {
    const [base, ...rest] = node.args.map((a) => view(a));
    // `\cos\left[x\right]`: a function of a bracketed argument, which the parser reads as indexing.
    const callee = base.kind === 'sym' ? UNARY.get(base.name) : undefined;
    if (callee !== undefined && rest.length === 1) return call(callee, [this.map(rest[0])]);
    if (!startsWithGroup(base) || rest.length !== 1) throw refusalOf(node, this.column(node.latex));
    return operator('*', 'multiply', [this.map(base), new nodes.ParenthesisNode(this.map(rest[0]))], true);
  }

  /** Brackets of any kind group one expression; several items are a list, not a formula. */
  private group(node: FnView): MathNode {
    const items = groupItems(node, this);
    if (items.length !== 1) {
      throw notAllowed(
        `${quote(node.latex ?? '(…)')} is a list of values, not a formula.`,
        this.column(node.latex),
      );
    }
    return new nodes.ParenthesisNode(items[0]);
  }

  private root(node: FnView): MathNode {
    if (node.args.length !== 2) return this.call('sqrt', node);
    const radicand = this.child(node.args[0]);
    const index = view(node.args[1]);
    if (index.kind === 'num' && index.value === 2) return call('sqrt', [radicand]);
    if (index.kind === 'num' && index.value === 3) return call('cbrt', [radicand]);
    const exponent = operator('/', 'divide', [new nodes.ConstantNode(1), this.map(index)]);
    return operator('^', 'pow', [new nodes.ParenthesisNode(radicand), new nodes.ParenthesisNode(exponent)]);
  }

  /** `\log x` is the natural logarithm, as in mathjs, NumPy and machine-learning notes; `\log_{b}` keeps its base. */
  private log(node: FnView): MathNode {
    if (node.args.length === 1) return call('log', [this.child(node.args[0])]);
    if (node.args.length !== 2) return this.call('log', node);
    const argument = this.child(node.args[0]);
    const base = view(node.args[1]);
    if (base.kind === 'num' && base.value === 10) return call('log10', [argument]);
    if (base.kind === 'num' && base.value === 2) return call('log2', [argument]);
    if (base.kind === 'sym' && (base.name === 'e' || base.name === 'ExponentialE')) {
      return call('log', [argument]);
    }
    return call('log', [argument, this.map(base)]);
  }
}

/** A bracketed group, or a product of groups the parser read as indexing (`[a][b]`). */
function startsWithGroup(item: View | undefined): boolean {
  if (item === undefined || item.kind !== 'fn') return false;
  return GROUP_HEADS.has(item.head) || (item.head === 'At' && startsWithGroup(view(item.args[0])));
}

const GROUP_HEADS: ReadonlySet<string> = new Set(['Delimiter', 'List', 'Set']);
