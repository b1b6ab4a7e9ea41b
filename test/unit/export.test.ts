// Runs as code: the exported PyTorch and NumPy scripts, run by python3 with torch or NumPy, end
// where the engine's run ends (relative 1e-9). Every optimizer and every scheduler is exported; the
// tests skip, saying why, when no python3 with torch or NumPy is present.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFormula } from '../../src/engine/compile';
import { runDescent } from '../../src/engine/descent';
import { exportCode, type CodeLanguage } from '../../src/engine/export';
import { parseFormula } from '../../src/engine/parse';
import { parseOptimizerSpec, parseSchedulerSpec } from '../../src/engine/spec';
import type { RunOptions } from '../../src/engine/types';
import { noPython, pythonWith } from './python';

interface Case {
  readonly formula: string;
  readonly start: number[];
  readonly optimizer: string;
  readonly scheduler?: string;
  readonly maximize?: boolean;
  readonly iterations: number;
  /** Values of the formula's parameters (a definition's other names). */
  readonly parameters?: Readonly<Record<string, number>>;
}

const ROSENBROCK = '(1 - x)^2 + 100*(y - x^2)^2';
const BOWL = 'x^2 + 2*y^2 + 3*z^2 + x*y - y*z + 0.5*x^4';
const CAP = '-(x - 1)^2 - 2*(y + 0.5)^2 + 3';

const CASES: readonly Case[] = [
  { formula: '$f(x) = 2x^{2}$', start: [1], optimizer: 'gd', iterations: 30 },
  { formula: ROSENBROCK, start: [-1.2, 1], optimizer: 'momentum(lr=0.0005)', iterations: 60 },
  { formula: ROSENBROCK, start: [-1.2, 1], optimizer: 'nesterov(lr=0.0005)', iterations: 60 },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05, momentum=0.5, weight_decay=0.1)',
    iterations: 40,
  },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'gd(lr=0.5, line_search=True)', iterations: 20 },
  { formula: ROSENBROCK, start: [-1.2, 1], optimizer: 'Adam(lr=0.05, amsgrad=True)', iterations: 60 },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'AdamW(lr=0.1, weight_decay=0.2)', iterations: 40 },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'Adamax(lr=0.1, weight_decay=0.1)', iterations: 40 },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'NAdam(lr=0.1, momentum_decay=0.01)', iterations: 40 },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'RAdam(lr=0.1)', iterations: 40 },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'Adagrad(lr=0.5, lr_decay=0.05, initial_accumulator_value=0.5)',
    iterations: 40,
  },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'Adadelta(lr=2.0, rho=0.5)', iterations: 40 },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'RMSprop(lr=0.01, centered=True, momentum=0.5)',
    iterations: 40,
  },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'Rprop(lr=0.1, etas=(0.3, 1.5))', iterations: 40 },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'ASGD(lr=0.1, lambd=0.01, t0=5)', iterations: 40 },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'LBFGS(lr=1, max_iter=4, history_size=3)', iterations: 5 },
  { formula: ROSENBROCK, start: [-1.2, 1], optimizer: "LBFGS(line_search_fn='strong_wolfe')", iterations: 4 },
  { formula: BOWL, start: [1, -1, 2], optimizer: 'newton', iterations: 8 },
  { formula: 'x^4 - 3*x^2 + x', start: [2], optimizer: 'newton(lr=0.5, shift=1)', iterations: 15 },
  { formula: '-cos(x)', start: [1.2], optimizer: 'newton', iterations: 5 },
  { formula: CAP, start: [0, 0], optimizer: 'Adam(lr=0.1)', maximize: true, iterations: 30 },
  {
    formula: CAP,
    start: [0, 0],
    optimizer: "LBFGS(line_search_fn='strong_wolfe', max_iter=3)",
    maximize: true,
    iterations: 3,
  },
  { formula: CAP, start: [0, 0], optimizer: 'newton', maximize: true, iterations: 3 },
  {
    formula: 'sqrt(x^2 + 1) + tanh(y) + log(y^2 + 2, 10) + sec(x/3)',
    start: [1, 0.5],
    optimizer: 'Adam(lr=0.05)',
    iterations: 40,
  },
  { formula: 'atan2(y, x + 3) + x^2 + y^2', start: [1, 1], optimizer: 'gd(lr=0.1)', iterations: 30 },
  // The ML functions the parser reads, through kinks and saturation (each run crosses a kink of relu,
  // abs, max or min, where the derivative is the side's, as torch's autograd takes it).
  {
    formula: 'sigmoid(x) * softplus(y - 1) + 0.1*(x^2 + y^2)',
    start: [1, -1],
    optimizer: 'Adam(lr=0.1)',
    iterations: 30,
  },
  {
    formula: 'relu(x - 1) + relu(-x - 1) + tanh(y)^2 + 0.5*x^2',
    start: [2.3, 0.7],
    optimizer: 'gd(lr=0.1)',
    iterations: 30,
  },
  {
    formula: 'logsumexp(x, y, 0) + huber(x - 2) + huber(y + 1, 0.5)',
    start: [3, 2],
    optimizer: 'SGD(lr=0.05, momentum=0.9)',
    iterations: 40,
  },
  {
    formula: 'log1p(x^2) + abs(y - 0.5) + max(x, y) + min(x, -y)',
    start: [1.3, 2.1],
    optimizer: 'RMSprop(lr=0.01)',
    iterations: 40,
  },
  {
    formula: '$\\sigma(w) + \\operatorname{softplus}(-w) + |w - 2|$',
    start: [0.3],
    optimizer: 'Adam(lr=0.2)',
    iterations: 25,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05)',
    scheduler: 'StepLR(step_size=7, gamma=0.5)',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'Adam(lr=0.2)',
    scheduler: 'MultiStepLR(milestones=[5, 12, 12])',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05)',
    scheduler: 'ExponentialLR(gamma=0.9)',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05)',
    scheduler: 'CosineAnnealingLR(T_max=8, eta_min=0.001)',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'Adam(lr=0.1)',
    scheduler: 'CosineAnnealingWarmRestarts(T_0=3, T_mult=2)',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05)',
    scheduler: 'LinearLR(start_factor=0.25, total_iters=10)',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05)',
    scheduler: 'ConstantLR(factor=0.5, total_iters=6)',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05)',
    scheduler: 'PolynomialLR(total_iters=20, power=2.0)',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05, momentum=0.9)',
    scheduler: 'OneCycleLR(max_lr=0.1)',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'Adam(lr=0.1)',
    scheduler: "OneCycleLR(max_lr=0.2, total_steps=30, anneal_strategy='linear', three_phase=True)",
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05, momentum=0.5)',
    scheduler: "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=4, mode='triangular2')",
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'RMSprop(lr=0.01)',
    scheduler: "CyclicLR(0.001, 0.02, 3, mode='exp_range', gamma=0.95)",
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.08)',
    scheduler: 'ReduceLROnPlateau(patience=2, factor=0.5, threshold=0.1)',
    iterations: 40,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'SGD(lr=0.05)',
    scheduler:
      'SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=5), CosineAnnealingLR(T_max=20)], milestones=[5])',
    iterations: 30,
  },
  {
    formula: BOWL,
    start: [1, -1, 2],
    optimizer: 'Adam(lr=0.1)',
    scheduler: 'ChainedScheduler([ConstantLR(factor=0.5, total_iters=4), ExponentialLR(gamma=0.95)])',
    iterations: 30,
  },
  // The functions of machine-learning notes, and a parameter written in as the run's value.
  {
    formula:
      'f(x, y) = softplus(x - 1) + relu(y - 0.5)^2 + sigmoid(x*y) + logsumexp(x, y, 0) + huber(x - 2, 0.5) + a*x^2',
    start: [0.2, 0.9],
    optimizer: 'SGD(lr=0.1, momentum=0.5)',
    parameters: { a: 0.3 },
    iterations: 40,
  },
];

/** The engine's run of a case and the run as the exporter takes it. */
function engineRun(c: Case) {
  const formula = parseFormula(c.formula);
  const spec = parseOptimizerSpec(c.optimizer);
  const options: RunOptions = {
    start: c.start,
    optimizer: spec.optimizer,
    ...(c.scheduler ? { scheduler: parseSchedulerSpec(c.scheduler) } : {}),
    stop: {
      maxIterations: c.iterations,
      gradientTolerance: 0,
      stepTolerance: 0,
      valueTolerance: 0,
      timeBudgetMs: 0,
    },
    maximize: c.maximize ?? false,
    traceLimit: 2,
    ...(c.parameters ? { parameters: c.parameters } : {}),
  };
  const result = runDescent(compileFormula(formula), options);
  return { formula, options, result };
}

/** Runs every script in one Python process (importing torch once), returning each script's last line. */
function runScripts(python: string, paths: readonly string[]): string[] {
  const driver = [
    'import contextlib, io, json, runpy, sys',
    'out = []',
    'for path in sys.argv[1:]:',
    '    buffer = io.StringIO()',
    '    with contextlib.redirect_stdout(buffer):',
    '        runpy.run_path(path, run_name="__main__")',
    '    out.append(buffer.getvalue().strip().splitlines()[-1])',
    'print(json.dumps(out))',
  ].join('\n');
  const ran = spawnSync(python, ['-c', driver, ...paths], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(ran.status, 0, ran.stderr);
  return JSON.parse(ran.stdout) as string[];
}

for (const [language, module] of [
  ['pytorch', 'torch'],
  ['numpy', 'numpy'],
] as const satisfies readonly (readonly [CodeLanguage, string])[]) {
  describe(`exported ${language} scripts run by Python`, function () {
    this.timeout(180_000);
    let python: string | undefined;
    let dir = '';
    const lines = new Map<number, string>();

    before(function () {
      python = pythonWith(module);
      if (python === undefined) {
        console.log(`      ${noPython(module)}`);
        this.skip();
      }
      dir = mkdtempSync(join(tmpdir(), `gdlab-${language}-`));
      const paths = CASES.map((c, i) => {
        const { formula, options, result } = engineRun(c);
        const path = join(dir, `case${i}.py`);
        writeFileSync(path, exportCode({ formula, options, iterations: result.iterations }, language));
        return path;
      });
      runScripts(python!, paths).forEach((line, i) => lines.set(i, line));
    });

    after(() => {
      if (dir !== '') rmSync(dir, { recursive: true, force: true });
    });

    CASES.forEach((c, i) => {
      it(`${c.optimizer}${c.scheduler ? ` + ${c.scheduler}` : ''} on ${c.formula}${c.maximize ? ' (maximize)' : ''}`, () => {
        const { result } = engineRun(c);
        const printed = JSON.parse(lines.get(i)!) as number[];
        const scale = Math.max(1, ...result.final.point.map(Math.abs));
        printed.forEach((v, k) => {
          const expected = result.final.point[k]!;
          assert.ok(
            Math.abs(v - expected) <= 1e-9 * scale,
            `coordinate ${k}: ${v} vs the engine's ${expected}`,
          );
        });
      });
    });
  });
}

describe('exported code is built from the tree', () => {
  it('writes LaTeX as Python, renames variables Python reserves, and copies no source text', () => {
    const formula = parseFormula('$\\frac{\\lambda^{2}}{2} + \\sin(\\theta)$');
    const options: RunOptions = {
      start: [1],
      optimizer: { name: 'adam' },
      stop: {},
      maximize: false,
      traceLimit: 2,
    };
    for (const language of ['pytorch', 'numpy'] as const) {
      const script = exportCode({ formula, options, iterations: 3 }, language);
      assert.doesNotMatch(script, /\\frac|\\lambda|\$/);
      assert.match(script, language === 'pytorch' ? /torch\.sin\(theta\)/ : /np\.sin\(theta\)/);
      assert.match(script, /v0 \*\* 2 \/ 2|v0 \*\* 2/);
      assert.match(script, /print\(json\.dumps\(/);
    }
  });
});

describe('exported NumPy gradients are the engine’s symbolic ones', () => {
  it('writes ReLU’s step, max’s and min’s slope and Huber’s clip, not a central difference', () => {
    const options: RunOptions = {
      start: [1, 1],
      optimizer: { name: 'gd' },
      stop: {},
      maximize: false,
      traceLimit: 2,
    };
    for (const text of [
      'relu(x - 1) + y^2',
      'max(x, y) + min(x, -y)',
      'huber(x - 2) + huber(y, 0.5)',
      'sigmoid(x) + softplus(y) + logsumexp(x, y, 0) + log1p(x^2) + abs(y)',
    ]) {
      const script = exportCode({ formula: parseFormula(text), options, iterations: 1 }, 'numpy');
      assert.doesNotMatch(script, /central_difference/, text);
    }
    const script = exportCode(
      { formula: parseFormula('huber(x - 2, 0.5) + relu(y)'), options, iterations: 1 },
      'numpy',
    );
    assert.match(script, /np\.clip\(\(x - 2\), -0\.5, 0\.5\)/);
    assert.match(script, /np\.where\(y > 0, 1\.0, 0\.0\)/);
  });
});
