// Starting points as people give them: fewer entries than variables repeat the last one (1 when
// none is given), so `--start 2` on f(x, y) starts at (2, 2).
import { FormulaError } from './types';

/** The start completed to `dimension` entries; throws a 'bad-option' FormulaError for too many or non-finite entries. */
export function completeStart(start: readonly number[], dimension: number, variables: readonly string[] = []): number[] {
  const given = Array.isArray(start) ? start : [];
  if (given.length > dimension) {
    const names = variables.length > 0 ? ` (${variables.join(', ')})` : '';
    throw new FormulaError(
      `The start has ${given.length} values but the formula has ${dimension} variable${dimension === 1 ? '' : 's'}${names}.`,
      'bad-option',
    );
  }
  for (const v of given) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new FormulaError(`The start must be finite numbers, got ${String(v)}.`, 'bad-option');
  }
  const last = given.length > 0 ? given[given.length - 1]! : 1;
  return Array.from({ length: dimension }, (_, i) => (i < given.length ? given[i]! : last));
}
