// A small schema language for untrusted messages: each message is written once as a schema, its
// TypeScript type is inferred from it (Infer) and its guard is the schema itself. Parsing never
// throws: it returns a clean copy (strings and arrays capped, numbers clamped into their range) or
// says which field failed.

/** The result of checking a value against a schema. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Checks an unknown value and returns a clean copy of it. */
export interface Schema<T> {
  parse(value: unknown): Parsed<T>;
}

/** The type a schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** A passed check. */
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
/** A failed check, with why. */
export const fail = (error: string): Parsed<never> => ({ ok: false, error });

/** A schema from a check function. */
function schema<T>(parse: (value: unknown) => Parsed<T>): Schema<T> {
  return { parse };
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` limited to [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A finite number clamped into [min, max]. */
export function num(min = -Number.MAX_VALUE, max = Number.MAX_VALUE): Schema<number> {
  return schema((v) =>
    // Number.isFinite never coerces: a string or null is not finite, so no typeof test is needed.
    Number.isFinite(v) ? ok(clamp(v as number, min, max)) : fail('not a finite number'),
  );
}

/** Any number, NaN and ±Infinity included; null (what JSON makes of them) reads as NaN. */
export function anyNumber(): Schema<number> {
  return schema((v) => (typeof v === 'number' ? ok(v) : v === null ? ok(NaN) : fail('not a number')));
}

/** An integer: a finite number rounded, then clamped into [min, max]. */
export function int(min: number, max: number): Schema<number> {
  return schema((v) =>
    Number.isFinite(v) ? ok(clamp(Math.round(v as number), min, max)) : fail('not an integer'),
  );
}

/** A non-negative safe integer, unclamped (ids). */
export function id(): Schema<number> {
  return schema((v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? ok(v as number) : fail('not an id')));
}

/** A string cut to `max` characters. */
export function str(max: number): Schema<string> {
  return schema((v) => (typeof v === 'string' ? ok(v.slice(0, max)) : fail('not a string')));
}

/** A boolean. */
export function bool(): Schema<boolean> {
  return schema((v) => (typeof v === 'boolean' ? ok(v) : fail('not a boolean')));
}

/** Exactly `value`. */
export function literal<const T extends string | number | boolean>(value: T): Schema<T> {
  return schema((v) => (v === value ? ok(value) : fail(`not ${JSON.stringify(value)}`)));
}

/** One of the `allowed` strings. */
export function oneOf<const T extends string>(allowed: readonly T[]): Schema<T> {
  return schema((v) =>
    (allowed as readonly unknown[]).includes(v) ? ok(v as T) : fail(`not one of ${allowed.join(', ')}`),
  );
}

/** A list of at most `max` items (longer lists are cut), each checked by `item`. */
export function array<T>(item: Schema<T>, max: number): Schema<readonly T[]> {
  return schema((v) => {
    if (!Array.isArray(v)) return fail('not a list');
    const out: T[] = [];
    for (let i = 0; i < Math.min(v.length, max); i++) {
      const parsed = item.parse(v[i]);
      if (!parsed.ok) return fail(`[${i}]: ${parsed.error}`);
      out.push(parsed.value);
    }
    return ok(out);
  });
}

/** Numbers as a Float64Array of at most `max` entries; a list of numbers (or nulls for NaN) is accepted too. */
export function float64(max: number): Schema<Float64Array> {
  return schema((v) => {
    if (v instanceof Float64Array) return v.length <= max ? ok(v) : fail(`more than ${max} numbers`);
    if (!Array.isArray(v) || v.length > max) return fail('not a list of numbers');
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x !== 'number' && x !== null) return fail(`[${i}]: not a number`);
      out[i] = x === null ? NaN : x;
    }
    return ok(out);
  });
}

/** A value that may be missing: undefined stays undefined, anything else must pass `inner`. */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

/** Marks an object field as optional. */
export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return {
    optional: true,
    parse: (v) => (v === undefined ? ok(undefined) : inner.parse(v)),
  };
}

/** An optional field that is dropped (left undefined) when malformed, rather than failing its object. */
export function maybe<T>(inner: Schema<T>): OptionalSchema<T> {
  return {
    optional: true,
    // Undefined needs no case of its own: inner refuses it, and a refusal reads as undefined.
    parse: (v) => {
      const parsed = inner.parse(v);
      return parsed.ok ? parsed : ok(undefined);
    },
  };
}

/** A field that falls back to `fallback` when missing or malformed, rather than failing its object. */
export function withDefault<T>(inner: Schema<T>, fallback: T): Schema<T> {
  return schema((v) => {
    const parsed = inner.parse(v);
    return parsed.ok ? parsed : ok(fallback);
  });
}

type Fields = Record<string, Schema<unknown>>;
type OptionalKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends OptionalSchema<unknown> ? K : never;
}[keyof F];
type RequiredKeys<F extends Fields> = Exclude<keyof F, OptionalKeys<F>>;
/** The object type of a field map: optional schemas give optional properties. */
export type ObjectOf<F extends Fields> = {
  readonly [K in RequiredKeys<F>]: Infer<F[K]>;
} & { readonly [K in OptionalKeys<F>]?: Exclude<Infer<F[K]>, undefined> };

/** An object with exactly these fields (unknown ones are dropped, inherited ones never read). */
export function object<F extends Fields>(fields: F): Schema<ObjectOf<F>> {
  return schema((v) => {
    if (!isRecord(v)) return fail('not an object');
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      const raw = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
      const parsed = field.parse(raw);
      if (!parsed.ok) return fail(`${key}: ${parsed.error}`);
      if (parsed.value !== undefined) out[key] = parsed.value;
    }
    return ok(out as ObjectOf<F>);
  });
}

/** One of several object schemas, chosen by the string in field `key` (a discriminated union). */
export function union<K extends string, M extends Record<string, Schema<unknown>>>(
  key: K,
  members: M,
): Schema<{ [T in keyof M]: Infer<M[T]> }[keyof M]> {
  return schema((v) => {
    if (!isRecord(v)) return fail('not an object');
    const tag = v[key];
    if (typeof tag !== 'string' || !Object.prototype.hasOwnProperty.call(members, tag)) {
      return fail(`unknown ${key} ${JSON.stringify(typeof tag === 'string' ? tag.slice(0, 40) : tag)}`);
    }
    const parsed = members[tag]!.parse(v);
    return parsed.ok
      ? ok(parsed.value as { [T in keyof M]: Infer<M[T]> }[keyof M])
      : fail(`${tag}.${parsed.error}`);
  });
}

/** A schema whose value `then` checks further or transforms (returning ok(…) or fail(…)). */
export function refine<T, U>(inner: Schema<T>, then: (value: T) => Parsed<U>): Schema<U> {
  return schema((v) => {
    const parsed = inner.parse(v);
    return parsed.ok ? then(parsed.value) : parsed;
  });
}
