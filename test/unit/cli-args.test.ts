import { strict as assert } from 'node:assert';
import { parseArgs, UsageError, wantsJson, type CliArgs } from '../../src/cli/args';

function run(...argv: string[]): CliArgs {
  const parsed = parseArgs(argv);
  assert.notEqual(parsed.command, 'help');
  return parsed as CliArgs;
}

function usageError(argv: string[], pattern: RegExp): void {
  assert.throws(
    () => parseArgs(argv),
    (e: unknown) => e instanceof UsageError && pattern.test(e.message),
    argv.join(' '),
  );
}

describe('CLI argument parsing', () => {
  it('reads every run option in both spellings', () => {
    const spaced = run(
      'run',
      'x^2',
      '--start',
      '1,2',
      '--lr',
      '0.05',
      '--optimizer',
      'adam',
      '--momentum',
      '0.8',
      '--alpha',
      '0.9',
      '--betas',
      '0.8,0.99',
      '--eps',
      '1e-6',
      '--line-search',
      '--max-iter',
      '50',
      '--tol',
      '1e-5',
      '--maximize',
      '--trace',
      'all',
      '--json',
    );
    const equals = run(
      'run',
      'x^2',
      '--start=1,2',
      '--lr=0.05',
      '--optimizer=adam',
      '--momentum=0.8',
      '--alpha=0.9',
      '--betas=0.8,0.99',
      '--eps=1e-6',
      '--line-search',
      '--max-iter=50',
      '--tol=1e-5',
      '--maximize',
      '--trace=all',
      '--json',
    );
    for (const a of [spaced, equals]) {
      assert.equal(a.command, 'run');
      assert.equal(a.formula, 'x^2');
      assert.deepEqual(a.start, [1, 2]);
      assert.equal(a.lr, 0.05);
      assert.equal(a.optimizer, 'adam');
      assert.equal(a.momentum, 0.8);
      assert.equal(a.alpha, 0.9);
      assert.deepEqual(a.betas, [0.8, 0.99]);
      assert.equal(a.eps, 1e-6);
      assert.equal(a.lineSearch, true);
      assert.equal(a.maxIterations, 50);
      assert.equal(a.tol, 1e-5);
      assert.equal(a.maximize, true);
      assert.equal(a.traceAll, true);
      assert.equal(a.json, true);
    }
  });

  it('leaves unspecified options undefined and flags off', () => {
    const a = run('run', 'x^2');
    assert.equal(a.lr, undefined);
    assert.equal(a.start, undefined);
    assert.equal(a.json, false);
    assert.equal(a.maximize, false);
    assert.equal(a.traceAll, false);
  });

  it('accepts negative values after an option and with =', () => {
    assert.deepEqual(run('run', 'x^2+y^2', '--start', '-1.2,1').start, [-1.2, 1]);
    assert.deepEqual(run('run', 'x^2+y^2', '--start=-1.2,1').start, [-1.2, 1]);
  });

  it('takes a formula starting with a minus sign after --', () => {
    const a = run('run', '--lr=0.1', '--maximize', '--', '-(x-1)^2 + 3');
    assert.equal(a.formula, '-(x-1)^2 + 3');
    assert.equal(a.lr, 0.1);
    assert.equal(a.maximize, true);
    assert.equal(run('run', '--', '--json').formula, '--json');
  });

  it('keeps --optimizer and --scheduler as written for the engine to read, and reads code options', () => {
    const a = run('code', 'x^2', '--optimizer', 'AdamW(lr=0.1)', '--scheduler=StepLR(5)', '--lang', 'numpy');
    assert.deepEqual(
      [a.command, a.optimizer, a.scheduler, a.lang],
      ['code', 'AdamW(lr=0.1)', 'StepLR(5)', 'numpy'],
    );
    assert.equal(run('code', 'x^2').lang, undefined);
  });

  it('reads sweep options', () => {
    const a = run('sweep', 'x^2', '--lr-min', '1e-3', '--lr-max=2', '--count', '7', '--start', '3', '--json');
    assert.equal(a.command, 'sweep');
    assert.equal(a.lrMin, 1e-3);
    assert.equal(a.lrMax, 2);
    assert.equal(a.count, 7);
    assert.deepEqual(a.start, [3]);
  });

  it('rejects bad input with a usage error', () => {
    usageError([], /Missing command/);
    usageError(['walk', 'x'], /Unknown command/);
    usageError(['run'], /Missing formula/);
    usageError(['run', 'x', 'y'], /one formula/);
    usageError(['run', '-(x-1)^2'], /after "--"/);
    usageError(['run', 'x', '--frobnicate'], /Unknown option/);
    usageError(['run', 'x', '--lr'], /needs a value/);
    usageError(['run', 'x', '--lr', 'fast'], /needs a number/);
    usageError(['run', 'x', '--lr', '0'], /greater than 0/);
    usageError(['run', 'x', '--lr=-1'], /greater than 0/);
    usageError(['run', 'x', '--optimizer', ''], /needs a value/);
    usageError(['code', 'x', '--lang', 'julia'], /--lang must be one of pytorch, numpy/);
    usageError(['code', 'x', '--json'], /not an option of code/);
    usageError(['run', 'x', '--lang', 'numpy'], /not an option of run/);
    usageError(['run', 'x', '--momentum', '1'], /\[0, 1\)/);
    usageError(['run', 'x', '--betas', '0.9'], /two numbers/);
    usageError(['run', 'x', '--max-iter', '2.5'], /whole number/);
    usageError(['run', 'x', '--tol', '-1'], /0 or more/);
    usageError(['run', 'x', '--trace', 'some'], /"all"/);
    usageError(['run', 'x', '--json=yes'], /no value/);
    usageError(['run', 'x', '--start', '1,,2'], /needs a number/);
    usageError(['run', 'x', '--count', '5'], /not an option of run/);
    usageError(['sweep', 'x', '--lr', '0.1'], /not an option of sweep/);
    usageError(['sweep', 'x', '--lr-min', '1', '--lr-max', '0.5'], /greater than --lr-min/);
    usageError(['sweep', 'x', '--count', '1'], /at least 2/);
    usageError(['sweep', 'x', '--count', '1e9'], /at most 1000/);
    usageError(['run', 'x', '--__proto__', '1'], /Unknown option/);
  });

  it('answers --help before options and not after --', () => {
    assert.equal(parseArgs(['--help']).command, 'help');
    assert.equal(parseArgs(['run', 'x', '-h']).command, 'help');
    assert.equal(run('run', '--', '-h').formula, '-h');
  });

  it('finds --json before -- only', () => {
    assert.equal(wantsJson(['run', 'x', '--json']), true);
    assert.equal(wantsJson(['run', '--', '--json']), false);
    assert.equal(wantsJson(['run', 'x']), false);
  });
});
