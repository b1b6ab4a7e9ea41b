// Axis ticks people read (src/webview/plots/axes.ts): expectations worked out by hand.
import * as assert from 'node:assert/strict';
import {
  axisTicks,
  linearTicks,
  logTicks,
  marginFor,
  powerOfTen,
  readableRange,
} from '../../src/webview/plots/axes';

const labels = (t: ReturnType<typeof axisTicks>) => t.ticks.map(t.tickFormat);

describe('axis ticks', () => {
  it('writes powers of ten with superscripts', () => {
    assert.equal(powerOfTen(-3), '10⁻³');
    assert.equal(powerOfTen(12), '10¹²');
    assert.equal(powerOfTen(0), '10⁰');
  });

  it('puts log ticks at the decades inside the range, thinned to multiples of k', () => {
    assert.deepEqual(logTicks([1e-3, 1], 6), [1e-3, 1e-2, 1e-1, 1]);
    // 15 decades, at most 6 ticks: every third exponent, 1 included.
    assert.deepEqual(logTicks([1e-14, 1], 6), [1e-12, 1e-9, 1e-6, 1e-3, 1]);
    // One decade inside: 1, 2 and 5 times the powers.
    assert.deepEqual(logTicks([3, 40]), [5, 10, 20]);
    assert.deepEqual(logTicks([0, 10]), [], 'no log ticks for a range that reaches 0');
  });

  it('labels a log axis as powers of ten, or plainly when every tick is an ordinary number', () => {
    assert.deepEqual(labels(axisTicks('log', [1e-4, 0.2])), ['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹']);
    assert.deepEqual(labels(axisTicks('log', [1, 1000])), ['1', '10', '100', '1000']);
    assert.deepEqual(labels(axisTicks('log', [0.01, 1])), ['0.01', '0.1', '1']);
    for (const label of labels(axisTicks('log', [1e-15, 100]))) {
      assert.doesNotMatch(label, /[munpfµk]$/, `no SI prefix in ${label}`);
    }
  });

  it('puts linear ticks 1, 2 or 5 times a power of ten apart, exactly', () => {
    assert.deepEqual(linearTicks([0, 1000], 5), [0, 200, 400, 600, 800, 1000]);
    assert.deepEqual(linearTicks([-1.25, 1.25], 5), [-1, -0.5, 0, 0.5, 1]);
    assert.deepEqual(linearTicks([0.1, 0.35], 5), [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it('labels linear ticks with the decimals their step needs, large ones as m×10ⁿ, minus as −', () => {
    assert.deepEqual(labels(axisTicks('linear', [-1.25, 1.25])), ['−1.0', '−0.5', '0', '0.5', '1.0']);
    assert.deepEqual(labels(axisTicks('linear', [0, 1e8], 4)), ['0', '5×10⁷', '10⁸']);
    assert.deepEqual(labels(axisTicks('linear', [0, 3e-5], 3)), ['0', '10⁻⁵', '2×10⁻⁵', '3×10⁻⁵']);
    assert.deepEqual(labels(axisTicks('linear', [0, 1000])), ['0', '200', '400', '600', '800', '1000']);
  });

  it('makes the margin as wide as the widest label', () => {
    const ticks = axisTicks('linear', [0, 1e8], 4);
    assert.equal(ticks.widest, '5×10⁷'.length);
    assert.ok(marginFor(ticks.widest) > marginFor(1));
    assert.equal(marginFor(1), 36, 'at least the smallest margin');
  });

  it('gives a flat series a range around its value', () => {
    assert.deepEqual(readableRange(10, 10, 'linear'), [9, 11]);
    assert.deepEqual(readableRange(0, 0, 'linear'), [-1, 1]);
    assert.deepEqual(readableRange(20, 20, 'log'), [2, 200]);
    const [lo, hi] = readableRange(2, 2 + 1e-12, 'linear');
    assert.ok(Math.abs(lo - 1.8) < 1e-9 && Math.abs(hi - 2.2) < 1e-9, `${lo}, ${hi}`);
    assert.deepEqual(readableRange(1, 3, 'linear'), [1, 3], 'a varying series keeps its range');
  });
});
