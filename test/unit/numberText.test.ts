// The one number rule for people: fixed between 1e-4 and 10^digits, exponent form outside, the
// minus sign of the audience, and never more than `digits` significant digits.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatNumber,
  formatPoint,
  fromSuperscript,
  subscript,
  superscript,
} from '../../src/shared/numberText';

const ascii = { minus: '-' } as const;

describe('formatNumber (shared number rule)', () => {
  it('writes NaN, the infinities and both zeros in words or plainly', () => {
    assert.equal(formatNumber(NaN), 'NaN');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatNumber(-Infinity), '−∞');
    assert.equal(formatNumber(-Infinity, ascii), '-∞');
    assert.equal(formatNumber(0), '0');
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(-0, ascii), '0');
  });

  it('switches to exponent form just below 1e-4', () => {
    assert.equal(formatNumber(1e-4), '0.0001');
    assert.equal(formatNumber(9.99999e-5), '9.99999e−5');
    assert.equal(formatNumber(9.99999e-5, { digits: 4 }), '0.0001', 'rounds to 1e-4 first, which is fixed');
    assert.equal(formatNumber(-1e-4, ascii), '-0.0001');
  });

  it('switches to exponent form at 10^digits', () => {
    assert.equal(formatNumber(999999), '999999');
    assert.equal(formatNumber(1e6), '1e6');
    assert.equal(formatNumber(999999.7), '1e6', 'judged after rounding to 6 digits');
    assert.equal(formatNumber(9999, { digits: 4 }), '9999');
    assert.equal(formatNumber(10000, { digits: 4 }), '1e4');
    assert.equal(formatNumber(123456.789, { digits: 4 }), '1.235e5');
    assert.equal(formatNumber(1e11, { digits: 12 }), '100000000000');
    assert.equal(formatNumber(1e12, { digits: 12 }), '1e12');
  });

  it('writes negatives and negative exponents with the chosen minus sign', () => {
    assert.equal(formatNumber(-2.5), '−2.5');
    assert.equal(formatNumber(-2.5, ascii), '-2.5');
    assert.equal(formatNumber(-2.5e-5), '−2.5e−5');
    assert.equal(formatNumber(-2.5e-5, ascii), '-2.5e-5');
    assert.equal(formatNumber(2.5e-5), '2.5e−5');
    assert.equal(formatNumber(-2.5e7, ascii), '-2.5e7');
  });

  it('writes the exponent without "+" and the mantissa without trailing zeros', () => {
    assert.equal(formatNumber(1.5e7), '1.5e7');
    assert.equal(formatNumber(1e9), '1e9');
    assert.equal(formatNumber(1.234e-9), '1.234e−9');
    assert.equal(formatNumber(1.23456789e-9), '1.23457e−9');
    assert.equal(formatNumber(1.23456789e-9, { digits: 4 }), '1.235e−9');
    assert.equal(formatNumber(1e21), '1e21');
    assert.equal(formatNumber(5e-324, ascii), '4.94066e-324');
    assert.equal(formatNumber(Number.MAX_VALUE), '1.79769e308');
  });

  it('writes digits and minus signs as superscripts or subscripts, and reads superscripts back', () => {
    assert.equal(superscript('-12'), '⁻¹²');
    assert.equal(superscript('−3'), '⁻³');
    assert.equal(subscript('x10'), 'x₁₀');
    assert.equal(fromSuperscript('⁻¹²'), '-12');
    for (const text of ['0', '-9876543210', '42']) assert.equal(fromSuperscript(superscript(text)), text);
  });

  it('writes the exponent form as a power of ten for prose when asked', () => {
    const prose = { exponent: 'times' } as const;
    assert.equal(formatNumber(1600, { digits: 3, ...prose }), '1.6×10³');
    assert.equal(formatNumber(1e9, prose), '10⁹');
    assert.equal(formatNumber(-1e9, prose), '−10⁹');
    assert.equal(formatNumber(-2.5e-5, prose), '−2.5×10⁻⁵');
    assert.equal(formatNumber(-2.5e-5, { ...prose, minus: '-' }), '-2.5×10⁻⁵');
    assert.equal(formatNumber(1.23456789e-12, prose), '1.23457×10⁻¹²');
    // Fixed form is untouched.
    assert.equal(formatNumber(0.36, prose), '0.36');
  });

  it('cuts instead of rounding up next to the largest double, so the text stays finite', () => {
    assert.equal(formatNumber(Number.MAX_VALUE, { digits: 1 }), '1e308');
    assert.equal(formatNumber(-Number.MAX_VALUE, { digits: 4, minus: '-' }), '-1.797e308');
    assert.equal(formatNumber(1.7e307, { digits: 1 }), '2e307', 'elsewhere it rounds to nearest');
  });

  it('drops fake trailing zeros in fixed form', () => {
    assert.equal(formatNumber(0.6000000000000001), '0.6');
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(2), '2');
    assert.equal(formatNumber(1.5, { digits: 12 }), '1.5');
  });

  it('rounds to the requested significant digits', () => {
    assert.equal(formatNumber(1 / 3), '0.333333');
    assert.equal(formatNumber(1 / 3, { digits: 4 }), '0.3333');
    assert.equal(formatNumber(2 / 3, { digits: 3 }), '0.667');
    assert.equal(formatNumber(-2.5, { digits: 1 }), '−3');
    assert.equal(formatNumber(123.456789, { digits: 12 }), '123.456789');
    assert.equal(formatNumber(Math.PI, { digits: 99 }), String(Math.PI), 'digits are capped at 17');
  });

  it('reads back within a relative 10^(1-digits) for every finite value', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 17 }),
        fc.constantFrom('−', '-'),
        (v, digits, minus) => {
          const text = formatNumber(v, { digits, minus: minus as '−' | '-' });
          const back = Number(text.replace(/−/g, '-'));
          assert.ok(Number.isFinite(back), text);
          assert.ok(Math.abs(back - v) <= Math.abs(v) * 10 ** (1 - digits), `${v} -> ${text}`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatPoint (shared number rule)', () => {
  it('writes a tuple, or the single number for one coordinate', () => {
    assert.equal(formatPoint([1, -2.5]), '(1, −2.5)');
    assert.equal(formatPoint([1, -2.5], ascii), '(1, -2.5)');
    assert.equal(formatPoint([1 / 3], { digits: 4 }), '0.3333');
  });
});
