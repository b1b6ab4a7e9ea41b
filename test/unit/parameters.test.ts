// Issue 10 §3: when a definition's left side names the variables, every other free name is a
// parameter: held fixed at a value, changed per run without recompiling, listed in the summary.
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { runDescent } from '../../src/engine/descent';
import { bindParameters } from '../../src/engine/parameters';
import { parseFormula } from '../../src/engine/parse';
import { DEFAULT_LIMITS } from '../../src/engine/limits';
import { createProblemCache } from '../../src/host/problemCache';
import { computeJob, jobKey, type JobContext } from '../../src/usecases/jobs';
import { FormulaError, type Problem, type RunOptions } from '../../src/engine/types';
import { runCli } from '../../src/cli/main';

const OPTIONS: RunOptions = {
  start: [0],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 2000 },
  maximize: false,
  traceLimit: 10,
};

function names(text: string): { variables: readonly string[]; parameters: readonly string[] } {
  const formula = parseFormula(text);
  return { variables: formula.variables, parameters: formula.parameters.map((p) => `${p.name}=${p.value}`) };
}

describe('parameters: which names they are', () => {
  const cases: readonly [string, readonly string[], readonly string[]][] = [
    ['f(x) = a x^2 + b x', ['x'], ['a=1', 'b=1']],
    ['f(x) = b x + a x^2', ['x'], ['b=1', 'a=1']],
    ['$L(w) = (w - 3)^2 + \\lambda w^2$', ['w'], ['lambda=1']],
    [
      '$L(\\theta_0, \\theta_1) = (\\theta_0 + \\theta_1 - c)^2 + \\mu \\theta_1^2$',
      ['theta_0', 'theta_1'],
      ['c=1', 'mu=1'],
    ],
    ['lambda x: a*x**2 + c', ['x'], ['a=1', 'c=1']],
    ['def f(x, y): return k*(x - y)**2', ['x', 'y'], ['k=1']],
    ['(x) => w * x * x', ['x'], ['w=1']],
    ['f(x) = λ x^2', ['x'], ['lambda=1']],
    ['f(x) = pi x^2 + e', ['x'], []],
    ['$f(\\mathbf{w}) = \\sum_{j=1}^{2} (w_j - t)^2$', ['w_1', 'w_2'], ['t=1']],
    // Without a left side every free name is a variable, as before.
    ['a x^2 + b x', ['a', 'b', 'x'], []],
    ['y = a x^2', ['a', 'x'], []],
  ];
  for (const [text, variables, parameters] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(names(text), { variables, parameters }));
  }
});

describe('parameters: runs', () => {
  const text = 'f(x) = a (x - b)^2';
  // Compiled inside each test, not when the suite loads: mutation testing then sees which tests
  // run the parser and the compiler, instead of rerunning every spec for their every mutant.
  const compiled = () => compileFormula(parseFormula(text));

  it('are held at 1 unless a run sets them, and are never descended on', () => {
    const problem = compiled();
    const run = runDescent(problem, OPTIONS);
    assert.equal(run.stopReason, 'gradient-tolerance');
    assert.ok(Math.abs(run.final.point[0] - 1) < 1e-6);
    assert.deepEqual(run.variables, ['x']);
    assert.deepEqual(run.parameters, [
      { name: 'a', value: 1 },
      { name: 'b', value: 1 },
    ]);
  });

  it('take a run’s values without recompiling, and fall back to their defaults in the next run', () => {
    const problem = compiled();
    const moved = runDescent(problem, { ...OPTIONS, parameters: { a: 2, b: 3 } });
    assert.ok(Math.abs(moved.final.point[0] - 3) < 1e-6);
    assert.deepEqual(moved.parameters, [
      { name: 'a', value: 2 },
      { name: 'b', value: 3 },
    ]);
    // a = 2 doubles the curvature: the first step from 0 is 0.1 · 2a(b − x) = 1.2.
    assert.ok(Math.abs((moved.trace[1]?.point[0] ?? NaN) - 1.2) < 1e-12);
    const back = runDescent(problem, { ...OPTIONS, parameters: { b: -1 } });
    assert.ok(Math.abs(back.final.point[0] + 1) < 1e-6);
    assert.deepEqual(back.parameters?.[0], { name: 'a', value: 1 });
  });

  it('give the fused loop and the generic loop the same trajectory', () => {
    const problem = compiled();
    const generic: Problem = { ...problem };
    const options = { ...OPTIONS, parameters: { a: 0.7, b: -2 }, traceLimit: 'all' as const };
    const fused = runDescent(problem, options);
    const plain = runDescent(generic, options);
    assert.deepEqual(fused.trace, plain.trace);
    assert.equal(fused.iterations, plain.iterations);
  });

  it('reach every job: the formula lists them, and λmax, the landscape and the sweep see the run’s values', () => {
    const ctx: JobContext = { problems: createProblemCache(DEFAULT_LIMITS), limits: DEFAULT_LIMITS };
    assert.deepEqual(computeJob({ kind: 'formula', formula: text }, ctx).parameters, [
      { name: 'a', value: 1 },
      { name: 'b', value: 1 },
    ]);
    const options = { ...OPTIONS, parameters: { a: 4, b: 2 } };
    const run = computeJob({ kind: 'run', formula: text, options }, ctx);
    assert.deepEqual(run.parameters, [
      { name: 'a', value: 4 },
      { name: 'b', value: 2 },
    ]);
    // f'' = 2a = 8, so gd diverges beyond η = 2/8; with the default a = 1 beyond η = 1.
    const curvature = (parameters?: Record<string, number>): number | null =>
      computeJob({ kind: 'curvature', formula: text, start: [0], maximize: false, parameters }, ctx).critical;
    assert.ok(Math.abs((curvature({ a: 4 }) ?? 0) - 0.25) < 1e-6);
    assert.ok(Math.abs((curvature() ?? 0) - 1) < 1e-6, 'a job without values is back at the defaults');
    const sweep = computeJob(
      { kind: 'sweep', formula: text, options: { ...OPTIONS, parameters: { a: 0.5 } }, sweep: { count: 3 } },
      ctx,
    );
    assert.ok(Math.abs((sweep.sweep.criticalLearningRate ?? 0) - 2) < 1e-6);
    // f(x) = 4(x − 2)² on the window [0, 4]: 16 at both ends, 0 at x = 2.
    const landscape = computeJob(
      { kind: 'landscape', formula: text, window: { x: [0, 4] }, parameters: { a: 4, b: 2 } },
      ctx,
    );
    assert.equal(landscape.kind, 'curve');
    if (landscape.kind === 'curve') {
      assert.equal(landscape.values[0], 16);
      assert.equal(landscape.values[landscape.values.length - 1], 16);
    }
  });

  it('are part of every job’s key, so the cache never answers one value with another’s result', () => {
    const at = (a: number): string =>
      jobKey({ kind: 'run', formula: text, options: { ...OPTIONS, parameters: { a } } });
    assert.notEqual(at(1), at(2));
    assert.equal(at(2), at(2));
    const landscape = (a?: number): string =>
      jobKey({
        kind: 'landscape',
        formula: text,
        window: { x: [0, 1] },
        ...(a ? { parameters: { a } } : {}),
      });
    assert.notEqual(landscape(), landscape(3));
  });

  it('refuses names the formula does not have and values that are not finite numbers', () => {
    const problem = compiled();
    const refused = (parameters: Record<string, number>, words: RegExp): void => {
      assert.throws(
        () => runDescent(problem, { ...OPTIONS, parameters }),
        (e: unknown) => e instanceof FormulaError && e.code === 'bad-option' && words.test(e.message),
      );
    };
    refused({ q: 1 }, /no parameter named q \(its parameters are a, b\)/);
    refused({ a: Number.NaN }, /a must be a finite number/);
    refused({ b: Infinity }, /b must be a finite number/);
    const noParameters = compileFormula(parseFormula('x^2'));
    assert.throws(() => bindParameters(noParameters, { a: 1 }), /it has none/);
    assert.deepEqual(bindParameters(noParameters, undefined), []);
  });
});

describe('parameters: on the command line', () => {
  function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
    let stdout = '';
    let stderr = '';
    const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('sets them with --param NAME=VALUE, repeatable, with \\lambda and λ as lambda', () => {
    for (const lambda of ['lambda=3', '\\lambda=3', 'λ=3']) {
      const ran = cli(
        'run',
        '$f(x) = (x - a)^2 + \\lambda x^2$',
        '--param',
        'a=4',
        '--param',
        lambda,
        '--json',
      );
      assert.equal(ran.code, 0, ran.stderr);
      const out = JSON.parse(ran.stdout) as { final: { point: number[] }; parameters: unknown };
      // 2(x − 4) + 6x = 0 at x = 1.
      assert.ok(Math.abs((out.final.point[0] ?? NaN) - 1) < 1e-6);
      assert.deepEqual(out.parameters, [
        { name: 'a', value: 4 },
        { name: 'lambda', value: 3 },
      ]);
    }
    const table = cli('run', 'f(x) = a x^2', '--param=a=2', '--max-iter', '1');
    assert.match(table.stdout, /^parameters: {4}a = 2$/m);
  });

  it('refuses a malformed --param and an unknown name, in one line', () => {
    for (const [argv, words] of [
      [['run', 'f(x) = a x^2', '--param', 'a'], /--param needs NAME=VALUE/],
      [['run', 'f(x) = a x^2', '--param', 'a=two'], /needs a number/],
      [['run', 'f(x) = a x^2', '--param', '2=1'], /--param needs NAME=VALUE/],
      [['run', 'f(x) = a x^2', '--param', 'q=1'], /no parameter named q/],
    ] as const) {
      const ran = cli(...argv);
      assert.equal(ran.code, 2);
      assert.match(ran.stderr, words);
      assert.equal(ran.stderr.trim().split('\n').length, 1, ran.stderr);
    }
  });
});
