import assert from 'node:assert/strict';
import type { RunOptions, RunResult, StopReason, TracePoint } from '../../src/engine/types';
import { resolveLimits } from '../../src/engine/limits';
import { createProblemCache } from '../../src/host/problemCache';
import { computeJob } from '../../src/usecases/jobs';
import { resolveRunOptions } from '../../src/usecases/runOptions';
import { LruCache } from '../../src/shared/lruCache';
import { formatNumber, openCommandUri, outcomeSentence, previewMarkdown } from '../../src/usecases/hoverText';

/** A gradient-descent result on f(x) = 2x², x0 = 1, η = 0.1, written out by hand for the wording tests. */
function result(stopReason: StopReason, overrides: Partial<RunResult> = {}): RunResult {
  const trace: TracePoint[] = [1, 0.6, 0.36].map((x, k) => ({
    iteration: k,
    point: [x],
    value: 2 * x * x,
    gradientNorm: 4 * x,
  }));
  return {
    variables: ['x'],
    optimizer: 'gd',
    learningRate: 0.1,
    iterations: 2,
    stopReason,
    final: { point: [0.36], value: 0.2592, gradientNorm: 1.44 },
    stationary: 'minimum',
    trace,
    gradientMethod: 'symbolic',
    elapsedMs: 0.1,
    ...overrides,
  };
}

/** The engine's run of a formula, as a panel run computes it. */
function engineRun(formula: string, options: RunOptions): RunResult {
  const limits = resolveLimits();
  const ctx = { problems: createProblemCache(limits), limits };
  const info = computeJob({ kind: 'formula', formula }, ctx);
  return computeJob(
    { kind: 'run', formula, options: resolveRunOptions(options, info.variables.length, limits) },
    ctx,
  );
}

describe('hover preview text', () => {
  it('formats numbers briefly: 4 significant digits, fixed from 1e-4 below 1e4, typographic minus', () => {
    assert.equal(formatNumber(0.6), '0.6');
    assert.equal(formatNumber(1 / 3), '0.3333');
    assert.equal(formatNumber(1.23456e-9), '1.235e−9');
    assert.equal(formatNumber(-2.5e7), '−2.5e7');
    assert.equal(formatNumber(9999), '9999');
    assert.equal(formatNumber(12345), '1.235e4');
    assert.equal(formatNumber(0.0001), '0.0001');
    assert.equal(formatNumber(-0.00001234), '−1.234e−5');
    assert.equal(formatNumber(0), '0');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatNumber(-Infinity), '−∞');
  });

  it('says converged with the iterations, the point and the value', () => {
    const md = previewMarkdown('f(x) = 2x^2', result('gradient-tolerance'));
    assert.match(
      md,
      /^\*\*Gradient descent\*\* \(gd, η = 0\.1, start x = 1\): converged in 2 iterations to x\\\* = 0\.36, f\(x\\\*\) = 0\.2592/,
    );
  });

  it('writes one iteration in the singular', () => {
    const one = result('gradient-tolerance', { iterations: 1 });
    assert.match(outcomeSentence(one), /^converged in 1 iteration to x\\\* = 0\.36/);
    assert.match(
      outcomeSentence(result('max-iterations', { iterations: 1 })),
      /^stopped after the maximum of 1 iteration \(the iteration limit was reached before it converged\): /,
    );
    assert.match(
      outcomeSentence(result('time-budget', { iterations: 1 })),
      /after 1 iteration \(the time budget ran out\): /,
    );
    assert.match(
      outcomeSentence(result('gradient-tolerance', { iterations: 2 })),
      /^converged in 2 iterations to /,
    );
  });

  it('says the start is already a minimum when the tolerance holds there, not "converged in 0 iterations"', () => {
    const atMinimum = result('gradient-tolerance', {
      variables: ['x', 'y'],
      iterations: 0,
      final: { point: [1, 1], value: 0, gradientNorm: 0 },
      trace: [{ iteration: 0, point: [1, 1], value: 0, gradientNorm: 0 }],
    });
    assert.equal(
      outcomeSentence(atMinimum),
      'the start is already a local minimum (the gradient there is below the tolerance): (x, y) = (1, 1), f = 0',
    );
    const oneVariable = result('gradient-tolerance', {
      iterations: 0,
      final: { point: [0], value: -2.5, gradientNorm: 0 },
    });
    assert.equal(
      outcomeSentence(oneVariable),
      'the start is already a local minimum (the gradient there is below the tolerance): x = 0, f(x) = −2.5',
    );
  });

  it('says so for the engine run of Rosenbrock from its minimum (1, 1)', () => {
    const options = {
      start: [1, 1],
      optimizer: { name: 'gd' as const, lr: 0.001 },
      stop: { maxIterations: 100 },
      maximize: false,
      traceLimit: 10,
    };
    const run = engineRun('(1-x)^2 + 100(y-x^2)^2', options);
    assert.equal(
      outcomeSentence(run),
      'the start is already a local minimum (the gradient there is below the tolerance): (x, y) = (1, 1), f = 0',
    );
  });

  it('names the kind of point the start already is', () => {
    const at = (stationary: RunResult['stationary']): string =>
      outcomeSentence(result('gradient-tolerance', { iterations: 0, stationary }));
    assert.match(at('maximum'), /^the start is already a local maximum \(/);
    assert.match(at('saddle'), /^the start is already a saddle point \(/);
    assert.match(at('degenerate'), /^the start is already a stationary point of unclear kind/);
  });

  it('names a saddle or maximum reached', () => {
    assert.match(outcomeSentence(result('step-tolerance', { stationary: 'saddle' })), /\(a saddle\)$/);
  });

  it('says diverged with the iteration and the critical learning rate when known', () => {
    const diverged = result('diverged', { iterations: 7, learningRate: 0.6 });
    assert.equal(outcomeSentence(diverged, 0.5), 'diverged at iteration 7 (critical η ≈ 0.5)');
    assert.equal(outcomeSentence(diverged, null), 'diverged at iteration 7');
    assert.match(previewMarkdown('2x^2', diverged), /η = 0\.6/);
  });

  it('says there is no minimum along the path, not a critical η, when f fell without bound', () => {
    const saddle = engineRun('x^2 - y^2', {
      start: [1, 1],
      optimizer: { name: 'gd', lr: 0.1 },
      stop: { maxIterations: 5000 },
      maximize: false,
      traceLimit: 50,
    });
    assert.match(
      outcomeSentence(saddle, 0.5),
      /^diverged at iteration \d+: f fell without bound \(towards −∞\); it has no minimum along this path; a smaller learning rate only slows the fall$/,
    );
  });

  it('reports a run that hit the iteration cap or the time budget honestly', () => {
    assert.match(
      outcomeSentence(result('max-iterations')),
      /^stopped after the maximum of 2 iterations \(the iteration limit was reached before it converged\): x\\\* = 0\.36/,
    );
    assert.match(
      outcomeSentence(result('time-budget')),
      /^stopped after 2 iterations \(the time budget ran out\)/,
    );
  });

  it('writes several variables as tuples and escapes Markdown in names', () => {
    const r = result('gradient-tolerance', {
      variables: ['x_1', 'y'],
      final: { point: [1, 2], value: 0, gradientNorm: 0 },
      trace: [{ iteration: 0, point: [-1, 1], value: 4, gradientNorm: 2 }],
    });
    const md = previewMarkdown('x_1^2 + y^2', r);
    assert.match(md, /start \(x\\_1, y\) = \(−1, 1\)/);
    assert.match(md, /to \(x\\_1, y\)\\\* = \(1, 2\), f\\\* = 0/);
  });

  it('lists the parameters a run held fixed, with their values, and nothing for a formula without any', () => {
    const md = previewMarkdown(
      'f(x) = a (x - lambda_1)^2',
      result('gradient-tolerance', {
        parameters: [
          { name: 'a', value: 2 },
          { name: 'lambda_1', value: -0.5 },
        ],
      }),
    );
    assert.match(md, /start x = 1, with a = 2, lambda\\_1 = −0\.5\): converged/);
    assert.doesNotMatch(previewMarkdown('2x^2', result('gradient-tolerance')), /with /);
    // The engine's run of a definition says the values it used: a = 2 and the default b = 1.
    const run = engineRun('f(x) = a (x - b)^2', {
      start: [0],
      optimizer: { name: 'gd', lr: 0.1 },
      stop: {},
      maximize: false,
      traceLimit: 10,
      parameters: { a: 2 },
    });
    assert.match(previewMarkdown('f(x) = a (x - b)^2', run), /, with a = 2, b = 1\)/);
  });

  it('embeds a loss sparkline and a command link carrying the formula', () => {
    const md = previewMarkdown('(1-x)^2 + 100(y-x^2)^2', result('gradient-tolerance'));
    assert.match(md, /!\[loss per iteration\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    const link = /\[Open in Gradient Descent panel\]\((command:[^)\s]+)\)/.exec(md);
    assert.ok(link, 'has a well-formed link');
    assert.equal(link[1], openCommandUri('(1-x)^2 + 100(y-x^2)^2'));
    const args = JSON.parse(
      decodeURIComponent(link[1].slice('command:gradientDescent.run?'.length)),
    ) as unknown;
    assert.deepEqual(args, ['(1-x)^2 + 100(y-x^2)^2']);
  });
});

describe('LRU cache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.has('b'), false);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.equal(cache.size, 2);
  });

  it('keeps null values distinct from missing ones and clears', () => {
    const cache = new LruCache<string, string | null>(3);
    cache.set('none', null);
    assert.equal(cache.has('none'), true);
    assert.equal(cache.get('none'), null);
    assert.equal(cache.get('missing'), undefined);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('peeks without making an entry the most recent', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.peek('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.has('a'), false, 'a stayed the least recent and was evicted');
    assert.equal(cache.peek('b'), 2);
  });

  it('rejects a capacity below one', () => {
    assert.throws(() => new LruCache(0), RangeError);
  });
});
