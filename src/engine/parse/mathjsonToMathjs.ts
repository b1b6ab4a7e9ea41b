// Maps MathJSON heads and symbols onto mathjs nodes. Only heads with a meaning in the function
// table are mapped; everything else is refused with words a person understands.
import { ALLOWED_FUNCTIONS } from '../functions';
import { nodes, type MathNode } from '../math';
import { columnOf, notAllowed, quote, syntaxError } from './errors';
import { view, type FnView, type SymView, type View } from './mathjson';

const UNARY: ReadonlyMap<string, string> = new Map([
  ['Sin', 'sin'],
  ['Cos', 'cos'],
  ['Tan', 'tan'],
  ['Sec', 'sec'],
  ['Csc', 'csc'],
  ['Cot', 'cot'],
  ['Arcsin', 'asin'],
  ['Arccos', 'acos'],
  ['Arctan', 'atan'],
  ['Sinh', 'sinh'],
  ['Cosh', 'cosh'],
  ['Tanh', 'tanh'],
  ['Arsinh', 'asinh'],
  ['Arcosh', 'acosh'],
  ['Artanh', 'atanh'],
  ['Exp', 'exp'],
  ['Ln', 'log'],
  ['Lb', 'log2'],
  ['Lg', 'log10'],
  ['Sqrt', 'sqrt'],
  ['Abs', 'abs'],
  ['Sign', 'sign'],
]);

const FOLDED: ReadonlyMap<string, string> = new Map([
  ['Max', 'max'],
  ['Min', 'min'],
]);

const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['Pi', 'pi'],
  ['ExponentialE', 'e'],
  ['GoldenRatio', 'varphi'],
]);

// Font commands the compute engine records as name suffixes (`\mathbf{w}` is `w_bold`): a bold w is still w.
const STYLES: ReadonlySet<string> = new Set([
  'bold',
  'italic',
  'upright',
  'blackboard',
  'calligraphic',
  'fraktur',
  'script',
  'sansserif',
  'monospace',
  'doublestruck',
  'boldItalic',
  'bolditalic',
]);

const REFUSED: ReadonlyMap<string, string> = new Map([
  ['D', 'derivatives'],
  ['Derivative', 'derivatives'],
  ['PartialDerivative', 'derivatives'],
  ['Sum', 'sums'],
  ['Product', 'products'],
  ['Integrate', 'integrals'],
  ['Limit', 'limits'],
  ['List', 'lists and matrices'],
  ['Matrix', 'lists and matrices'],
  ['Set', 'sets'],
  ['Tuple', 'tuples'],
  ['Factorial', 'factorials'],
  ['Subscript', 'subscripts other than a name or number'],
  ['OverVector', 'accents'],
  ['OverHat', 'accents'],
  ['OverBar', 'accents'],
  ['Prime', 'primes'],
  ['Norm', 'norms'],
  ['Equal', 'equations inside a formula'],
  ['Less', 'inequalities'],
  ['Greater', 'inequalities'],
  ['LessEqual', 'inequalities'],
  ['GreaterEqual', 'inequalities'],
  ['NotEqual', 'inequalities'],
]);

/** The variable name of a MathJSON symbol: `theta_0` stays, `w_bold` is `w`, `epsilonSymbol` is `varepsilon`. */
export function symbolName(sym: SymView): string {
  const mapped = SYMBOLS.get(sym.name);
  if (mapped !== undefined) return mapped;
  const parts = sym.name.split('_').filter((part) => !STYLES.has(part));
  const base = parts.join('_').replace(/^([A-Za-z]+)Symbol$/, 'var$1');
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(base)) {
    throw notAllowed(`${quote(sym.latex ?? sym.name)} cannot be used as a variable name.`);
  }
  return base;
}

/** A table function name standing before its argument group; the compute engine reads `-\operatorname{f}(x)` as `(-f)(x)`. */
function calleeName(item: View): { name: string; negated: boolean } | undefined {
  if (item.kind === 'sym' && ALLOWED_FUNCTIONS.has(item.name)) return { name: item.name, negated: false };
  if (item.kind === 'fn' && item.head === 'Negate' && item.args.length === 1) {
    const inner = view(item.args[0]);
    if (inner.kind === 'sym' && ALLOWED_FUNCTIONS.has(inner.name)) return { name: inner.name, negated: true };
  }
  return undefined;
}

/** Turns one MathJSON tree into mathjs nodes; errors carry columns into the original selection. */
export class MathJsonMapper {
  constructor(
    private readonly source: string,
    private readonly offset: number,
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

  private child(json: unknown): MathNode {
    return this.map(view(json));
  }

  private column(latex: string | undefined): number | undefined {
    const column = columnOf(this.source, latex?.trim() ?? '');
    return column === undefined ? undefined : column + this.offset;
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
    if (node.name === 'Nothing') {
      throw syntaxError('Something is missing in the LaTeX.', this.column(node.latex));
    }
    if (/Infinity$|^NaN$|^ImaginaryUnit$|Numbers$/.test(node.name)) {
      throw notAllowed(
        `${quote(node.latex ?? node.name)} is not a number a formula can compute with.`,
        this.column(node.latex),
      );
    }
    return new nodes.SymbolNode(symbolName(node));
  }

  private apply(node: FnView): MathNode {
    const unary = UNARY.get(node.head);
    if (unary !== undefined) return this.call(unary, node, 1);
    const folded = FOLDED.get(node.head);
    if (folded !== undefined) {
      return this.fold(
        node.args.map((a) => this.child(a)),
        (a, b) => this.fn(folded, [a, b]),
      );
    }
    switch (node.head) {
      case 'Add':
        return this.fold(
          node.args.map((a) => this.child(a)),
          (a, b) => new nodes.OperatorNode('+', 'add', [a, b]),
        );
      case 'Multiply':
        return this.fold(
          node.args.map((a) => this.child(a)),
          (a, b) => new nodes.OperatorNode('*', 'multiply', [a, b]),
        );
      case 'InvisibleOperator':
        return this.invisible(node);
      case 'Subtract':
        if (node.args.length === 1) {
          return new nodes.OperatorNode('-', 'unaryMinus', [this.child(node.args[0])]);
        }
        return this.binary(node, '-', 'subtract');
      case 'Negate':
        return new nodes.OperatorNode('-', 'unaryMinus', [this.only(node)]);
      case 'Divide':
      case 'Rational':
        return this.binary(node, '/', 'divide');
      case 'Power':
        return this.binary(node, '^', 'pow');
      case 'Square':
        return new nodes.OperatorNode('^', 'pow', [this.only(node), new nodes.ConstantNode(2)]);
      case 'Root':
        return this.root(node);
      case 'Log':
        return this.log(node);
      case 'Delimiter':
        return this.delimiter(node);
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
      default: {
        const what = REFUSED.get(node.head) ?? `the operation ${node.head}`;
        throw notAllowed(
          `${quote(node.latex ?? node.head)} uses ${what}, which a formula here cannot contain.`,
          this.column(node.latex),
        );
      }
    }
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

  private binary(node: FnView, op: string, fn: string): MathNode {
    if (node.args.length !== 2) {
      throw syntaxError(`${quote(node.latex ?? node.head)} needs two operands.`, this.column(node.latex));
    }
    return new nodes.OperatorNode(op as '+', fn as 'add', [
      this.child(node.args[0]),
      this.child(node.args[1]),
    ]);
  }

  private fn(name: string, args: MathNode[]): MathNode {
    return new nodes.FunctionNode(new nodes.SymbolNode(name), args);
  }

  private call(name: string, node: FnView, arity: number): MathNode {
    if (node.args.length !== arity) {
      throw syntaxError(
        `${quote(node.latex ?? name)} needs ${arity} argument${arity === 1 ? '' : 's'}.`,
        this.column(node.latex),
      );
    }
    return this.fn(
      name,
      node.args.map((a) => this.child(a)),
    );
  }

  private fold(items: MathNode[], join: (a: MathNode, b: MathNode) => MathNode): MathNode {
    if (items.length === 0) throw syntaxError('Something is missing in the LaTeX.');
    return items.reduce((acc, item) => join(acc, item));
  }

  /** Juxtaposition: `2x`, `xy`, `100(y-x^2)`; a function name followed by a group, as in `\operatorname{atan2}(y, x)`, is a call. */
  private invisible(node: FnView): MathNode {
    // Spacing such as `\,` in `\frac{1}{2}\,x^2` is juxtaposed with its neighbours; it is layout, not a factor.
    const args = node.args
      .map((a) => view(a))
      .filter((a) => !(a.kind === 'fn' && a.head === 'HorizontalSpacing'));
    if (args.length === 0) throw this.onlySpacing(node);
    const items: MathNode[] = [];
    for (let i = 0; i < args.length; i += 1) {
      const item = args[i];
      const next = i + 1 < args.length ? args[i + 1] : undefined;
      const callee = calleeName(item);
      if (callee !== undefined && next?.kind === 'fn' && next.head === 'Delimiter') {
        const call = this.fn(callee.name, this.groupItems(next));
        items.push(callee.negated ? new nodes.OperatorNode('-', 'unaryMinus', [call]) : call);
        i += 1;
      } else {
        items.push(this.map(item));
      }
    }
    return this.fold(items, (a, b) => new nodes.OperatorNode('*', 'multiply', [a, b], true));
  }

  private groupItems(group: FnView): MathNode[] {
    const inner = view(group.args[0]);
    if (inner.kind === 'fn' && inner.head === 'Sequence') return inner.args.map((a) => this.child(a));
    return [this.map(inner)];
  }

  private delimiter(node: FnView): MathNode {
    const items = node.args.length === 0 ? [] : this.groupItems(node);
    if (items.length !== 1) {
      throw notAllowed(
        `${quote(node.latex ?? '(…)')} is a list of values, not a formula.`,
        this.column(node.latex),
      );
    }
    return new nodes.ParenthesisNode(items[0]);
  }

  private root(node: FnView): MathNode {
    if (node.args.length !== 2) return this.call('sqrt', node, 1);
    const radicand = this.child(node.args[0]);
    const index = view(node.args[1]);
    if (index.kind === 'num' && index.value === 2) return this.fn('sqrt', [radicand]);
    if (index.kind === 'num' && index.value === 3) return this.fn('cbrt', [radicand]);
    const exponent = new nodes.OperatorNode('/', 'divide', [new nodes.ConstantNode(1), this.map(index)]);
    return new nodes.OperatorNode('^', 'pow', [
      new nodes.ParenthesisNode(radicand),
      new nodes.ParenthesisNode(exponent),
    ]);
  }

  /** `\log x` is the natural logarithm, as in mathjs, NumPy and machine-learning notes; `\log_{b}` keeps its base. */
  private log(node: FnView): MathNode {
    if (node.args.length === 1) return this.fn('log', [this.child(node.args[0])]);
    if (node.args.length !== 2) return this.call('log', node, 1);
    const argument = this.child(node.args[0]);
    const base = view(node.args[1]);
    if (base.kind === 'num' && base.value === 10) return this.fn('log10', [argument]);
    if (base.kind === 'num' && base.value === 2) return this.fn('log2', [argument]);
    if (base.kind === 'sym' && (base.name === 'e' || base.name === 'ExponentialE')) {
      return this.fn('log', [argument]);
    }
    return this.fn('log', [argument, this.map(base)]);
  }
}
