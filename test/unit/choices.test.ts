// What the panel offers to choose (src/webview/choices.ts): every optimizer once, in its group; the
// schedulers that take plain arguments; the fields an optimizer shows; what an optimizer switch
// keeps; the arguments a new schedule starts from. Expectations from torch's documentation.
import * as assert from 'node:assert/strict';
import { ALL_OPTIMIZER_NAMES } from '../../src/engine/optimizers/registry';
import { resolveScheduler, SCHEDULERS } from '../../src/engine/schedulers/registry';
import type { SchedulerSettings } from '../../src/engine/types';
import {
  carryOver,
  OPTIMIZER_GROUPS,
  optimizerFields,
  SCHEDULER_GROUPS,
  seedScheduler,
  validFor,
} from '../../src/webview/choices';

describe('panel choices', () => {
  it('groups every optimizer exactly once: the SGD family, the adaptive ones, second order', () => {
    const all = OPTIMIZER_GROUPS.flatMap((g) => g.names);
    assert.deepEqual([...all].sort(), [...ALL_OPTIMIZER_NAMES].sort());
    assert.equal(new Set(all).size, all.length);
    const group = (name: string) => OPTIMIZER_GROUPS.find((g) => g.names.includes(name as never))!.label;
    assert.equal(group('nesterov'), 'Gradient descent and momentum');
    assert.equal(group('asgd'), 'Gradient descent and momentum');
    assert.equal(group('adamw'), 'Adaptive');
    assert.equal(group('rmsprop'), 'Adaptive');
    assert.equal(group('lbfgs'), 'Second order');
    assert.equal(group('newton'), 'Second order');
  });

  it('offers the eleven plain schedulers; SequentialLR and ChainedScheduler stay the CLI’s', () => {
    const offered = SCHEDULER_GROUPS.flatMap((g) => g.names);
    assert.equal(offered.length, 11);
    assert.ok(!offered.includes('SequentialLR' as never) && !offered.includes('ChainedScheduler' as never));
    for (const d of SCHEDULERS) {
      if (d.name !== 'SequentialLR' && d.name !== 'ChainedScheduler') {
        assert.ok(offered.includes(d.name), d.name);
      }
    }
  });

  it('shows an optimizer’s own hyper-parameters under torch’s names, η aside (it has the slider)', () => {
    assert.deepEqual(
      optimizerFields('adamw').map((p) => p.torch),
      ['betas', 'eps', 'weight_decay', 'amsgrad'],
    );
    assert.deepEqual(
      optimizerFields('rprop').map((p) => p.torch),
      ['etas', 'step_sizes'],
    );
    const lbfgs = optimizerFields('lbfgs').map((p) => p.torch);
    for (const name of ['history_size', 'max_iter', 'tolerance_grad', 'tolerance_change', 'line_search_fn']) {
      assert.ok(lbfgs.includes(name), name);
    }
    assert.ok(ALL_OPTIMIZER_NAMES.every((n) => optimizerFields(n).every((p) => p.key !== 'lr')));
  });

  it('checks a value against its descriptor', () => {
    const [decay] = optimizerFields('adamw').filter((p) => p.torch === 'weight_decay');
    assert.equal(validFor(decay!, 0.05), true);
    assert.equal(validFor(decay!, -1), false);
    assert.equal(validFor(decay!, Number.NaN), false);
    assert.equal(validFor(decay!, true), false);
    const [amsgrad] = optimizerFields('adam').filter((p) => p.torch === 'amsgrad');
    assert.equal(validFor(amsgrad!, false), true);
    assert.equal(validFor(amsgrad!, 0), false);
  });

  it('keeps on a switch only what the person changed and the new optimizer takes and accepts', () => {
    // Momentum's μ = 0.5 is a change (SGD's default μ is 0.9 for our Momentum): Nesterov keeps it.
    assert.equal(carryOver({ name: 'momentum', momentum: 0.5 }, 'nesterov').momentum, 0.5);
    // AdamW's weight_decay at its own default (0.01) is not a choice: Adam gets its own (0).
    assert.equal(carryOver({ name: 'adamw', weightDecay: 0.01 }, 'adam').weightDecay, 0);
    assert.equal(carryOver({ name: 'adamw', weightDecay: 0.05 }, 'adam').weightDecay, 0.05);
    // RMSprop's α at its default 0.99 does not become ASGD's α (default 0.75).
    assert.equal(carryOver({ name: 'rmsprop', alpha: 0.99 }, 'asgd').alpha, 0.75);
    // Every field of the new optimizer has a value, torch's default where nothing carries.
    assert.deepEqual(carryOver({ name: 'gd' }, 'adamw'), {
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0.01,
      amsgrad: false,
    });
  });

  it('starts a schedule with its step counts in proportion to the run, and torch accepts every seed', () => {
    assert.deepEqual(seedScheduler('StepLR', 100, 'gd'), { stepSize: 10, gamma: 0.1 });
    assert.deepEqual(seedScheduler('MultiStepLR', 1000, 'gd'), { milestones: [300, 600], gamma: 0.1 });
    assert.deepEqual(seedScheduler('CosineAnnealingLR', 250, 'adam'), { tMax: 250, etaMin: 0 });
    // A one-step run still gets steps of at least 1 (torch refuses step_size=0).
    assert.equal(seedScheduler('StepLR', 1, 'gd').stepSize, 1);
    for (const group of SCHEDULER_GROUPS) {
      for (const name of group.names) {
        for (const optimizer of ['gd', 'adam', 'adagrad'] as const) {
          const seed = { name, ...seedScheduler(name, 1000, optimizer) } as unknown as SchedulerSettings;
          assert.doesNotThrow(() => resolveScheduler(seed), `${name} for ${optimizer}`);
        }
      }
    }
  });

  it('cycles momentum only for an optimizer that has one (torch refuses it otherwise)', () => {
    assert.equal(seedScheduler('CyclicLR', 1000, 'momentum').cycleMomentum, true);
    assert.equal(seedScheduler('OneCycleLR', 1000, 'adam').cycleMomentum, true, 'Adam cycles β₁');
    assert.equal(seedScheduler('CyclicLR', 1000, 'adagrad').cycleMomentum, false);
    assert.equal(seedScheduler('OneCycleLR', 1000, 'rprop').cycleMomentum, false);
    // Plain gd is torch's SGD, whose defaults have a momentum (0): torch cycles it.
    assert.equal(seedScheduler('OneCycleLR', 1000, 'gd').cycleMomentum, true);
  });
});
