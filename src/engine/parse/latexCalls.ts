// Functions in LaTeX: `\sin x`, chains without parentheses (`\tan\sin x` is tan(sin x)), function
// powers (`\sin^2 x` is (sin x)², `\cos^{-1} x` is arccos x), named functions (`\operatorname{ReLU}(x)`,
// `\mathrm{softplus}(x)`, `\sigma(x)` as the logistic sigmoid) and unknown names refused by name.
import { nodes, type MathNode } from '../math';
import { canonicalFunction, knownFunctionNames } from './functionNames';
import { notAllowed, quote, syntaxError } from './errors';
import { isOperatorName } from './latexNames';
import { view, type FnView, type View } from './mathjson';

/** What the mapper offers the function rules. */
export interface MapContext {
  map(node: View): MathNode;
  column(latex: string | undefined): number | undefined;
  /** Names the definition's left side gives: there `\sigma(x)` is σ times x, not the sigmoid. */
  readonly declared: ReadonlySet<string>;
}

/** MathJSON heads of one-argument functions, by table name. */
export const UNARY: ReadonlyMap<string, string> = new Map([
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
  ['Log', 'log'],
  ['Lb', 'log2'],
  ['Lg', 'log10'],
  ['Sqrt', 'sqrt'],
  ['Abs', 'abs'],
  ['Sign', 'sign'],
]);

// `\sin^{-1} x` is arcsin x; `\sec^{-1} x` is arccos(1/x). \log^{-1}, \exp^{-1} and the like are left in doubt.
const INVERSES: ReadonlyMap<string, { readonly name: string; readonly ofReciprocal?: boolean }> = new Map([
  ['sin', { name: 'asin' }],
  ['cos', { name: 'acos' }],
  ['tan', { name: 'atan' }],
  ['sinh', { name: 'asinh' }],
  ['cosh', { name: 'acosh' }],
  ['tanh', { name: 'atanh' }],
  ['csc', { name: 'asin', ofReciprocal: true }],
  ['sec', { name: 'acos', ofReciprocal: true }],
  ['cot', { name: 'atan', ofReciprocal: true }],
]);

const FUNCTION_POWER = /^\s*\\([A-Za-z]+)\s*\^\s*(?:\{\s*-\s*1\s*\}|-\s*1)/;

/** Name given to the argument of a function power written without one (`\sin^2`, `\log_2`). */
export const MISSING_ARGUMENT = 'topic_marker';

/** Said when a function stands without its argument. */
export function missingArgument(what: string, example: string): Error {
  return syntaxError(`${what} needs its argument after it, as in ${example}.`);
}

export function call(name: string, args: MathNode[]): MathNode {
  return new nodes.FunctionNode(new nodes.SymbolNode(name), args);
}

/** The table function a bare symbol names (`\sin` before `\sin x`, `\operatorname{relu}` before x), if any. */
export function bareFunction(item: View): string | undefined {
  if (item.kind !== 'sym') return undefined;
  const unary = UNARY.get(item.name);
  if (unary !== undefined) return unary;
  return isOperatorName(item) ? canonicalFunction(item.name) : undefined;
}

/** The function a symbol standing before an argument group calls, or undefined for a product such as a(x + 1). */
export function calleeName(item: View, ctx: MapContext): string | undefined {
  if (item.kind !== 'sym') return undefined;
  if (item.name === 'sigma' && !ctx.declared.has('sigma')) return 'sigmoid';
  const known = canonicalFunction(item.name);
  if (known !== undefined && (item.name.length > 1 || isOperatorName(item))) return known;
  if (isOperatorName(item)) throw unknownFunction(item.name, ctx.column(item.latex));
  return undefined;
}

/** An upright name such as \operatorname{gelu} that the table does not hold. */
export function unknownFunction(name: string, column: number | undefined): Error {
  return notAllowed(
    `${name} is not a function this knows; known functions: ${knownFunctionNames()}.`,
    column,
  );
}

/** `\cos^{-1} x`: arccos x when written as a function power, else undefined (then it is 1/cos x). */
export function inversePower(node: FnView, ctx: MapContext): MathNode | undefined {
  const match = FUNCTION_POWER.exec(node.latex ?? '');
  if (match === null) return undefined;
  const base = view(node.args[0]);
  const name = base.kind === 'fn' ? UNARY.get(base.head) : undefined;
  const inverse = name === undefined ? undefined : INVERSES.get(name);
  // The parser reads \log^{-1} x as 10^x; here \log is the natural logarithm, so that reading is refused too.
  if (base.kind !== 'fn' || inverse === undefined) {
    throw notAllowed(
      `${quote(`\\${match[1]}^{-1}`)} could mean the inverse function or 1/\\${match[1]}: write 1/\\${match[1]} x for the reciprocal.`,
      ctx.column(node.latex),
    );
  }
  const args = base.args.map((a) => ctx.map(view(a)));
  const [u] = args;
  const argument =
    inverse.ofReciprocal === true && u !== undefined
      ? new nodes.OperatorNode('/', 'divide', [new nodes.ConstantNode(1), new nodes.ParenthesisNode(u)])
      : u;
  return call(inverse.name, argument === undefined ? args : [argument]);
}

/** The items of a group `(a, b)`, `\{a, b\}` or `[a]`, unmapped. */
export function groupViews(group: FnView): View[] {
  if (group.args.length === 0) return [];
  if (group.head !== 'Delimiter') return group.args.map((a) => view(a));
  const inner = view(group.args[0]);
  if (inner.kind === 'fn' && inner.head === 'Sequence') return inner.args.map((a) => view(a));
  return [inner];
}

/** The arguments of a group `(a, b)`, `\{a, b\}` or `[a]`. */
export function groupItems(group: FnView, ctx: MapContext): MathNode[] {
  return groupViews(group).map((item) => ctx.map(item));
}

const GROUPS: ReadonlySet<string> = new Set(['Delimiter', 'List', 'Set']);

/** True for a bracketed group: `( … )`, `[ … ]` or `\{ … \}`. */
export function isGroup(item: View): item is FnView {
  return item.kind === 'fn' && GROUPS.has(item.head);
}

/** `\max\{a, b, c\}` and `\max(a, b)`: the items of a single group, or the arguments themselves. */
export function foldedArguments(node: FnView, ctx: MapContext): MathNode[] {
  const args = node.args.map((a) => view(a));
  const underscore = (a: View): boolean =>
    (a.kind === 'sym' && a.name === '_') ||
    (a.kind === 'fn' && a.head === 'InvisibleOperator' && a.args.some((b) => underscore(view(b))));
  if (args.some(underscore)) {
    throw notAllowed(
      `${quote(node.latex ?? node.head)} takes a maximum or minimum over an index, which is not read; list its values, as in \\max(a, b).`,
      ctx.column(node.latex),
    );
  }
  const only = args.length === 1 ? args[0] : undefined;
  if (only !== undefined && isGroup(only)) return groupItems(only, ctx);
  return args.map((a) => ctx.map(a));
}
