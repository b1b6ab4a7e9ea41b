// Values a note gives its parameters: `$\lambda = 0.1$` or a line `a = 2` near a formula whose
// definition leaves λ and a as parameters. The engine's parameters default to 1; a caller with the
// whole document (the panel, a hover) can seed them from here and pass them as RunOptions.parameters.
import { latinName } from '../parse/greek';
import { scanMathRegions } from './delimited';

/** How far from the formula (in lines, either way) an assignment still counts as its parameter's value. */
export const PARAMETER_VALUE_LINES = 20;

// `\lambda = 0.1`, `a=2`, `\theta_{0} = -1.5e-3`, `\eta = 1{,}5`: one name, one number, nothing else.
const ASSIGNMENT =
  /^\s*\\?([A-Za-z]+|[\u0370-\u03ff])(?:_\{?([A-Za-z0-9]+)\}?)?\s*=\s*([-+]?(?:\d+(?:\.\d*|\{,\}\d+)?|\.\d+)(?:[eE][-+]?\d+)?)\s*[.,;]?\s*$/;

/** The name and value an assignment text gives, if it is one. */
function assignmentOf(text: string): { name: string; value: number } | undefined {
  const match = ASSIGNMENT.exec(text);
  if (match === null) return undefined;
  const [, base, sub, number] = match;
  const value = Number(number.replace('{,}', '.'));
  if (!Number.isFinite(value)) return undefined;
  return { name: latinName(sub === undefined ? base : `${base}_${sub}`), value };
}

/** Assignments in `text` with the line each is on: math regions first, then whole plain lines. */
function assignments(text: string): { name: string; value: number; line: number }[] {
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
  const found: { name: string; value: number; line: number }[] = [];
  for (const region of scanMathRegions(text)) {
    const given = assignmentOf(text.slice(region.innerStart, region.innerEnd));
    if (given) found.push({ ...given, line: lineOf(region.innerStart) });
  }
  text.split('\n').forEach((line, index) => {
    const given = assignmentOf(line.replace(/^\s*(?:const|let|var)\s+/, '').replace(/#.*$/, ''));
    if (given) found.push({ ...given, line: index });
  });
  return found;
}

/**
 * For each of `names`, the value of the assignment to it closest to `offset` in `text` (within
 * PARAMETER_VALUE_LINES lines); names the note gives no value are left out.
 */
export function parameterValuesNear(
  text: string,
  offset: number,
  names: readonly string[],
): Record<string, number> {
  const here = text.slice(0, Math.max(0, offset)).split('\n').length - 1;
  const values: Record<string, number> = {};
  const distance: Record<string, number> = {};
  for (const { name, value, line } of assignments(text)) {
    const away = Math.abs(line - here);
    if (!names.includes(name) || away > PARAMETER_VALUE_LINES || away >= (distance[name] ?? Infinity)) {
      continue;
    }
    values[name] = value;
    distance[name] = away;
  }
  return values;
}
