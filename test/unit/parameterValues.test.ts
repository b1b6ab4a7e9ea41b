// Values a note writes for a formula's parameters (`$\lambda = 0.1$`, `a = 2`), found near the formula.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterValuesNear, PARAMETER_VALUE_LINES } from '../../src/engine/extract/parameterValues';

describe('parameter values written in a note', () => {
  it('finds λ = 0.1 for the ridge loss of examples/loss-functions.tex', () => {
    const tex = readFileSync(join(__dirname, '..', '..', 'examples', 'loss-functions.tex'), 'utf8');
    const at = tex.indexOf('\\frac{\\lambda}{2}');
    assert.deepEqual(parameterValuesNear(tex, at, ['lambda']), { lambda: 0.1 });
  });

  it('reads LaTeX, plain and code assignments, the nearest one winning', () => {
    const note = [
      'Let $a = 5$ be far away.',
      ...Array.from({ length: 5 }, () => 'text'),
      'We take $a = 2$ and $\\theta_{0} = -1.5e-3$, with',
      'b = 3',
      'const c = 0.25;',
      'd = 4  # a comment',
      '$\\eta = 1{,}5$.',
      'Formula: $f(x) = a x^2 + b x + c + d + \\theta_0 + \\eta$',
      'e = x + 1',
    ].join('\n');
    const at = note.indexOf('Formula');
    assert.deepEqual(parameterValuesNear(note, at, ['a', 'b', 'c', 'd', 'theta_0', 'eta', 'e']), {
      a: 2,
      b: 3,
      c: 0.25,
      d: 4,
      theta_0: -1.5e-3,
      eta: 1.5,
    });
    assert.deepEqual(parameterValuesNear(note, at, ['b']), { b: 3 }, 'only the names asked for');
  });

  it('ignores assignments too far away', () => {
    const note = `a = 7\n${'\n'.repeat(PARAMETER_VALUE_LINES)}f(x) = a x^2`;
    assert.deepEqual(parameterValuesNear(note, note.indexOf('f('), ['a']), {});
    const near = `a = 7\n${'\n'.repeat(PARAMETER_VALUE_LINES - 1)}f(x) = a x^2`;
    assert.deepEqual(parameterValuesNear(near, near.indexOf('f('), ['a']), { a: 7 });
  });
});
