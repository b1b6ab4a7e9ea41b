// Symbolic partial derivatives: mathjs's derivative, extended by the chain rule to the table functions
// it does not know (sigmoid, softplus, relu, max, log1p, logsumexp, huber ...). Each such call is
// replaced by a fresh symbol s; then ∂F/∂x = ∂F̃/∂x + Σ ∂F̃/∂s · Σⱼ ∂g/∂uⱼ · ∂uⱼ/∂x, with F̃ the
// tree with symbols for calls and uⱼ the call's arguments. A tree without such calls goes to mathjs
// unchanged, so every derivative mathjs already took stays exactly what it was.
import { differentiate, nodes, type MathNode } from '../math';

/** ∂g/∂uⱼ for each argument uⱼ of a call g(u₁, …), as trees over the arguments. */
type PartialsRule = (args: readonly MathNode[]) => readonly MathNode[];

const number = (value: number): MathNode => new nodes.ConstantNode(value);
const call = (name: string, args: readonly MathNode[]): MathNode =>
  new nodes.FunctionNode(new nodes.SymbolNode(name), [...args]);
const op = (symbol: '+' | '-' | '*' | '/' | '^', fn: string, args: readonly MathNode[]): MathNode =>
  new nodes.OperatorNode(symbol as '+', fn as 'add', [...args]);
const times = (a: MathNode, b: MathNode): MathNode => op('*', 'multiply', [a, b]);
const over = (a: MathNode, b: MathNode): MathNode => op('/', 'divide', [a, b]);
const plus = (a: MathNode, b: MathNode): MathNode => op('+', 'add', [a, b]);
const minus = (a: MathNode, b: MathNode): MathNode => op('-', 'subtract', [a, b]);
const squared = (a: MathNode): MathNode => op('^', 'pow', [a, number(2)]);
const zeros = (args: readonly MathNode[]): readonly MathNode[] => args.map(() => number(0));

const RULES: ReadonlyMap<string, PartialsRule> = new Map<string, PartialsRule>([
  ['sigmoid', ([u]) => [times(call('sigmoid', [u]), minus(number(1), call('sigmoid', [u])))]],
  ['softplus', ([u]) => [call('sigmoid', [u])]],
  ['relu', ([u]) => [call('step', [u])]],
  ['max', ([a, b]) => [call('maxSlope', [a, b]), call('maxSlope', [b, a])]],
  ['min', ([a, b]) => [call('maxSlope', [b, a]), call('maxSlope', [a, b])]],
  ['expm1', ([u]) => [call('exp', [u])]],
  ['log1p', ([u]) => [over(number(1), plus(number(1), u))]],
  ['log2', ([u]) => [over(number(1), times(u, call('log', [number(2)])))]],
  [
    'atan2',
    ([y, x]) => {
      const radius = plus(squared(x), squared(y));
      return [over(x, radius), over(op('-', 'unaryMinus', [y]), radius)];
    },
  ],
  ['logsumexp', (args) => args.map((a) => call('exp', [minus(a, call('logsumexp', args))]))],
  [
    'huber',
    ([u, delta]) =>
      delta === undefined
        ? [call('huberSlope', [u, number(1)])]
        : [call('huberSlope', [u, delta]), call('huberDeltaSlope', [u, delta])],
  ],
  // Piecewise constant: their own derivatives are 0 wherever they are defined.
  ['sign', zeros],
  ['step', zeros],
  ['maxSlope', zeros],
]);

function isRuleCall(node: MathNode): node is MathNode & { fn: { name: string }; args: MathNode[] } {
  if (node.type !== 'FunctionNode') return false;
  const fn = (node as MathNode & { fn: MathNode }).fn;
  return fn.type === 'SymbolNode' && RULES.has((fn as MathNode & { name: string }).name);
}

function symbolNames(node: MathNode): Set<string> {
  const names = new Set<string>();
  node.traverse((n) => {
    if (n.type === 'SymbolNode') names.add((n as MathNode & { name: string }).name);
  });
  return names;
}

/** The outermost calls mathjs cannot differentiate, each replaced by a symbol that no tree uses. */
function hideCalls(node: MathNode): { tree: MathNode; calls: MathNode[]; names: string[] } {
  const taken = symbolNames(node);
  const calls: MathNode[] = [];
  const names: string[] = [];
  const tree = node.transform((n) => {
    if (!isRuleCall(n)) return n;
    let index = calls.findIndex((c) => c.equals(n));
    if (index < 0) {
      let name = `u${calls.length}`;
      while (taken.has(name)) name = `_${name}`;
      taken.add(name);
      index = calls.push(n) - 1;
      names.push(name);
    }
    return new nodes.SymbolNode(names[index]);
  });
  return { tree, calls, names };
}

/** ∂node/∂variable as a mathjs tree; throws (as mathjs does) for a function no rule covers. */
export function derivative(node: MathNode, variable: string): MathNode {
  const { tree, calls, names } = hideCalls(node);
  if (calls.length === 0) return differentiate(node, variable);
  let sum = differentiate(tree, variable);
  calls.forEach((hidden, k) => {
    const { fn, args } = hidden as MathNode & { fn: { name: string }; args: MathNode[] };
    const dependent = args.map((a) => symbolNames(a).has(variable));
    if (!dependent.includes(true)) return;
    const outer = differentiate(tree, names[k]);
    const partials = (RULES.get(fn.name) as PartialsRule)(args);
    args.forEach((arg, j) => {
      if (!dependent[j]) return;
      sum = plus(sum, times(outer, times(partials[j], derivative(arg, variable))));
    });
  });
  const byName = new Map(names.map((name, k) => [name, calls[k]] as const));
  return sum.transform((n) =>
    n.type === 'SymbolNode' ? (byName.get((n as MathNode & { name: string }).name) ?? n) : n,
  );
}
