import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runCli } from '../../src/cli/main';
import { noPython, pythonWith } from './python';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process and captures what it writes. */
function cli(...argv: string[]): Ran {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function json(ran: Ran): any {
  assert.equal(ran.stdout.trim().split('\n').length, 1, 'one JSON object on one line');
  return JSON.parse(ran.stdout);
}

describe('CLI (in-process)', () => {
  it('reproduces the seed: f(x) = 2x^2 from 1 at η = 0.1 gives 0.6 then 0.36', () => {
    const out = json(cli('run', 'f(x) = 2x^2', '--start', '1', '--lr', '0.1', '--max-iter', '2', '--json'));
    assert.deepEqual(Object.keys(out).sort(), [
      'final',
      'iterations',
      'learningRate',
      'optimizer',
      'stationary',
      'stopReason',
      'trace',
      'variables',
    ]);
    assert.deepEqual(out.variables, ['x']);
    assert.equal(out.optimizer, 'gd');
    assert.equal(out.learningRate, 0.1);
    assert.equal(out.iterations, 2);
    assert.equal(out.stopReason, 'max-iterations');
    assert.deepEqual(
      out.trace.map((p: { point: number[] }) => p.point[0]),
      [1, 0.6, 0.36],
    );
    assert.deepEqual(
      out.trace.map((p: { iteration: number }) => p.iteration),
      [0, 1, 2],
    );
    assert.deepEqual(
      out.trace.map((p: { gradientNorm: number }) => p.gradientNorm),
      [4, 2.4, 4 * 0.36],
    );
    assert.deepEqual(Object.keys(out.final).sort(), ['gradientNorm', 'point', 'value']);
    assert.deepEqual(out.final.point, [0.36]);
    assert.deepEqual(Object.keys(out.trace[0]).sort(), ['gradientNorm', 'iteration', 'point', 'value']);
  });

  it('keeps every iteration with --trace all and a bounded trace otherwise', () => {
    const all = json(
      cli('run', 'x^2', '--lr', '0.001', '--max-iter', '300', '--tol', '0', '--trace', 'all', '--json'),
    );
    assert.equal(all.trace.length, 301);
    assert.equal(all.trace[0].iteration, 0);
    const bounded = json(cli('run', 'x^2', '--lr', '0.001', '--max-iter', '300', '--tol', '0', '--json'));
    assert.ok(bounded.trace.length < 301);
    assert.equal(bounded.trace[0].iteration, 0);
    assert.equal(bounded.trace[bounded.trace.length - 1].iteration, 300);
  });

  it('--tol is the gradient tolerance and 0 turns tolerance stopping off', () => {
    const loose = json(cli('run', 'x^2', '--lr', '0.1', '--tol', '0.1', '--json'));
    assert.equal(loose.stopReason, 'gradient-tolerance');
    // From 1 at η = 0.1, x_k = 0.8^k and |f′| = 2·0.8^k < 0.1 first at k = 14 (0.8^13 ≈ 0.055, 0.8^14 ≈ 0.044).
    assert.equal(loose.iterations, 14);
    const off = json(cli('run', 'x^2', '--lr', '0.1', '--tol', '0', '--max-iter', '5000', '--json'));
    assert.equal(off.stopReason, 'max-iterations');
    assert.equal(off.iterations, 5000);
  });

  it('starts from --start with = and a negative first value, and repeats a short start', () => {
    const out = json(
      cli('run', '(1-x)^2 + 100(y-x^2)^2', '--start=-1.2,1', '--lr', '0.001', '--max-iter', '1', '--json'),
    );
    assert.deepEqual(out.trace[0].point, [-1.2, 1]);
    assert.deepEqual(out.variables, ['x', 'y']);
    const short = json(cli('run', 'x^2 + y^2', '--start', '2', '--max-iter', '0', '--json'));
    assert.deepEqual(short.final.point, [2, 2]);
  });

  it('maximizes a formula that starts with a minus sign after --', () => {
    const out = json(cli('run', '--lr=0.1', '--maximize', '--json', '--', '-(x-1)^2 + 3'));
    assert.ok(Math.abs(out.final.point[0] - 1) < 1e-5);
    assert.ok(Math.abs(out.final.value - 3) < 1e-9);
    assert.equal(out.stationary, 'maximum');
  });

  it('passes every optimizer option through to the optimizer', () => {
    const base = ['run', 'x^2 + 3*y^2', '--start', '1,1', '--max-iter', '3', '--json'];
    const variants = [
      ['--optimizer', 'momentum', '--momentum', '0.5'],
      ['--optimizer', 'momentum', '--momentum', '0.9'],
      ['--optimizer', 'nesterov', '--momentum', '0.9'],
      ['--optimizer', 'adagrad', '--lr', '0.5'],
      ['--optimizer', 'rmsprop', '--alpha', '0.5'],
      ['--optimizer', 'rmsprop', '--alpha', '0.99'],
      ['--optimizer', 'adam', '--betas', '0.5,0.9'],
      ['--optimizer', 'adam', '--betas', '0.9,0.999'],
      ['--optimizer', 'adam', '--eps', '10'],
      ['--line-search', '--lr', '1'],
      ['--lr', '1'],
    ];
    const finals = variants.map((v) => json(cli(...base, ...v)).final.point.join(','));
    assert.equal(new Set(finals).size, finals.length, 'each option changes the path');
    const named = variants.map((v) => json(cli(...base, ...v)).optimizer);
    assert.deepEqual(named.slice(0, 9), [
      'momentum',
      'momentum',
      'nesterov',
      'adagrad',
      'rmsprop',
      'rmsprop',
      'adam',
      'adam',
      'adam',
    ]);
  });

  it('prints a readable table without --json', () => {
    const ran = cli('run', 'f(x) = 2x^2', '--start', '1', '--lr', '0.1', '--max-iter', '2');
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /stop reason:\s+max-iterations/);
    assert.match(ran.stdout, /iteration\s+\(x\)\s+f\s+\|grad f\|/);
    assert.match(ran.stdout, /\n1\s+\(0\.6\)\s+0\.72\s+2\.4\n/);
    assert.match(ran.stdout, /\n2\s+\(0\.36\)/);
  });

  it('says in the table, not in --json (the contract), when f fell without bound', () => {
    const ran = cli('run', 'x^2 - y^2', '--start', '1,1', '--lr', '0.1');
    assert.match(ran.stdout, /stop reason:\s+diverged\n/);
    assert.match(
      ran.stdout,
      /\noutcome:\s+Diverged at iteration \d+: f fell without bound \(towards −∞\)\. It has no minimum along this path/,
    );
    assert.doesNotMatch(
      cli('run', 'x^2', '--start', '1', '--lr', '1.5').stdout,
      /unbounded/,
      'an overshoot is not unbounded',
    );
    assert.equal(
      json(cli('run', 'x^2 - y^2', '--start', '1,1', '--lr', '0.1', '--json')).unbounded,
      undefined,
    );
  });

  it('writes readable numbers by the shared rule (ASCII minus, exponent from 1e6) and raw numbers in --json', () => {
    const argv = ['run', 'x^2 + 1e9*y^2', '--start', '-1,1', '--lr', '1e-10', '--max-iter', '1'];
    const ran = cli(...argv);
    assert.match(ran.stdout, /learning rate 1e-10\)/);
    assert.match(ran.stdout, /\n0\s+\(-1, 1\)\s+1e9\s+2e9\n/);
    assert.match(ran.stdout, /\n1\s+\(-1, 0\.8\)\s+6\.4e8\s+1\.6e9\n/);
    const out = json(cli(...argv, '--json'));
    assert.equal(out.learningRate, 1e-10);
    assert.equal(out.trace[0].value, 1000000001);
    assert.equal(out.final.point[0], -0.9999999998);
  });

  it('sweeps log-spaced learning rates with the critical step and regimes', () => {
    const out = json(
      cli(
        'sweep',
        'f(x) = 2x^2',
        '--start',
        '1',
        '--lr-min',
        '0.01',
        '--lr-max',
        '1',
        '--count',
        '5',
        '--json',
      ),
    );
    assert.deepEqual(
      out.points
        .map((p: { learningRate: number }) => p.learningRate)
        .map((v: number) => Number(v.toPrecision(12))),
      [0.01, 0.0316227766017, 0.1, 0.316227766017, 1],
    );
    assert.ok(Math.abs(out.lambdaMax - 4) < 1e-6);
    assert.ok(Math.abs(out.criticalLearningRate - 0.5) < 1e-6);
    assert.equal(out.points[4].diverged, true);
    assert.equal(out.points[2].converged, true);
    assert.ok(out.regimes.large > out.criticalLearningRate);
    assert.ok(Math.abs(out.regimes.small - out.regimes.good / 100) < 1e-15);
    const table = cli('sweep', 'f(x) = 2x^2', '--count', '4');
    assert.match(table.stdout, /critical lr:\s+0\.5/);
    assert.equal(table.stdout.match(/(converged|diverged)\n/g)?.length, 4);
  });

  it('picks the good η of a maximizing sweep by the highest final value', () => {
    // With every tolerance off no run converges, so the good η is the one whose final value is best:
    // for a maximization the highest, reached near half the critical step, not the lowest (at --lr-max).
    const out = json(
      cli(
        'sweep',
        '--maximize',
        '--tol',
        '0',
        '--max-iter',
        '3',
        '--start',
        '5',
        '--count',
        '9',
        '--json',
        '--',
        '-x^2',
      ),
    );
    assert.ok(
      out.points.every((p: { converged: boolean; diverged: boolean }) => !p.converged && !p.diverged),
    );
    const best = Math.max(...out.points.map((p: { finalValue: number }) => p.finalValue));
    const good = out.points.find((p: { learningRate: number }) => p.learningRate === out.regimes.good);
    assert.equal(good.finalValue, best);
  });

  it('exits 2 with a JSON error (and a column) for a bad formula', () => {
    const ran = cli('run', 'x +* 2', '--json');
    assert.equal(ran.code, 2);
    const out = json(ran);
    assert.deepEqual(Object.keys(out), ['error']);
    assert.equal(typeof out.error.message, 'string');
    assert.equal(out.error.column, 4);
    assert.equal(ran.stderr, '');
  });

  it('exits 2 with one line on stderr without --json, never a stack trace', () => {
    for (const argv of [
      ['run', 'import("fs")'],
      ['run', 'x', '--lr', 'abc'],
      ['run'],
      ['bogus'],
      ['run', 'x', '--start', '1,2'],
    ]) {
      const ran = cli(...argv);
      assert.equal(ran.code, 2, argv.join(' '));
      assert.equal(ran.stdout, '');
      assert.match(ran.stderr, /^error: [^\n]+\n/);
      assert.doesNotMatch(ran.stderr, /\n\s+at /);
    }
  });

  it('exits 2 with a JSON error for bad options under --json', () => {
    const ran = cli('run', 'x^2', '--lr', 'fast', '--json');
    assert.equal(ran.code, 2);
    assert.match(json(ran).error.message, /--lr/);
  });

  it('prints usage for --help', () => {
    const ran = cli('--help');
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /Usage:/);
  });
});

describe('CLI (built bundle, spawned)', function () {
  this.timeout(60_000);
  let dir = '';
  let script = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gdlab-cli-'));
    script = join(dir, 'cli.js');
    await build({
      entryPoints: ['src/cli/cli.ts'],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  function spawn(...argv: string[]): Ran {
    const r = spawnSync(process.execPath, [script, ...argv], { encoding: 'utf8', timeout: 30_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  it('runs the seed example as a process', () => {
    const ran = spawn('run', 'f(x) = 2x^2', '--start', '1', '--lr', '0.1', '--max-iter', '2', '--json');
    assert.equal(ran.code, 0, ran.stderr);
    assert.deepEqual(
      json(ran).trace.map((p: { point: number[] }) => p.point[0]),
      [1, 0.6, 0.36],
    );
  });

  it('exits 2 with JSON or one line, never a stack trace', () => {
    const withJson = spawn('run', 'constructor(x)', '--json');
    assert.equal(withJson.code, 2);
    assert.ok(json(withJson).error.message.length > 0);
    const plain = spawn('run', '--nope', 'x');
    assert.equal(plain.code, 2);
    assert.match(plain.stderr, /^error: Unknown option "--nope"/);
    assert.doesNotMatch(plain.stderr + plain.stdout, /\n\s+at /);
  });

  it('code prints a script that python3 runs to the final point run prints', function () {
    const python = pythonWith('torch');
    if (python === undefined) {
      console.log(`      ${noPython('torch')}`);
      this.skip();
    }
    const options = [
      '(1-x)^2 + 100(y-x^2)^2',
      '--start=-1.2,1',
      '--optimizer',
      'Adam(lr=0.05)',
      '--max-iter',
      '40',
    ];
    const final = json(spawn('run', ...options, '--json')).final.point as number[];
    const code = spawn('code', ...options);
    assert.equal(code.code, 0, code.stderr);
    const path = join(dir, 'run.py');
    writeFileSync(path, code.stdout);
    const ran = spawnSync(python!, [path], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(ran.status, 0, ran.stderr);
    const printed = JSON.parse(ran.stdout.trim().split('\n').pop()!) as number[];
    printed.forEach((v, i) => assert.ok(Math.abs(v - final[i]!) <= 1e-9 * Math.max(1, Math.abs(final[i]!))));
  });

  it('takes a formula starting with "-" after --', () => {
    const ran = spawn('run', '--lr=0.1', '--maximize', '--', '-(x-1)^2 + 3');
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stdout, /stationary:\s+maximum/);
  });
});
