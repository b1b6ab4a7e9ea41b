// Small checks for untrusted JSON values, shared by the protocol guards.

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` limited to [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A finite number rounded and clamped to [min, max], or undefined when not a finite number. */
export function int(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(Math.round(value), min, max) : undefined;
}

/** A boolean, or undefined. */
export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** A string cut to `max` characters, or undefined when not a string. */
export function str(value: unknown, max: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

/** A number, with null (what JSON makes of NaN and ±Infinity) and anything else read as NaN. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}

/** An array of numbers (non-numbers read as NaN), capped at `max` entries; undefined when not an array. */
export function nums(value: unknown, max: number): number[] | undefined {
  return Array.isArray(value) ? value.slice(0, max).map(num) : undefined;
}

/** `value` when it is one of the `allowed` strings, else undefined. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}
