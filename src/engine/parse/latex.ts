// LaTeX through the compute engine's real LaTeX parser, its MathJSON mapped node by node onto
// mathjs nodes (no rewriting of the LaTeX text), with a definition's left side split off.
import { LatexSyntax } from '@cortex-js/compute-engine/latex-syntax';
import { FormulaError } from '../types';
import { columnOf, EQUATION_MESSAGE, notAllowed, quote, syntaxError } from './errors';
import { canonicalFunction } from './functionNames';
import { endArguments } from './latexArguments';
import { extendSums, refuseFreeIndices } from './latexSumBodies';
import { unknownFunction } from './latexCalls';
import { isOperatorName, symbolName } from './latexNames';
import { normalizeLatex } from './latexText';
import { objectiveOf } from './latexObjective';
import { findParseError, view, type FnView, type View } from './mathjson';
import { MathJsonMapper } from './mathjsonToMathjs';
import type { RawFormula } from './plain';
import { originOf } from './text';

let syntax: LatexSyntax | undefined;

/** One parser for the process: building its dictionary costs tens of milliseconds. */
function latexSyntax(): LatexSyntax {
  syntax ??= new LatexSyntax({ preserveLatex: true });
  return syntax;
}

/** Parses LaTeX whose first character sits at `offset` in the original selection. */
export function parseLatex(text: string, offset: number): RawFormula {
  if (text.trim() === '') {
    throw new FormulaError('There is no formula between the math delimiters.', 'empty', offset + 1);
  }
  const objective = objectiveOf(text, offset);
  if (objective !== undefined) {
    const params = subscriptNames(objective.subscript);
    if (params !== undefined) return minimized(text, offset, objective.bodyStart, params);
  }
  return parseBody(text, offset);
}

/** `\min_{w,b} J`: J read with w and b as the variables, as `L(w, b) = J` would be. */
function minimized(text: string, offset: number, bodyStart: number, params: readonly string[]): RawFormula {
  const body = text.slice(bodyStart);
  const inner = parseBody(body, offset + bodyStart, params);
  if (inner.params !== undefined || inner.assigned !== undefined) {
    throw notAllowed('Select the function after the minimum alone, without its definition.', offset + 1);
  }
  return { ...inner, params };
}

/** The names in a minimum's subscript, `w, b` or `\theta`; undefined when it is not a list of names. */
function subscriptNames(subscript: string): readonly string[] | undefined {
  const json = latexSyntax().parse(subscript);
  const root = view(json);
  if (root.kind === 'fn' && root.head === 'Delimiter' && root.args.length > 0) {
    return paramNames(root.args[0]);
  }
  return paramNames(json);
}

function parseBody(text: string, offset: number, declared?: readonly string[]): RawFormula {
  const normalized = normalizeLatex(text, offset);
  const parsed = latexSyntax().parse(normalized.text);
  if (parsed === null) throw syntaxError('The LaTeX could not be read.', offset + 1);
  const json = extendSums(endArguments(parsed));
  const last = Math.max(0, text.length - 1);
  const error = findParseError(json, (index) => offset + Math.min(originOf(normalized, index), last) + 1);
  if (error) throw error;
  refuseFreeIndices(json, (latex) => shift(columnOf(text, latex ?? ''), offset));
  const root = withoutTrailingComma(view(json));
  refuseConditions(root);
  if (root.kind === 'fn' && root.head === 'Equal') return definition(root, text, offset);
  refuseBareApplication(root, text, offset);
  const mapper = new MathJsonMapper(text, offset, declared === undefined ? undefined : new Set(declared));
  return { expression: mapper.map(root), offset };
}

/** A display formula ending in punctuation, `f(x) = x^2,`, is the formula before the comma (the parser reads it as a list with an empty last item). */
function withoutTrailingComma(root: View): View {
  if (root.kind !== 'fn' || root.head !== 'Delimiter' || root.args.length !== 2) return root;
  const separator = view(root.args[1]);
  const items = view(root.args[0]);
  if (
    separator.kind !== 'str' ||
    separator.value !== ',' ||
    items.kind !== 'fn' ||
    items.head !== 'Sequence'
  ) {
    return root;
  }
  const [first, ...rest] = items.args;
  const empty = rest
    .map((item) => view(item))
    .every((item) => item.kind === 'sym' && item.name === 'Nothing');
  return first !== undefined && rest.length > 0 && empty ? view(first) : root;
}

const CONDITIONS: ReadonlySet<string> = new Set([
  'Element',
  'NotElement',
  'Less',
  'Greater',
  'LessEqual',
  'GreaterEqual',
  'NotEqual',
]);

/** `f(x) = x^2, x \in [0, 1]` or `…, x > 0`: a constraint after the formula, which descent here does not take. */
function refuseConditions(root: View): void {
  if (root.kind !== 'fn' || root.head !== 'Delimiter' || root.args.length !== 2) return;
  const items = view(root.args[0]);
  if (items.kind !== 'fn' || items.head !== 'Sequence') return;
  for (const item of items.args.slice(1).map((a) => view(a))) {
    if (item.kind === 'fn' && CONDITIONS.has(item.head)) {
      throw notAllowed(
        `${quote(item.latex ?? 'The condition')} after the formula is a constraint, and descent here is unconstrained: select the formula alone.`,
      );
    }
  }
}

/** `f(x) = ...`, `L(w, b) = ...` or `y = ...`: the left side names the variables, a bare symbol is dropped. */
function definition(node: FnView, text: string, offset: number): RawFormula {
  if (node.args.length !== 2) {
    throw notAllowed('The selection holds several equals signs; select one formula.');
  }
  const left = view(node.args[0]);
  const right = view(node.args[1]);
  if (right.kind === 'fn' && right.head === 'Equal') {
    throw notAllowed('The selection holds several equals signs; select one formula.');
  }
  if (left.kind === 'sym') {
    return { expression: new MathJsonMapper(text, offset).map(right), assigned: symbolName(left), offset };
  }
  const header = functionHeader(left);
  if (header === undefined) {
    throw notAllowed(EQUATION_MESSAGE, shift(columnOf(text, left.latex ?? ''), offset));
  }
  const expression = new MathJsonMapper(text, offset, new Set(header.params)).map(right);
  return { expression, name: header.name, params: header.params, offset };
}

/** `f(\mathbf{w})` alone names a function without defining it; read as a product it would be f·w. */
function refuseBareApplication(root: View, text: string, offset: number): void {
  if (root.kind !== 'fn' || root.head !== 'InvisibleOperator' || root.args.length !== 2) return;
  const name = view(root.args[0]);
  const group = view(root.args[1]);
  if (name.kind !== 'sym' || group.kind !== 'fn' || group.head !== 'Delimiter') return;
  if (canonicalFunction(name.name) !== undefined || name.name === 'sigma') return;
  if (isOperatorName(name)) throw unknownFunction(name.name, offset + 1);
  if (JSON.stringify(group.args).includes(JSON.stringify(name.name))) return;
  throw notAllowed(
    `${quote(text)} names a function without defining it: select its definition, such as f(x) = x^2, or the formula itself.`,
    offset + 1,
  );
}

function shift(column: number | undefined, offset: number): number | undefined {
  return column === undefined ? undefined : column + offset;
}

/** Name and parameters of a left side `f(x, y)`, read either as an application or as `f` times `(x, y)`. */
function functionHeader(left: View): { name: string; params: readonly string[] } | undefined {
  if (left.kind !== 'fn') return undefined;
  if (left.head === 'InvisibleOperator' && left.args.length === 2) {
    const name = view(left.args[0]);
    const group = view(left.args[1]);
    if (name.kind !== 'sym' || group.kind !== 'fn' || group.head !== 'Delimiter') return undefined;
    const params = paramNames(group.args[0]);
    return params && { name: symbolName(name), params };
  }
  if (/^[A-Za-z]\w*$/.test(left.head) && left.args.length > 0) {
    const params = left.args.map((a) => view(a)).map((p) => (p.kind === 'sym' ? symbolName(p) : undefined));
    if (params.some((p) => p === undefined)) return undefined;
    return { name: symbolName({ kind: 'sym', name: left.head }), params: params as string[] };
  }
  return undefined;
}

function paramNames(json: unknown): readonly string[] | undefined {
  const inner = view(json);
  if (inner.kind === 'sym') return [symbolName(inner)];
  if (inner.kind !== 'fn' || inner.head !== 'Sequence') return undefined;
  const names: string[] = [];
  for (const arg of inner.args) {
    const item = view(arg);
    if (item.kind !== 'sym') return undefined;
    names.push(symbolName(item));
  }
  return names;
}
