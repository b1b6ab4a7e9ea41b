// The descriptors the panel renders: every torch.optim class and scheduler is there, with torch's
// documented defaults (written out here from torch's docs), and every default lies in its range.
import { strict as assert } from 'node:assert';
import { ALL_OPTIMIZER_NAMES, OPTIMIZERS } from '../../src/engine/optimizers';
import { checkParam, resolveScheduler, SCHEDULERS } from '../../src/engine/schedulers/registry';
import { resolveOptimizer } from '../../src/engine/settings';
import { SCHEDULER_NAMES } from '../../src/engine/schedulerTypes';
import { parseOptimizerSpec, parseSchedulerSpec } from '../../src/engine/spec';

describe('optimizer and scheduler descriptors', () => {
  it('hold one descriptor per name of the plain lists the protocol guards with, in their order', () => {
    assert.deepEqual(
      OPTIMIZERS.map((d) => d.name),
      [...ALL_OPTIMIZER_NAMES],
    );
    assert.deepEqual(
      SCHEDULERS.map((d) => d.name),
      [...SCHEDULER_NAMES],
    );
  });

  it("holds every first-order class of torch.optim, LBFGS, today's names and Newton", () => {
    assert.deepEqual(OPTIMIZERS.flatMap((d) => (d.torch ? [d.torch] : [])).sort(), [
      'ASGD',
      'Adadelta',
      'Adagrad',
      'Adam',
      'AdamW',
      'Adamax',
      'LBFGS',
      'NAdam',
      'RAdam',
      'RMSprop',
      'Rprop',
      'SGD',
    ]);
    for (const name of ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'newton'] as const) {
      assert.ok(ALL_OPTIMIZER_NAMES.includes(name), name);
    }
    assert.deepEqual(
      SCHEDULERS.map((d) => d.name),
      [
        'StepLR',
        'MultiStepLR',
        'ExponentialLR',
        'CosineAnnealingLR',
        'CosineAnnealingWarmRestarts',
        'LinearLR',
        'ConstantLR',
        'PolynomialLR',
        'OneCycleLR',
        'CyclicLR',
        'ReduceLROnPlateau',
        'SequentialLR',
        'ChainedScheduler',
      ],
    );
  });

  it("gives a constructor call torch's documented defaults", () => {
    const defaults = (spec: string) => resolveOptimizer(parseOptimizerSpec(spec).optimizer);
    const cases: [string, Record<string, unknown>][] = [
      ['Adam()', { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false }],
      ['AdamW()', { lr: 0.001, weightDecay: 0.01 }],
      ['Adamax()', { lr: 0.002, eps: 1e-8 }],
      ['NAdam()', { lr: 0.002, momentumDecay: 0.004 }],
      ['RAdam()', { lr: 0.001 }],
      ['Adagrad()', { lr: 0.01, lrDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 }],
      ['Adadelta()', { lr: 1, rho: 0.9, eps: 1e-6 }],
      ['RMSprop()', { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false }],
      ['Rprop()', { lr: 0.01, etas: [0.5, 1.2], stepSizes: [1e-6, 50] }],
      ['ASGD()', { lr: 0.01, lambd: 1e-4, alpha: 0.75, t0: 1e6 }],
      [
        'LBFGS()',
        {
          lr: 1,
          maxIter: 20,
          maxEval: null,
          toleranceGrad: 1e-7,
          toleranceChange: 1e-9,
          historySize: 100,
          lineSearchFn: null,
        },
      ],
      ['SGD(lr=0.1)', { momentum: 0, dampening: 0, weightDecay: 0, nesterov: false }],
    ];
    for (const [spec, expected] of cases) {
      const settings = defaults(spec) as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(settings[key], value, `${spec} ${key}`);
      }
    }
    const scheduler = (spec: string) =>
      resolveScheduler(parseSchedulerSpec(spec)) as unknown as Record<string, unknown>;
    const schedulers: [string, Record<string, unknown>][] = [
      ['StepLR(step_size=3)', { gamma: 0.1 }],
      ['ConstantLR()', { factor: 1 / 3, totalIters: 5 }],
      ['LinearLR()', { startFactor: 1 / 3, endFactor: 1, totalIters: 5 }],
      ['PolynomialLR()', { totalIters: 5, power: 1 }],
      ['CosineAnnealingWarmRestarts(T_0=5)', { tMult: 1, etaMin: 0 }],
      [
        'OneCycleLR(max_lr=0.1)',
        {
          pctStart: 0.3,
          annealStrategy: 'cos',
          divFactor: 25,
          finalDivFactor: 1e4,
          baseMomentum: 0.85,
          maxMomentum: 0.95,
          threePhase: false,
        },
      ],
      [
        'CyclicLR(base_lr=0.01, max_lr=0.1)',
        {
          stepSizeUp: 2000,
          stepSizeDown: null,
          mode: 'triangular',
          gamma: 1,
          baseMomentum: 0.8,
          maxMomentum: 0.9,
          cycleMomentum: true,
        },
      ],
      [
        'ReduceLROnPlateau()',
        {
          mode: 'min',
          factor: 0.1,
          patience: 10,
          threshold: 1e-4,
          thresholdMode: 'rel',
          cooldown: 0,
          minLr: 0,
          eps: 1e-8,
        },
      ],
    ];
    for (const [spec, expected] of schedulers) {
      const settings = scheduler(spec);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(settings[key], value, `${spec} ${key}`);
      }
    }
  });

  it('describes each hyper-parameter once, lr first, with a default inside its range', () => {
    for (const d of OPTIMIZERS) {
      assert.equal(d.params[0]?.key, 'lr', d.name);
      assert.equal(new Set(d.params.map((p) => p.torch)).size, d.params.length, d.name);
      assert.ok(d.description.length > 0 && !d.description.includes('\n'), d.name);
      assert.doesNotThrow(() => resolveOptimizer({ name: d.name }), d.name);
    }
    for (const d of SCHEDULERS) {
      for (const p of d.params) {
        if (p.kind !== 'schedulers') assert.doesNotThrow(() => checkParam(p, p.default, d.name));
      }
    }
  });
});
