// Where a sum without brackets ends. Styblinski–Tang is printed `\frac{\sum_{i=1}^{n} x_i^4 -
// 16x_i^2 + 5x_i}{2}`: the terms after the sum that use its index are the sum's, as the writer
// means. Read strictly they would stand outside it, with x_i a free variable of its own. A term
// that does not use the index (`\sum_i x_i^2 + \lambda w^2`) ends the sum, as does a sum subtracted.
import { notAllowed, quote } from './errors';
import { mapArgs, rawCall, rawJson, view } from './mathjson';

interface Term {
  readonly negative: boolean;
  readonly json: unknown;
}

/** `json` with each sum's body extended over the terms after it that use its index. */
export function extendSums(json: unknown): unknown {
  const node = mapArgs(json, extendSums);
  const head = rawCall(node)?.head;
  if (head !== 'Add' && head !== 'Subtract') return node;
  const terms = termsOf(node, false);
  const extended = extendIn(terms);
  return extended === undefined ? node : rawJson({ head: 'Add', args: extended.map(signed) });
}

function extendIn(terms: readonly Term[]): Term[] | undefined {
  const at = terms.findIndex((term) => !term.negative && indexOf(term.json) !== undefined);
  if (at < 0) return undefined;
  const sum = rawCall(terms[at].json);
  const index = indexOf(terms[at].json);
  if (sum === undefined || index === undefined) return undefined;
  let end = at + 1;
  while (end < terms.length && mentions(terms[end].json, index)) end += 1;
  const rest = terms.slice(end);
  const tail = extendIn(rest) ?? rest;
  if (end === at + 1) return tail === rest ? undefined : [...terms.slice(0, end), ...tail];
  const body = rawJson({ head: 'Add', args: [sum.args[0], ...terms.slice(at + 1, end).map(signed)] });
  const extended = rawJson({ head: sum.head, args: [body, ...sum.args.slice(1)], latex: sum.latex });
  return [...terms.slice(0, at), { negative: false, json: extended }, ...tail];
}

/** The terms of a chain of sums and differences, with their signs. */
function termsOf(json: unknown, negative: boolean): Term[] {
  const call = rawCall(json);
  if (call?.head === 'Add') return call.args.flatMap((arg) => termsOf(arg, negative));
  if (call?.head === 'Subtract' && call.args.length === 2) {
    return [...termsOf(call.args[0], negative), ...termsOf(call.args[1], !negative)];
  }
  if (call?.head === 'Negate' && call.args.length === 1) return termsOf(call.args[0], !negative);
  return [{ negative, json }];
}

function signed(term: Term): unknown {
  return term.negative ? rawJson({ head: 'Negate', args: [term.json] }) : term.json;
}

/** The index of a sum with bounds, `i` of `\sum_{i=1}^{n}`. */
function indexOf(json: unknown): string | undefined {
  return rawCall(json)?.head === 'Sum' ? reductionIndex(json) : undefined;
}

/** The index of a sum or product with bounds. */
function reductionIndex(json: unknown): string | undefined {
  const call = rawCall(json);
  if ((call?.head !== 'Sum' && call?.head !== 'Product') || call.args.length !== 2) return undefined;
  const range = rawCall(call.args[1]);
  const index = range?.head === 'Tuple' ? view(range.args[0]) : undefined;
  return index?.kind === 'sym' ? index.name : undefined;
}

/** Whether `json` uses `index` unbound: as a name, or in a subscript (`x_i`, `x_{i+1}`). */
function mentions(json: unknown, index: string): boolean {
  const call = rawCall(json);
  if (reductionIndex(json) === index) return false;
  if (call !== undefined) return call.args.some((arg) => mentions(arg, index));
  const leaf = view(json);
  return (
    leaf.kind === 'sym' &&
    leaf.name
      .split('_')
      .slice(leaf.name === index ? 0 : 1)
      .includes(index)
  );
}

/** Refuses a name subscripted by a sum's index outside that sum (`a - \sum_i x_i + x_i`): it can only be a slip. */
export function refuseFreeIndices(
  json: unknown,
  column: (latex: string | undefined) => number | undefined,
): void {
  const indices = new Set<string>();
  collectIndices(json, indices);
  if (indices.size > 0) checkBound(json, indices, new Set(), column);
}

function collectIndices(json: unknown, into: Set<string>): void {
  const index = reductionIndex(json);
  if (index !== undefined) into.add(index);
  for (const arg of rawCall(json)?.args ?? []) collectIndices(arg, into);
}

function checkBound(
  json: unknown,
  indices: ReadonlySet<string>,
  bound: ReadonlySet<string>,
  column: (latex: string | undefined) => number | undefined,
): void {
  const call = rawCall(json);
  if (call === undefined) {
    const leaf = view(json);
    if (leaf.kind !== 'sym') return;
    const free = leaf.name
      .split('_')
      .slice(1)
      .find((part) => indices.has(part) && !bound.has(part));
    if (free === undefined) return;
    throw notAllowed(
      `${quote(leaf.latex ?? leaf.name)} uses the index ${free} outside the sum or product over ${free}: put its terms in brackets, as in \\sum_{${free}=1}^{n} \\left(x_${free}^2 + x_${free}\\right).`,
      column(leaf.latex),
    );
  }
  const index = reductionIndex(json);
  const inner = index === undefined ? bound : new Set([...bound, index]);
  call.args.forEach((arg, i) =>
    checkBound(arg, indices, index !== undefined && i === 0 ? inner : bound, column),
  );
}
