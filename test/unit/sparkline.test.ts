import assert from 'node:assert/strict';
import { sparklineDataUri, sparklineSvg } from '../../src/engine/sparkline';

/** The polyline's points as numbers. */
function points(svg: string): [number, number][] {
  const m = /points="([^"]*)"/.exec(svg);
  assert.ok(m, 'has a polyline');
  return m[1].split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

describe('sparkline', () => {
  it('draws a trace longer than the call stack allows spreading, at two samples per pixel', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => 1 / (i + 1));
    const svg = sparklineSvg(values, { width: 120 });
    assert.match(svg, /^<svg /);
    const pts = points(svg);
    assert.equal(pts.length, 240, 'two samples per pixel column of a 120 px sparkline');
    assert.ok(svg.length < 4_000, `the hover stays small: ${svg.length} characters`);
    assert.deepEqual(pts[0], [2, 2], 'the first (largest) value is kept, top left');
    assert.equal(pts.at(-1)![0], 118, 'the last value is kept, at the right edge');
  });

  it('draws one point per finite value, falling left to right for a decreasing loss', () => {
    const svg = sparklineSvg([4, 2, 1, 0.5], { width: 100, height: 20 });
    const pts = points(svg);
    assert.equal(pts.length, 4);
    assert.ok(pts[0][0] < pts[3][0], 'x increases');
    assert.ok(pts[0][1] < pts[3][1], 'a larger value sits higher (smaller y)');
    for (const [x, y] of pts) assert.ok(x >= 0 && x <= 100 && y >= 0 && y <= 20, 'inside the box');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100" height="20"/);
  });

  it('leaves out non-finite values but keeps the x positions of the others', () => {
    const pts = points(sparklineSvg([1, NaN, Infinity, 0.5], { width: 100 }));
    assert.equal(pts.length, 2);
    assert.equal(pts[1][0], 98);
  });

  it('uses a log scale for values over several decades', () => {
    const pts = points(sparklineSvg([1000, 10, 0.1], { width: 100, height: 22 }));
    // evenly spaced in log10: the middle point lies half-way
    assert.ok(Math.abs(pts[1][1] - (pts[0][1] + pts[2][1]) / 2) < 0.2);
  });

  it('draws a flat line for constant values and a single point', () => {
    const flat = points(sparklineSvg([3, 3, 3], { height: 28 }));
    assert.ok(flat.every(([, y]) => y === 14));
    assert.equal(points(sparklineSvg([7])).length, 1);
  });

  it('returns nothing when no value is finite', () => {
    assert.equal(sparklineSvg([]), '');
    assert.equal(sparklineSvg([NaN, -Infinity]), '');
    assert.equal(sparklineDataUri([NaN]), '');
  });

  it('keeps anything but a hex colour out of the markup', () => {
    const svg = sparklineSvg([1, 2], { stroke: '"/><script>alert(1)</script>', dot: '#abc' });
    assert.doesNotMatch(svg, /script/);
    assert.match(svg, /fill="#abc"/);
  });

  it('encodes the SVG as a base64 data URI', () => {
    const uri = sparklineDataUri([2, 1]);
    assert.match(uri, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/);
    const decoded = Buffer.from(uri.split(',')[1], 'base64').toString('utf8');
    assert.equal(decoded, sparklineSvg([2, 1]));
  });
});
