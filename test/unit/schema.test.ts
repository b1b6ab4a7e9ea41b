// The schema combinators every message guard is built from, one behaviour at a time: what each
// accepts, what it refuses (NaN, ±Infinity, strings for numbers, inherited fields), how it clamps
// and caps, and the error that names the failing field. Expectations are written out by hand.
import * as assert from 'node:assert/strict';
import {
  anyNumber,
  array,
  bool,
  clamp,
  fail,
  float64,
  id,
  int,
  isRecord,
  literal,
  maybe,
  num,
  object,
  ok,
  oneOf,
  optional,
  refine,
  str,
  union,
  withDefault,
} from '../../src/shared/schema';

const refused = (parsed: { ok: boolean }): boolean => !parsed.ok;

describe('schema combinators', () => {
  it('isRecord: plain objects only, not null, arrays or primitives', () => {
    assert.equal(isRecord({}), true);
    assert.equal(isRecord({ a: 1 }), true);
    for (const v of [null, undefined, [], [1], 'x', 1, true]) assert.equal(isRecord(v), false, String(v));
  });

  it('clamp: inside stays, below goes to min, above to max', () => {
    assert.equal(clamp(0.5, 0, 1), 0.5);
    assert.equal(clamp(-3, 0, 1), 0);
    assert.equal(clamp(7, 0, 1), 1);
  });

  it('num: a finite number clamped into its range; NaN, ±Infinity and numeric strings refused', () => {
    const n = num(-2, 3);
    assert.deepEqual(n.parse(1.5), ok(1.5));
    assert.deepEqual(n.parse(-5), ok(-2));
    assert.deepEqual(n.parse(9), ok(3));
    for (const v of [NaN, Infinity, -Infinity, '1', null, undefined, [1], true]) {
      assert.deepEqual(n.parse(v), fail('not a finite number'), String(v));
    }
    // Without a range every finite double passes unchanged.
    assert.deepEqual(num().parse(-Number.MAX_VALUE), ok(-Number.MAX_VALUE));
    assert.deepEqual(num().parse(Number.MAX_VALUE), ok(Number.MAX_VALUE));
    assert.deepEqual(num().parse(5e-324), ok(5e-324));
  });

  it('anyNumber: every number, NaN and ±Infinity included; null reads as NaN; strings refused', () => {
    assert.deepEqual(anyNumber().parse(-Infinity), ok(-Infinity));
    assert.deepEqual(anyNumber().parse(2.5), ok(2.5));
    const nan = anyNumber().parse(null);
    assert.ok(nan.ok && Number.isNaN(nan.value));
    const raw = anyNumber().parse(NaN);
    assert.ok(raw.ok && Number.isNaN(raw.value));
    assert.deepEqual(anyNumber().parse('1'), fail('not a number'));
    assert.deepEqual(anyNumber().parse(undefined), fail('not a number'));
  });

  it('int: rounded to the nearest integer, then clamped; non-finite refused', () => {
    const n = int(1, 10);
    assert.deepEqual(n.parse(2.4), ok(2));
    assert.deepEqual(n.parse(2.6), ok(3));
    assert.deepEqual(n.parse(0.2), ok(1));
    assert.deepEqual(n.parse(10.4), ok(10));
    assert.deepEqual(n.parse(1e9), ok(10));
    for (const v of [NaN, Infinity, -Infinity, '3']) assert.deepEqual(n.parse(v), fail('not an integer'));
  });

  it('id: a non-negative safe integer, never clamped or rounded', () => {
    assert.deepEqual(id().parse(0), ok(0));
    assert.deepEqual(id().parse(2 ** 53 - 1), ok(2 ** 53 - 1));
    for (const v of [-1, 1.5, 2 ** 53, NaN, Infinity, '1', null]) {
      assert.deepEqual(id().parse(v), fail('not an id'), String(v));
    }
  });

  it('str: a string cut to its length; anything else refused', () => {
    assert.deepEqual(str(3).parse('ab'), ok('ab'));
    assert.deepEqual(str(3).parse('abc'), ok('abc'));
    assert.deepEqual(str(3).parse('abcdef'), ok('abc'));
    for (const v of [1, null, undefined, ['a'], { a: 1 }]) {
      assert.deepEqual(str(3).parse(v), fail('not a string'));
    }
  });

  it('bool: true and false only (not 0, 1 or "true")', () => {
    assert.deepEqual(bool().parse(true), ok(true));
    assert.deepEqual(bool().parse(false), ok(false));
    for (const v of [0, 1, 'true', null]) assert.deepEqual(bool().parse(v), fail('not a boolean'));
  });

  it('literal and oneOf: the exact values, with the allowed ones named when refused', () => {
    assert.deepEqual(literal('ready').parse('ready'), ok('ready'));
    assert.deepEqual(literal('ready').parse('Ready'), fail('not "ready"'));
    assert.deepEqual(literal(2).parse('2'), fail('not 2'));
    const view = oneOf(['runs', 'compare'] as const);
    assert.deepEqual(view.parse('compare'), ok('compare'));
    assert.deepEqual(view.parse('admin'), fail('not one of runs, compare'));
    assert.deepEqual(view.parse(['runs']), fail('not one of runs, compare'));
    // includes on a list, not a lookup on an object: inherited names are not members.
    assert.equal(view.parse('toString').ok, false);
  });

  it('array: each item checked, longer lists cut to max, the failing index named', () => {
    const list = array(num(0, 10), 3);
    assert.deepEqual(list.parse([]), ok([]));
    assert.deepEqual(list.parse([1, 20, 3]), ok([1, 10, 3]));
    assert.deepEqual(list.parse([1, 2, 3, 4, 5]), ok([1, 2, 3]));
    assert.deepEqual(list.parse([1, 'x']), fail('[1]: not a finite number'));
    // A bad item past the cut is never read.
    assert.deepEqual(list.parse([1, 2, 3, 'x']), ok([1, 2, 3]));
    assert.deepEqual(list.parse({ length: 1, 0: 1 }), fail('not a list'));
    assert.deepEqual(list.parse('abc'), fail('not a list'));
  });

  it('float64: a typed array up to max entries as it came, a list of numbers or nulls (NaN) copied', () => {
    const typed = Float64Array.of(1, NaN, Infinity);
    const same = float64(3).parse(typed);
    assert.ok(same.ok && same.value === typed);
    assert.deepEqual(float64(2).parse(typed), fail('more than 2 numbers'));
    const listed = float64(3).parse([1, null, -Infinity]);
    assert.ok(listed.ok);
    assert.ok(listed.value instanceof Float64Array);
    assert.deepEqual(Array.from(listed.value), [1, NaN, -Infinity]);
    assert.deepEqual(float64(3).parse([1, 2, 3]).ok, true);
    assert.deepEqual(float64(2).parse([1, 2, 3]), fail('not a list of numbers'));
    assert.deepEqual(float64(3).parse([1, '2']), fail('[1]: not a number'));
    assert.deepEqual(float64(3).parse([undefined]), fail('[0]: not a number'));
    assert.deepEqual(float64(3).parse('1,2'), fail('not a list of numbers'));
    assert.deepEqual(float64(3).parse(Float32Array.of(1)), fail('not a list of numbers'));
  });

  it('optional passes undefined and checks anything else; maybe drops what is malformed', () => {
    assert.deepEqual(optional(num()).parse(undefined), ok(undefined));
    assert.deepEqual(optional(num()).parse(2), ok(2));
    assert.deepEqual(optional(num()).parse('2'), fail('not a finite number'));
    assert.deepEqual(maybe(num()).parse(undefined), ok(undefined));
    assert.deepEqual(maybe(num(0, 1)).parse(2), ok(1));
    assert.deepEqual(maybe(num()).parse('2'), ok(undefined));
    assert.equal(optional(num()).optional, true);
    assert.equal(maybe(num()).optional, true);
  });

  it('withDefault: the fallback when missing or malformed, the value otherwise', () => {
    const d = withDefault(num(0, 1), 0.5);
    assert.deepEqual(d.parse(undefined), ok(0.5));
    assert.deepEqual(d.parse('x'), ok(0.5));
    assert.deepEqual(d.parse(0.25), ok(0.25));
    assert.deepEqual(d.parse(3), ok(1));
  });

  it('object: exactly its fields, unknown ones dropped, inherited ones never read, the failing field named', () => {
    const o = object({ a: num(), b: optional(str(5)), c: withDefault(bool(), false) });
    assert.deepEqual(o.parse({ a: 1, b: 'hi', c: true, extra: 'x' }), ok({ a: 1, b: 'hi', c: true }));
    const missing = o.parse({ a: 1 });
    assert.deepEqual(missing, ok({ a: 1, c: false }));
    assert.ok(missing.ok && !('b' in missing.value), 'an undefined optional field is left out');
    assert.deepEqual(o.parse({ b: 'hi' }), fail('a: not a finite number'));
    assert.deepEqual(o.parse({ a: 1, b: 2 }), fail('b: not a string'));
    const inherited = Object.create({ a: 1 }) as object;
    assert.deepEqual(o.parse(inherited), fail('a: not a finite number'));
    for (const v of [null, [], 'a', 1]) assert.deepEqual(o.parse(v), fail('not an object'));
  });

  it('union: the member named by the tag, unknown and inherited tags refused by name', () => {
    const u = union('type', {
      one: object({ type: literal('one'), n: num() }),
      two: object({ type: literal('two') }),
    });
    assert.deepEqual(u.parse({ type: 'one', n: 2 }), ok({ type: 'one', n: 2 }));
    assert.deepEqual(u.parse({ type: 'two', n: 2 }), ok({ type: 'two' }));
    assert.deepEqual(u.parse({ type: 'one' }), fail('one.n: not a finite number'));
    assert.deepEqual(u.parse({ type: 'three' }), fail('unknown type "three"'));
    assert.deepEqual(u.parse({ type: 'toString' }), fail('unknown type "toString"'));
    assert.deepEqual(u.parse({ type: '__proto__' }), fail('unknown type "__proto__"'));
    assert.deepEqual(u.parse({ type: 7 }), fail('unknown type 7'));
    // A tag that only converts to a member's name is no member's.
    assert.deepEqual(u.parse({ type: { toString: () => 'two' } }), fail('unknown type {}'));
    assert.deepEqual(u.parse({}), fail('unknown type undefined'));
    assert.deepEqual(u.parse({ type: 'x'.repeat(100) }), fail(`unknown type "${'x'.repeat(40)}"`));
    assert.deepEqual(u.parse([]), fail('not an object'));
    assert.deepEqual(u.parse(null), fail('not an object'));
  });

  it('refine: checks or transforms what its inner schema passed, never what it refused', () => {
    let calls = 0;
    const even = refine(num(), (n) => {
      calls++;
      return n % 2 === 0 ? ok(n / 2) : fail('odd');
    });
    assert.deepEqual(even.parse(4), ok(2));
    assert.deepEqual(even.parse(3), fail('odd'));
    assert.deepEqual(even.parse('4'), fail('not a finite number'));
    assert.equal(calls, 2);
    assert.ok(refused(even.parse(NaN)));
  });
});
