// Where the argument of a function written without parentheses ends. The LaTeX parser lets
// `\cos y \exp(-y)` run to the end of the product, cos(y·exp(−y)); people mean cos y · exp(−y), as
// the parser itself already reads `\sin x \cos y`. So an unbracketed argument ends before the next
// function (`\exp`, `\sqrt`, `|y|`, `e^{y}`, `\operatorname{relu}`) and at an explicit \cdot or
// \times; `\sin x y` stays sin(xy) and `\sin(x \exp y)` keeps its parentheses' meaning.
import { bareFunction, UNARY } from './latexCalls';
import { mapArgs, rawCall as nodeOf, rawJson as rebuild, view, type RawCall as Node } from './mathjson';

/** Heads written as a command before their argument (`\sqrt{…}` and `|…|` always delimit theirs). */
const COMMAND_HEADS: ReadonlySet<string> = new Set(
  [...UNARY.keys()].filter((head) => head !== 'Sqrt' && head !== 'Abs'),
);

const FUNCTION_HEADS: ReadonlySet<string> = new Set([...UNARY.keys(), 'Max', 'Min']);

// A bracket between the command (with any power or subscript, \sin^2 or \log_2) and its argument.
const OPENING = /[([]|\\\{|\\left|\\[bB]ig/;

/** Whether the call written `latex` brackets its argument, whose own text is `argument`'s (unknown: as if it did). */
function bracketed(latex: string | undefined, argument: Json): boolean {
  // The parser re-spaces the argument's text (`x \cdot\exp(y)`), so both are compared without spaces.
  const inner = view(argument).latex?.replace(/\s+/g, '');
  const outer = latex?.replace(/\s+/g, '') ?? '';
  const at = inner === undefined || inner === '' ? -1 : outer.indexOf(inner);
  return at < 0 || OPENING.test(outer.slice(0, at));
}

type Json = unknown;

/** `json` with each unbracketed function argument ended where a person ends it. */
export function endArguments(json: Json): Json {
  const mapped = mapArgs(json, endArguments);
  const node = nodeOf(mapped);
  return (node === undefined ? undefined : endedCall(node)) ?? mapped;
}

function endedCall(node: Node): Json | undefined {
  if (node.head === 'Power') return endedPower(node);
  if (!COMMAND_HEADS.has(node.head) || node.args.length !== 1 || bracketed(node.latex, node.args[0])) {
    return undefined;
  }
  const split = splitFactors(node.args[0]);
  if (split === undefined) return undefined;
  return rebuild({
    head: split.join,
    args: [rebuild({ head: node.head, args: [split.argument] }), ...split.rest],
  });
}

/** `\sin^2 x \exp(y)`: the parser puts the power outside the call; the call's argument ends as above. */
function endedPower(node: Node): Json | undefined {
  const [base, exponent] = node.args;
  const call = nodeOf(base);
  if (call === undefined || call.latex !== undefined || !COMMAND_HEADS.has(call.head)) return undefined;
  if (call.args.length !== 1 || bracketed(node.latex, call.args[0])) return undefined;
  const split = splitFactors(call.args[0]);
  if (split === undefined) return undefined;
  const power = rebuild({
    head: 'Power',
    args: [rebuild({ head: call.head, args: [split.argument] }), exponent],
    latex: node.latex,
  });
  return rebuild({ head: split.join, args: [power, ...split.rest] });
}

interface Split {
  readonly argument: Json;
  readonly rest: readonly Json[];
  readonly join: 'InvisibleOperator' | 'Multiply';
}

function splitFactors(argument: Json): Split | undefined {
  const product = nodeOf(argument);
  if (product === undefined || product.args.length < 2) return undefined;
  if (product.head === 'Multiply') {
    return { argument: product.args[0], rest: product.args.slice(1), join: 'Multiply' };
  }
  if (product.head !== 'InvisibleOperator') return undefined;
  const at = product.args.findIndex((item, i) => i > 0 && isFunction(item));
  if (at < 0) return undefined;
  const before = product.args.slice(0, at);
  return {
    argument: before.length === 1 ? before[0] : rebuild({ head: 'InvisibleOperator', args: before }),
    rest: product.args.slice(at),
    join: 'InvisibleOperator',
  };
}

function isFunction(item: Json): boolean {
  const node = nodeOf(item);
  if (node === undefined) return bareFunction(view(item)) !== undefined;
  if (FUNCTION_HEADS.has(node.head)) return true;
  const base = node.head === 'Power' ? view(node.args[0]) : undefined;
  return base?.kind === 'sym' && (base.name === 'e' || base.name === 'ExponentialE');
}
