// Valid ranges of hyper-parameters and the one wording of a refusal, shared by the settings'
// checks, the torch-syntax parser and (through the descriptors) the panel's controls.
import { FormulaError } from './types';

/** Where a number may lie: `min`/`max` inclusive, `above`/`below` exclusive; applied to each entry of a pair or list. */
export interface Range {
  readonly min?: number;
  readonly max?: number;
  readonly above?: number;
  readonly below?: number;
  readonly integer?: boolean;
}

/** torch's argument names that are not the snake_case of the engine's camelCase keys. */
const IRREGULAR: Readonly<Record<string, string>> = { tMax: 'T_max', t0: 'T_0', tMult: 'T_mult' };

/** The torch argument name of an engine key: weightDecay → weight_decay, tMax → T_max. */
export function torchName(key: string, scheduler = false): string {
  if (scheduler && Object.prototype.hasOwnProperty.call(IRREGULAR, key)) return IRREGULAR[key]!;
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The range in words: "a number > 0", "an integer ≥ 1", "a number in [0, 1)". */
export function describeRange(range: Range): string {
  const what = range.integer ? 'an integer' : 'a number';
  const low = range.min !== undefined ? `[${range.min}` : range.above !== undefined ? `(${range.above}` : '';
  const high = range.max !== undefined ? `${range.max}]` : range.below !== undefined ? `${range.below})` : '';
  if (low !== '' && high !== '') return `${what} in ${low}, ${high}`;
  if (range.min !== undefined) return `${what} ≥ ${range.min}`;
  if (range.above !== undefined) return `${what} > ${range.above}`;
  if (range.max !== undefined) return `${what} ≤ ${range.max}`;
  if (range.below !== undefined) return `${what} < ${range.below}`;
  return range.integer ? 'an integer' : 'a finite number';
}

/** True when `v` is a finite number inside `range`. */
export function inRange(v: number, range: Range): boolean {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  if (range.integer && !Number.isInteger(v)) return false;
  if (range.min !== undefined && v < range.min) return false;
  if (range.max !== undefined && v > range.max) return false;
  if (range.above !== undefined && !(v > range.above)) return false;
  if (range.below !== undefined && !(v < range.below)) return false;
  return true;
}

/** Throws a FormulaError 'bad-option' unless `value` (a number, null, or a list of numbers) lies in `range`. */
export function checkValue(name: string, value: unknown, range: Range): void {
  if (value === null) return;
  const entries = Array.isArray(value) ? value : [value];
  if (entries.length === 0 || !entries.every((v) => inRange(v as number, range))) {
    const shown = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
    const each = Array.isArray(value) ? 'each ' : '';
    throw new FormulaError(`${name} must be ${each}${describeRange(range)} (got ${shown})`, 'bad-option');
  }
}
