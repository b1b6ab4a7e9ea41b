import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARD_LIMITS } from '../../src/engine/limits';
import {
  normalizeSettings,
  readInitialPoint,
  SETTING_DEFAULTS,
  SETTINGS_SECTION,
  type SettingKey,
} from '../../src/extension/settingsModel';

interface ConfigProperty {
  readonly default: unknown;
  readonly description?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, ConfigProperty> } };
};
const properties = manifest.contributes.configuration.properties;

function reader(values: Partial<Record<SettingKey, unknown>>): (key: SettingKey) => unknown {
  return (key) => values[key];
}

describe('settings model', () => {
  it('declares every setting in package.json with the same default and a description', () => {
    const declared = Object.keys(properties).sort();
    const known = Object.keys(SETTING_DEFAULTS)
      .map((k) => `${SETTINGS_SECTION}.${k}`)
      .sort();
    assert.deepEqual(declared, known);
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
      const property = properties[`${SETTINGS_SECTION}.${key}`];
      assert.deepEqual(property.default, value, key);
      assert.ok((property.description ?? '').length > 20, `${key} has a description`);
    }
  });

  it('activates in every language where hovers are on by default', () => {
    for (const language of SETTING_DEFAULTS['hover.languages']) {
      assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
    }
  });

  it('maps the defaults onto run options', () => {
    const s = normalizeSettings(reader({ ...SETTING_DEFAULTS }));
    assert.deepEqual(s.run.start, [1]);
    assert.equal(s.run.optimizer.name, 'gd');
    assert.equal(s.run.optimizer.lr, 0.1);
    assert.equal(s.run.stop.maxIterations, 1000);
    assert.equal(s.run.stop.gradientTolerance, 1e-6);
    assert.equal(s.run.stop.timeBudgetMs, 5000);
    assert.equal(s.run.traceLimit, 4000);
    // No range: the sweep follows the critical η at the start, as the CLI's does.
    assert.deepEqual(s.sweep, { count: 25 });
    assert.equal(s.hover.enabled, true);
    assert.ok(s.hover.languages.includes('markdown'));
  });

  it('falls back to defaults for unset or invalid values', () => {
    const s = normalizeSettings(
      reader({
        optimizer: 'sgd++',
        learningRate: -1,
        maxIterations: 'many',
        tolerance: NaN,
        'hover.languages': 'markdown',
      }),
    );
    assert.equal(s.run.optimizer.name, 'gd');
    assert.equal(s.run.optimizer.lr, 0.1);
    assert.equal(s.run.stop.maxIterations, 1000);
    assert.equal(s.run.stop.gradientTolerance, 1e-6);
    assert.deepEqual(s.hover.languages, [...SETTING_DEFAULTS['hover.languages']]);
  });

  it('caps max iterations by the limit and the limits by the hard caps', () => {
    const s = normalizeSettings(reader({ maxIterations: 50_000, 'limits.maxIterations': 200 }));
    assert.equal(s.run.stop.maxIterations, 200);
    const huge = normalizeSettings(
      reader({ 'limits.maxIterations': 1e12, 'limits.timeBudgetMs': 1e9, 'limits.maxFormulaLength': 1e9 }),
    );
    assert.equal(huge.limits.maxIterations, HARD_LIMITS.maxIterations);
    assert.equal(huge.limits.timeBudgetMs, HARD_LIMITS.timeBudgetMs);
    assert.equal(huge.limits.maxFormulaLength, HARD_LIMITS.maxFormulaLength);
  });

  it('orders a reversed sweep range and honours the hover switch', () => {
    const s = normalizeSettings(
      reader({ 'sweep.minLearningRate': 2, 'sweep.maxLearningRate': 0.01, 'hover.enabled': false }),
    );
    assert.deepEqual([s.sweep.lrMin, s.sweep.lrMax], [0.01, 2]);
    assert.equal(s.hover.enabled, false);
  });

  it('reads an initial point from numbers, arrays or text', () => {
    assert.deepEqual(readInitialPoint([2, -1.5]), [2, -1.5]);
    assert.deepEqual(readInitialPoint(3), [3]);
    assert.deepEqual(readInitialPoint('1, -2; 0.5'), [1, -2, 0.5]);
    assert.deepEqual(readInitialPoint(['x', null]), [1]);
  });
});
