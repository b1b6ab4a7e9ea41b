// Issue 10 §5: a setting that the chosen optimizer does not read is refused, not ignored, wherever
// the request comes from: the use-case layer's resolveRunOptions (hence a panel message, a hover's
// settings and the CLI) and, strictly, the CLI's flags.
import { strict as assert } from 'node:assert';
import { runCli } from '../../src/cli/main';
import { DEFAULT_LIMITS } from '../../src/engine/limits';
import { ALL_OPTIMIZER_NAMES } from '../../src/engine/optimizers/registry';
import { inapplicableSetting, refuseInapplicable } from '../../src/engine/optionsApply';
import { resolveOptimizer } from '../../src/engine/settings';
import { FormulaError, type OptimizerSettings } from '../../src/engine/types';
import { resolveRunOptions } from '../../src/usecases/runOptions';

function resolve(optimizer: Partial<OptimizerSettings>): unknown {
  const options = { start: [1], optimizer, stop: {}, maximize: false, traceLimit: 10 };
  return resolveRunOptions(options, 1, DEFAULT_LIMITS);
}

function refused(partial: Partial<OptimizerSettings>, words: RegExp): void {
  assert.throws(
    () => resolve(partial),
    (e: unknown) => e instanceof FormulaError && e.code === 'bad-option' && words.test(e.message),
    JSON.stringify(partial),
  );
}

describe('optimizer settings that do not apply', () => {
  it('are refused by the use-case layer with the optimizers that read them', () => {
    refused(
      { name: 'gd', momentum: 0.9 },
      /^momentum does not apply to gd; it is a setting of momentum, nesterov, sgd, rmsprop\. Leave it out/,
    );
    refused({ momentum: 0.5 }, /momentum does not apply to gd/);
    refused(
      { name: 'rmsprop', betas: [0.8, 0.99] },
      /^betas does not apply to rmsprop; it is a setting of adam, adamw, adamax, nadam, radam\./,
    );
    refused(
      { name: 'adam', alpha: 0.9 },
      /^alpha does not apply to adam; it is a setting of asgd, rmsprop\./,
    );
    refused({ name: 'adam', centered: true }, /^centered does not apply to adam/);
    refused({ name: 'momentum', eps: 1e-3 }, /^eps does not apply to momentum; it is a setting of adagrad, /);
    refused({ name: 'gd', lrDecay: 0.1 }, /^lr_decay does not apply to gd/);
    refused(
      { name: 'rmsprop', initialAccumulatorValue: 1 },
      /^initial_accumulator_value does not apply to rmsprop/,
    );
    refused({ name: 'adagrad', amsgrad: true }, /^amsgrad does not apply to adagrad/);
    refused({ name: 'adagrad', dampening: 0.5 }, /^dampening does not apply to adagrad/);
    refused(
      { name: 'adam', lineSearch: true },
      /^line search does not apply to adam; it is a setting of gd\./,
    );
    refused({ name: 'gd', weightDecay: 0.1 }, /^weight_decay does not apply to gd/);
  });

  it('pass when they repeat the default, so complete settings go through again', () => {
    for (const name of ALL_OPTIMIZER_NAMES) {
      const complete = resolveOptimizer({ name });
      assert.equal(inapplicableSetting(complete), undefined, name);
      assert.doesNotThrow(() => resolve(complete), name);
    }
    assert.equal(inapplicableSetting({ name: 'gd', momentum: 0 }), undefined);
    assert.equal(inapplicableSetting({ name: 'rmsprop', betas: [0.9, 0.999] }), undefined);
    // momentum's default is 0.9, gd's 0: the same value is a given setting for one and not the other.
    assert.equal(inapplicableSetting({ name: 'adam', momentum: 0 }), undefined);
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
    assert.doesNotThrow(() => refuseInapplicable({ name: 'sgd', momentum: 0, nesterov: false }, true));
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
