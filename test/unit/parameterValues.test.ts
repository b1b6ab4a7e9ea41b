// Values a note writes for a formula's parameters (`$\lambda = 0.1$`, `a = 2`), found near the formula.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterValuesNear, PARAMETER_VALUE_LINES } from '../../src/engine/extract/parameterValues';
import { resolveLimits } from '../../src/engine/limits';
import type { RunOptions } from '../../src/engine/types';
import { createProblemCache } from '../../src/host/problemCache';
import { quickRun } from '../../src/usecases/hover';
import { notedOptions } from '../../src/usecases/notedValues';

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

describe('parameter values written in a note, seeding a run', () => {
  const OPTIONS: RunOptions = {
    start: [0],
    optimizer: { name: 'gd', lr: 0.1 },
    stop: {},
    maximize: false,
    traceLimit: 10,
  };
  const note = 'We take $a = 2$ and $b = -3$.\n\n$$f(x) = a (x - b)^2$$\n';
  const noted = (names: readonly string[]) => parameterValuesNear(note, note.indexOf('f(x)'), names);

  it('gives the run command’s options the note’s values, beneath values the options set', () => {
    assert.deepEqual(notedOptions('f(x) = a (x - b)^2', OPTIONS, noted).parameters, { a: 2, b: -3 });
    assert.deepEqual(
      notedOptions('f(x) = a (x - b)^2', { ...OPTIONS, parameters: { b: 5 } }, noted).parameters,
      { a: 2, b: 5 },
    );
    // Names the formula does not have as parameters are never asked for (x is its variable).
    assert.equal(notedOptions('x^2 + a', OPTIONS, noted), OPTIONS, 'without a left side, no parameters');
    assert.equal(notedOptions('f(x) = ', OPTIONS, noted), OPTIONS, 'text that does not parse keeps them');
  });

  it('makes the hover run at the note’s values and say them', () => {
    const limits = resolveLimits();
    const run = quickRun(createProblemCache(limits), 'f(x) = a (x - b)^2', OPTIONS, 10_000, limits, noted);
    assert.ok(run);
    assert.deepEqual(run.result.parameters, [
      { name: 'a', value: 2 },
      { name: 'b', value: -3 },
    ]);
    assert.ok(Math.abs(run.result.final.point[0]! + 3) < 1e-5);
  });
});
