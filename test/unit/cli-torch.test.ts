// The CLI's torch syntax: --optimizer "AdamW(...)", --scheduler "CosineAnnealingLR(...)" and `code`,
// against torch's own trajectories (test/reference) and values worked by hand, and its refusals.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...argv: string[]): Ran {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

interface RunOut {
  optimizer: string;
  scheduler?: string;
  learningRate: number;
  final: { point: number[] };
  trace: { iteration: number; point: number[]; learningRate?: number }[];
}

function json(ran: Ran): RunOut {
  assert.equal(ran.code, 0, ran.stderr);
  return JSON.parse(ran.stdout) as RunOut;
}

/** One refusal: exit 2 and a single line on stderr matching `pattern`. */
function refused(argv: string[], pattern: RegExp): void {
  const ran = cli(...argv);
  assert.equal(ran.code, 2, argv.join(' '));
  assert.equal(ran.stdout, '');
  assert.match(ran.stderr, /^error: [^\n]+\n$/, `one line: ${ran.stderr}`);
  assert.match(ran.stderr, pattern);
}

interface ReferenceCase {
  formula: string;
  start: number[];
  optimizer: string;
  scheduler: string | null;
  maximize: boolean;
  iterations: number;
  points: number[][];
  learningRates: number[];
}

function referenceCase(file: string, optimizer: string, scheduler: string | null = null): ReferenceCase {
  const cases = (
    JSON.parse(readFileSync(join(__dirname, '..', 'reference', `${file}.json`), 'utf8')) as {
      cases: ReferenceCase[];
    }
  ).cases;
  const found = cases.find((c) => c.optimizer === optimizer && c.scheduler === scheduler);
  assert.ok(found, `${optimizer} is in the reference`);
  return found;
}

function closeTo(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) <= tolerance, `${actual} vs ${expected}`));
}

describe('CLI torch syntax', () => {
  it("runs torch's constructor calls to torch's own trajectory (AdamW with amsgrad, CosineAnnealingLR)", () => {
    for (const [file, optimizer, scheduler] of [
      ['optimizers', 'AdamW(lr=0.1, weight_decay=0.2, amsgrad=True)', null],
      ['schedulers', 'SGD(lr=0.05)', 'CosineAnnealingLR(T_max=8, eta_min=0.001)'],
    ] as const) {
      const c = referenceCase(file, optimizer, scheduler);
      const argv = ['run', c.formula, `--start=${c.start.join(',')}`, '--optimizer', optimizer];
      if (scheduler) argv.push('--scheduler', scheduler);
      const out = json(
        cli(...argv, '--max-iter', String(c.iterations), '--tol', '0', '--trace', 'all', '--json'),
      );
      c.points.forEach((p, k) => closeTo(out.trace[k]!.point, p, 1e-12));
      if (scheduler) {
        assert.equal(out.scheduler, 'CosineAnnealingLR');
        c.learningRates.forEach((lr, k) =>
          assert.ok(Math.abs(out.trace[k + 1]!.learningRate! - lr) <= 1e-15),
        );
      }
    }
  });

  it('records the scheduled rate of every step: SGD(lr=0.1) with StepLR(step_size=2, gamma=0.5) on x²', () => {
    const out = json(
      cli(
        'run',
        'x^2',
        '--start',
        '1',
        '--optimizer',
        'SGD(lr=0.1)',
        '--scheduler',
        'StepLR(step_size=2, gamma=0.5)',
        '--max-iter',
        '4',
        '--trace',
        'all',
        '--json',
      ),
    );
    // x ← x − η·2x: η = 0.1, 0.1, 0.05, 0.05, so x = 0.8, 0.64, 0.576, 0.5184.
    assert.deepEqual(
      out.trace.map((p) => p.learningRate),
      [undefined, 0.1, 0.1, 0.05, 0.05],
    );
    closeTo(
      out.trace.map((p) => p.point[0]!),
      [1, 0.8, 0.64, 0.576, 0.5184],
      1e-15,
    );
  });

  it("reads class names case-insensitively, torch's module prefixes, positional arguments and a leading params argument", () => {
    const base = ['run', 'x^2 + 3*y^2', '--start', '1,-1', '--max-iter', '5', '--json'];
    const final = (optimizer: string): number[] => json(cli(...base, '--optimizer', optimizer)).final.point;
    const expected = final('RMSprop(lr=0.01, alpha=0.9, centered=True)');
    for (const spelling of [
      'rmsprop(lr=0.01, alpha=0.9, centered=True)',
      'torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, centered=True)',
      'optim.RMSPROP([x], 0.01, 0.9, centered=True)',
      'RMSprop(0.01, 0.9, 1e-08, 0, 0, True)',
    ]) {
      assert.deepEqual(final(spelling), expected, spelling);
    }
  });

  it("takes torch's default lr in a call, the engine's for a bare name, and --lr where the call gives none", () => {
    const rate = (...argv: string[]): number =>
      json(cli('run', 'x^2', '--max-iter', '1', '--json', ...argv)).learningRate;
    assert.equal(rate('--optimizer', 'Adam()'), 0.001);
    assert.equal(rate('--optimizer', 'adam'), 0.01);
    assert.equal(rate('--optimizer', 'Adam(betas=(0.8, 0.9))', '--lr', '0.05'), 0.05);
    assert.equal(rate('--optimizer', 'LBFGS'), 1);
  });

  it('takes maximize=True from the call, as --maximize', () => {
    const up = json(
      cli(
        'run',
        '--start',
        '0',
        '--optimizer',
        'SGD(lr=0.1, maximize=True)',
        '--max-iter',
        '1',
        '--json',
        '--',
        '-(x-1)^2',
      ),
    );
    // x ← x + η·f′(x) = 0 + 0.1·2 = 0.2.
    closeTo(up.final.point, [0.2], 1e-15);
  });

  it('refuses unknown classes and arguments in one line listing the valid ones', () => {
    refused(
      ['run', 'x^2', '--optimizer', 'Adamm(lr=0.1)'],
      /Unknown optimizer "Adamm"; use one of .*SGD, .*AdamW, .*LBFGS/,
    );
    refused(
      ['run', 'x^2', '--optimizer', 'AdamW(lr=0.1, momentum=0.9)'],
      /AdamW has no argument "momentum"; use lr, betas, eps, weight_decay, amsgrad, maximize$/m,
    );
    refused(['run', 'x^2', '--optimizer', 'LBFGS(maximize=True)'], /LBFGS has no argument "maximize"/);
    refused(
      ['run', 'x^2', '--scheduler', 'CosineAnnealing(T_max=10)'],
      /Unknown scheduler "CosineAnnealing"; use one of StepLR, .*ReduceLROnPlateau/,
    );
    refused(
      ['run', 'x^2', '--scheduler', 'StepLR(step_size=10, T_max=3)'],
      /StepLR has no argument "T_max"; use step_size, gamma$/m,
    );
    refused(
      ['run', 'x^2', '--optimizer', 'keras.optimizers.Adam()'],
      /Unknown optimizer "keras\.optimizers\.Adam"/,
    );
  });

  it('refuses what torch would: missing required arguments, bad values, lr twice, Python syntax mistakes', () => {
    refused(['run', 'x^2', '--optimizer', 'SGD(momentum=0.9)'], /SGD needs lr/);
    refused(['run', 'x^2', '--scheduler', 'StepLR(gamma=0.5)'], /StepLR needs step_size/);
    refused(['run', 'x^2', '--optimizer', 'Adam(lr=0.1)', '--lr', '0.2'], /lr is given twice/);
    refused(['run', 'x^2', '--optimizer', 'Adam(amsgrad=1)'], /amsgrad must be True or False/);
    refused(
      ['run', 'x^2', '--optimizer', 'Adam(betas=(0.9, 1.0))'],
      /betas must be each a number in \[0, 1\)/,
    );
    refused(['run', 'x^2', '--optimizer', 'RMSprop(lr=0.1, lr=0.2)'], /lr is given twice/);
    refused(['run', 'x^2', '--optimizer', 'Adam(lr=0.1, 0.9)'], /positional argument follows a keyword/);
    refused(['run', 'x^2', '--optimizer', 'Adam(lr=0.1'], /expected "\)" at the end/);
    refused(['run', 'x^2', '--optimizer', 'Adam(lr=__import__("os"))'], /must be a literal/);
    refused(['run', 'x^2', '--optimizer', 'Adam(lr=0.1; x)'], /unexpected ";" at character 12/);
    refused(
      ['run', 'x^2', '--optimizer', 'SGD(lr=0.1, momentum=0.9)', '--momentum', '0.5'],
      /momentum is given twice/,
    );
    refused(
      ['run', 'x^2', '--scheduler', 'SequentialLR(schedulers=[StepLR(5)], milestones=[3])'],
      /one milestone fewer than schedulers/,
    );
    refused(
      ['run', 'x^2', '--optimizer', 'Adagrad', '--scheduler', 'OneCycleLR(max_lr=0.1)'],
      /cycle_momentum=False/,
    );
  });

  it('prints a PyTorch or NumPy script with code', () => {
    const argv = ['code', 'x^2', '--start', '1', '--optimizer', 'Adam(lr=0.1)', '--max-iter', '3'];
    const torch = cli(...argv);
    assert.equal(torch.code, 0, torch.stderr);
    assert.match(torch.stdout, /optimizer = torch\.optim\.Adam\(\[params\], lr=0\.1, betas=\(0\.9, 0\.999\)/);
    assert.match(torch.stdout, /for step in range\(3\):/);
    assert.match(torch.stdout, /\nprint\(json\.dumps\(params\.tolist\(\)\)\)\n$/);
    const numpy = cli(...argv, '--lang', 'numpy');
    assert.match(numpy.stdout, /^import numpy as np$/m);
    assert.match(numpy.stdout, /return np\.array\(\[2 \* x\], dtype=float\)/);
  });
});
