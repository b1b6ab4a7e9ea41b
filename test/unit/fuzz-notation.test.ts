// Property tests of issue 10's notation: the same random expression written as a rendered page
// shows it (Unicode signs, superscript powers, subscript digits, odd spaces) and in ASCII reads the
// same; LaTeX function powers and chains mean what they mean in print.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compiledValue } from './formulaCases';

/** A small expression: sums, differences and products of integer powers of x, y and x₁. */
type Term =
  | { readonly k: 'var'; readonly name: 'x' | 'y' | 'x_1'; readonly power: number }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'op'; readonly op: '+' | '-' | '*'; readonly a: Term; readonly b: Term };

const termArb: fc.Arbitrary<Term> = fc.letrec<{ t: Term }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small' },
    fc
      .record({
        name: fc.constantFrom('x' as const, 'y' as const, 'x_1' as const),
        power: fc.integer({ min: -1, max: 3 }),
      })
      .map((r): Term => ({ k: 'var', ...r })),
    fc.integer({ min: 1, max: 9 }).map((v): Term => ({ k: 'num', v })),
    fc
      .record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const), a: tie('t'), b: tie('t') })
      .map((r): Term => ({ k: 'op', ...r })),
  ),
})).t;

const AT = { x: 1.3, y: -0.7, x_1: 2.2 };
const SUPERSCRIPT: Readonly<Record<string, string>> = { '-1': '⁻¹', '0': '⁰', '1': '¹', '2': '²', '3': '³' };
const SIGN: Readonly<Record<string, readonly string[]>> = {
  '+': ['+'],
  '-': ['-', '−'],
  '*': ['*', '·', '×', '∗'],
};
const SPACES = [' ', '\u00a0', '\u2009', '\u202f', ''];

function value(t: Term): number {
  if (t.k === 'num') return t.v;
  if (t.k === 'var') return AT[t.name] ** t.power;
  const [a, b] = [value(t.a), value(t.b)];
  return t.op === '+' ? a + b : t.op === '-' ? a - b : a * b;
}

function ascii(t: Term): string {
  if (t.k === 'num') return String(t.v);
  if (t.k === 'var') return `${t.name}^(${t.power})`;
  return `(${ascii(t.a)} ${t.op} ${ascii(t.b)})`;
}

/** As a rendered page shows it; `pick` chooses among the forms (a fast-check stream of indices). */
function rendered(t: Term, pick: () => number): string {
  if (t.k === 'num') return String(t.v);
  if (t.k === 'var') {
    const name = t.name === 'x_1' ? (pick() % 2 === 0 ? 'x₁' : 'x_1') : t.name;
    return `${name}${SUPERSCRIPT[String(t.power)]}`;
  }
  const signs = SIGN[t.op];
  const space = SPACES[pick() % SPACES.length];
  return `(${rendered(t.a, pick)}${space}${signs[pick() % signs.length]}${space}${rendered(t.b, pick)})`;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

describe('fuzz: math copied from rendered pages', () => {
  it('reads the Unicode rendering of an expression as its ASCII form', () => {
    fc.assert(
      fc.property(termArb, fc.infiniteStream(fc.nat()), (t, stream) => {
        const picks = stream[Symbol.iterator]();
        const text = rendered(t, () => picks.next().value as number);
        const variables = ['x', 'y', 'x_1'].filter((v) => ascii(t).includes(`${v}^`));
        if (variables.length === 0) return;
        assert.ok(near(compiledValue(text, AT), value(t)), text);
        assert.ok(near(compiledValue(ascii(t), AT), value(t)), ascii(t));
      }),
      { numRuns: 300 },
    );
  });
});

/** LaTeX functions, their JavaScript meaning and, where printed notes use one, their inverse. */
const FUNCTIONS: readonly (readonly [string, (u: number) => number, ((u: number) => number) | undefined])[] =
  [
    ['\\sin', Math.sin, Math.asin],
    ['\\cos', Math.cos, Math.acos],
    ['\\tan', Math.tan, Math.atan],
    ['\\sinh', Math.sinh, Math.asinh],
    ['\\cosh', Math.cosh, Math.acosh],
    ['\\tanh', Math.tanh, Math.atanh],
    ['\\ln', Math.log, undefined],
    ['\\exp', Math.exp, undefined],
  ];

describe('fuzz: LaTeX function powers and chains', () => {
  it('\\f^{k} u is (f u)^k, and \\f^{-1} u the inverse function', () => {
    const fnArb = fc.integer({ min: 0, max: FUNCTIONS.length - 1 });
    fc.assert(
      fc.property(
        fnArb,
        fc.constantFrom(2, 3, 4, -1, -2),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        (i, k, u) => {
          const [name, f, inverse] = FUNCTIONS[i];
          if (k === -1 && inverse === undefined) return;
          const power = k < 0 ? `^{${k}}` : pick(k);
          const text = `$${name}${power} x$`;
          const expected = k === -1 ? (inverse as (v: number) => number)(u) : f(u) ** k;
          if (!Number.isFinite(expected)) return;
          assert.ok(near(compiledValue(text, { x: u }), expected), `${text} at ${u}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a chain \\f\\g\\h x applies each function to everything after it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }), (chain) => {
        const text = `$${chain.map((i) => FUNCTIONS[i][0]).join(' ')} x$`;
        const expected = chain.reduceRight((v, i) => FUNCTIONS[i][1](v), 0.4);
        // sinh sinh tan cosh cos x overflows: ∞ is not near ∞ by a relative test, so such chains say nothing.
        if (!Number.isFinite(expected)) return;
        assert.ok(near(compiledValue(text, { x: 0.4 }), expected), text);
      }),
      { numRuns: 200 },
    );
  });
});

/** `^2` and `^{2}` are both written. */
function pick(k: number): string {
  return k % 2 === 0 ? `^{${k}}` : `^${k}`;
}
