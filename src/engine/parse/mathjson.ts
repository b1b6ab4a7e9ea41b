// Reads the MathJSON that the compute-engine LaTeX parser produces (compact or with `latex`
// annotations) as a small tagged view, so the mapper never pokes at raw JSON shapes.
import { notAllowed, syntaxError } from './errors';

/** A MathJSON function application: head, arguments, and the LaTeX it came from when known. */
export interface FnView {
  readonly kind: 'fn';
  readonly head: string;
  readonly args: readonly unknown[];
  readonly latex?: string;
  /** [start, end) in the parsed LaTeX, present on error nodes. */
  readonly offsets?: readonly [number, number];
}

/** A MathJSON symbol. */
export interface SymView {
  readonly kind: 'sym';
  readonly name: string;
  readonly latex?: string;
}

/** A MathJSON number (its text as written, and its float value). */
export interface NumView {
  readonly kind: 'num';
  readonly value: number;
  readonly text: string;
  readonly latex?: string;
}

/** A MathJSON string. */
export interface StrView {
  readonly kind: 'str';
  readonly value: string;
  readonly latex?: string;
}

/** Any MathJSON expression, tagged. */
export type View = FnView | SymView | NumView | StrView;

/** Tags one MathJSON expression; anything that is not MathJSON is a syntax error. */
export function view(json: unknown): View {
  // The parser leaves null where something is missing (`x_`).
  if (json === null) return { kind: 'sym', name: 'Nothing' };
  if (typeof json === 'number') return { kind: 'num', value: json, text: String(json) };
  if (typeof json === 'string') {
    if (json.length >= 2 && json.startsWith("'") && json.endsWith("'")) {
      return { kind: 'str', value: json.slice(1, -1) };
    }
    return { kind: 'sym', name: json };
  }
  if (Array.isArray(json)) return fnView(json, undefined, undefined);
  if (typeof json === 'object' && json !== null) {
    const o = json as Record<string, unknown>;
    const latex = typeof o.latex === 'string' ? o.latex : undefined;
    if (Array.isArray(o.fn)) return fnView(o.fn, latex, offsetsOf(o.sourceOffsets));
    if (typeof o.sym === 'string') return { kind: 'sym', name: o.sym, latex };
    if (typeof o.num === 'string') return { kind: 'num', value: Number(o.num), text: o.num, latex };
    if (typeof o.str === 'string') return { kind: 'str', value: o.str, latex };
  }
  throw syntaxError('The LaTeX parser returned something this cannot read.');
}

function fnView(
  items: readonly unknown[],
  latex: string | undefined,
  offsets: readonly [number, number] | undefined,
): FnView {
  const head = items[0];
  if (typeof head !== 'string') {
    throw notAllowed(`${latex ?? 'This expression'} applies something that is not a function name.`);
  }
  return { kind: 'fn', head, args: items.slice(1), latex, offsets };
}

function offsetsOf(value: unknown): readonly [number, number] | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined;
  const [start, end] = value as unknown[];
  return typeof start === 'number' && typeof end === 'number' ? [start, end] : undefined;
}

// What the compute engine's error codes mean, in words a person understands.
const ERROR_WORDS: ReadonlyMap<string, string> = new Map([
  ['unexpected-command', 'is not a LaTeX command this understands'],
  ['unknown-command', 'is not a LaTeX command this understands'],
  ['expected-closing-delimiter', 'is opened but never closed'],
  ['unexpected-closing-delimiter', 'closes something that was never opened'],
  ['unexpected-delimiter', 'has no matching partner'],
  ['expected-open-delimiter', 'needs an opening delimiter'],
  ['unexpected-operator', 'has nothing on one of its sides'],
  ['unexpected-superscript', 'is a second superscript; group it, as in x^{a^b}'],
  ['unexpected-subscript', 'is a second subscript'],
  ['unknown-environment', 'is an environment this does not read; select the formula inside it'],
  ['unexpected-token', 'is not expected here'],
]);

/** Finds the first Error node anywhere in the tree and turns it into a FormulaError; `column(i)` maps an index of the parsed text to a column. */
export function findParseError(json: unknown, column: (index: number) => number): Error | undefined {
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const item = stack.pop();
    const node = safeView(item);
    if (node === undefined || node.kind !== 'fn') continue;
    if (node.head === 'Error') return describeError(node, column);
    // The parser sometimes wraps an unknown command's text without its Error head (`\nabla^2 f`).
    if (node.head === 'LatexString') {
      return describeError({ ...node, head: 'Error', args: ["'unexpected-command'", item] }, column);
    }
    for (let i = node.args.length - 1; i >= 0; i -= 1) stack.push(node.args[i]);
  }
  return undefined;
}

function safeView(json: unknown): View | undefined {
  try {
    return view(json);
  } catch {
    return undefined;
  }
}

// Commands the parser does not know but a person means something by.
const COMMAND_WORDS: ReadonlyMap<string, string> = new Map([
  ['\\\\', 'is a line break: select one line, or a formula whose next line starts with + or −'],
  ['\\nabla', 'is the gradient operator: select the function itself'],
  ['\\partial', 'is a partial derivative: select the function itself'],
  ['\\left', 'is unbalanced or mismatched: close \\left( with \\right), \\left[ with \\right]'],
  ['\\right', 'is unbalanced or mismatched: close \\left( with \\right), \\left[ with \\right]'],
]);

function describeError(node: FnView, column: (index: number) => number): Error {
  const code = errorCode(node.args[0]);
  const latexArg = safeView(node.args[1]);
  let fragment =
    latexArg?.kind === 'fn' && latexArg.head === 'LatexString' ? stringOf(latexArg.args[0]) : undefined;
  const start = node.offsets?.[0];
  const at = start === undefined ? undefined : column(start);
  if (code === 'missing' || fragment === undefined || fragment.trim() === '') {
    return syntaxError(
      'Something is missing in the LaTeX (an empty group, a \\frac with one argument, or a dangling operator).',
      at,
    );
  }
  fragment = fragment.length > 40 ? `${fragment.slice(0, 39)}…` : fragment;
  const words = COMMAND_WORDS.get(fragment.trim()) ?? ERROR_WORDS.get(code) ?? 'cannot be read here';
  return syntaxError(`In the LaTeX, "${fragment.trim()}" ${words}.`, at);
}
function errorCode(json: unknown): string {
  const node = safeView(json);
  if (node === undefined) return 'unknown';
  if (node.kind === 'str' || node.kind === 'sym') return node.kind === 'str' ? node.value : node.name;
  if (node.kind === 'fn' && node.head === 'ErrorCode') return errorCode(node.args[0]);
  return 'unknown';
}

function stringOf(json: unknown): string | undefined {
  const node = safeView(json);
  return node?.kind === 'str' ? node.value : undefined;
}

/** A raw MathJSON call's parts, compact (`["Add", …]`) or with its LaTeX (`{ fn, latex }`). */
export interface RawCall {
  readonly head: string;
  readonly args: readonly unknown[];
  readonly latex?: string;
}

/** The parts of a raw MathJSON call, undefined for a symbol, number or string. */
export function rawCall(json: unknown): RawCall | undefined {
  if (Array.isArray(json)) {
    return typeof json[0] === 'string' ? { head: json[0], args: json.slice(1) } : undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as { fn?: unknown; latex?: unknown };
  if (!Array.isArray(o.fn) || typeof o.fn[0] !== 'string') return undefined;
  return { head: o.fn[0], args: o.fn.slice(1), ...(typeof o.latex === 'string' ? { latex: o.latex } : {}) };
}

/** A raw MathJSON call from its parts. */
export function rawJson(call: RawCall): unknown {
  return { fn: [call.head, ...call.args], ...(call.latex === undefined ? {} : { latex: call.latex }) };
}

/**
 * `json` with `each` applied to its call's arguments: the same object when none changed, else a copy
 * keeping what else the parser recorded (its source offsets, for errors' columns).
 */
export function mapArgs(json: unknown, each: (arg: unknown) => unknown): unknown {
  const call = rawCall(json);
  if (call === undefined) return json;
  const args = call.args.map(each);
  if (args.every((arg, i) => arg === call.args[i])) return json;
  return Array.isArray(json) ? [call.head, ...args] : { ...(json as object), fn: [call.head, ...args] };
}
