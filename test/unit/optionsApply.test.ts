// Issue 10 §5: a setting that the chosen optimizer does not use is refused, not ignored, wherever
// the request comes from (the engine's resolveOptimizer, hence a panel message, and the CLI).
import { strict as assert } from 'node:assert';
import { runCli } from '../../src/cli/main';
import { inapplicableSetting, OPTIMIZER_USES, refuseInapplicable } from '../../src/engine/optionsApply';
import { resolveOptimizer } from '../../src/engine/settings';
import { FormulaError, OPTIMIZER_NAMES, type OptimizerSettings } from '../../src/engine/types';

function refused(partial: Partial<OptimizerSettings>, words: RegExp): void {
  assert.throws(
    () => resolveOptimizer(partial),
    (e: unknown) => e instanceof FormulaError && e.code === 'bad-option' && words.test(e.message),
    JSON.stringify(partial),
  );
}

describe('optimizer settings that do not apply', () => {
  it('are refused by resolveOptimizer with the optimizers that use them', () => {
    refused(
      { name: 'gd', momentum: 0.9 },
      /^momentum does not apply to gd; it is a setting of momentum, nesterov, rmsprop\./,
    );
    refused({ momentum: 0.5 }, /momentum does not apply to gd/);
    refused(
      { name: 'rmsprop', betas: [0.8, 0.99] },
      /^betas does not apply to rmsprop; it is a setting of adam\./,
    );
    refused({ name: 'adam', alpha: 0.9 }, /^alpha does not apply to adam; it is a setting of rmsprop\./);
    refused({ name: 'adam', centered: true }, /^centered does not apply to adam/);
    refused(
      { name: 'momentum', eps: 1e-3 },
      /^eps does not apply to momentum; it is a setting of adagrad, rmsprop, adam\./,
    );
    refused({ name: 'gd', lrDecay: 0.1 }, /^lr_decay does not apply to gd/);
    refused(
      { name: 'rmsprop', initialAccumulatorValue: 1 },
      /^initial_accumulator_value does not apply to rmsprop/,
    );
    refused({ name: 'adagrad', amsgrad: true }, /^amsgrad does not apply to adagrad/);
    refused({ name: 'adagrad', dampening: 0.5 }, /^dampening does not apply to adagrad/);
  });

  it('pass when they repeat the default, so complete settings go through again', () => {
    for (const name of OPTIMIZER_NAMES) {
      const complete = resolveOptimizer({ name });
      assert.deepEqual(resolveOptimizer(complete), complete, name);
      assert.equal(inapplicableSetting(complete), undefined);
    }
    assert.equal(inapplicableSetting({ name: 'gd', momentum: 0 }), undefined);
    assert.equal(inapplicableSetting({ name: 'rmsprop', betas: [0.9, 0.999] }), undefined);
    assert.equal(
      inapplicableSetting({ name: 'rmsprop', momentum: 0.5, alpha: 0.9, eps: 1e-6, centered: true }),
      undefined,
    );
    assert.equal(
      inapplicableSetting({ name: 'adam', betas: [0.5, 0.9], eps: 1e-6, amsgrad: true }),
      undefined,
    );
  });

  it('count every present setting when strict (flags typed on the CLI)', () => {
    assert.equal(inapplicableSetting({ name: 'gd', momentum: 0 }, true), 'momentum');
    assert.equal(inapplicableSetting({ name: 'rmsprop', betas: [0.9, 0.999] }, true), 'betas');
    assert.doesNotThrow(() => refuseInapplicable({ name: 'momentum', momentum: 0.9, dampening: 0.1 }, true));
    // Every optimizer uses lr and its own settings, nothing twice.
    for (const name of OPTIMIZER_NAMES) {
      assert.equal(new Set(OPTIMIZER_USES[name]).size, OPTIMIZER_USES[name].length);
    }
  });

  it('are refused by the CLI in one line, defaults included', () => {
    for (const flags of [
      ['--momentum', '0.5'],
      ['--optimizer', 'gd', '--momentum', '0'],
      ['--optimizer', 'rmsprop', '--betas', '0.9,0.999'],
      ['--optimizer', 'adam', '--alpha', '0.9'],
      ['--optimizer', 'adam', '--line-search'],
      ['--optimizer', 'momentum', '--eps', '1e-8'],
    ]) {
      let stderr = '';
      const code = runCli(['run', 'x^2', ...flags], {
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
      });
      assert.equal(code, 2, flags.join(' '));
      assert.match(
        stderr,
        /^error: \S+( \S+)? does not apply to \w+; it is a setting of [\w, ]+\. Leave it out or choose one of those\.\n$/,
      );
    }
    let out = '';
    assert.equal(
      runCli(['run', 'x^2', '--optimizer', 'rmsprop', '--momentum', '0.5', '--alpha', '0.9', '--json'], {
        stdout: (t) => (out += t),
        stderr: () => undefined,
      }),
      0,
    );
    assert.equal((JSON.parse(out) as { optimizer: string }).optimizer, 'rmsprop');
  });
});
