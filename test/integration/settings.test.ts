// Settings inside a real VS Code: the manifest's defaults are what the host reports, changes
// apply to new runs, the hard limits cap them, and the workspace-trust capabilities are declared.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { NewRun as PanelRun } from '../../src/extension/panel/state';
import { activeExtension, closeAll, setSetting } from './entrySupport';

const CHANGED = [
  'optimizer',
  'learningRate',
  'initialPoint',
  'maxIterations',
  'tolerance',
  'traceLength',
  'limits.maxIterations',
  'limits.timeBudgetMs',
];

async function firstRunOptions(formula: string): Promise<PanelRun['options']> {
  const runs = await vscode.commands.executeCommand<PanelRun[]>('gradientDescent.run', formula);
  assert.ok(runs && runs.length === 1);
  return runs[0].options;
}

describe('entry points: settings', () => {
  let extension: vscode.Extension<unknown>;
  before(async () => {
    extension = await activeExtension();
  });
  afterEach(async () => {
    await closeAll();
    for (const key of CHANGED) await setSetting(key, undefined);
  });

  it('reports the manifest defaults through the configuration API', () => {
    const config = vscode.workspace.getConfiguration('gradientDescent');
    assert.equal(config.get('optimizer'), 'gd');
    assert.equal(config.get('learningRate'), 0.1);
    assert.deepEqual(config.get('initialPoint'), [1]);
    assert.equal(config.get('hover.enabled'), true);
    assert.equal(config.get('limits.maxIterations'), 100000);
  });

  it('applies changed settings to new runs', async () => {
    await setSetting('optimizer', 'adam');
    await setSetting('learningRate', 0.05);
    await setSetting('initialPoint', [2, -1]);
    await setSetting('maxIterations', 300);
    await setSetting('tolerance', 1e-4);
    await setSetting('traceLength', 50);
    const options = await firstRunOptions('x^2 + y^2');
    assert.equal(options.optimizer.name, 'adam');
    assert.equal(options.optimizer.lr, 0.05);
    assert.deepEqual(options.start, [2, -1]);
    assert.equal(options.stop.maxIterations, 300);
    assert.equal(options.stop.gradientTolerance, 1e-4);
    assert.equal(options.traceLimit, 50);
  });

  it('caps iterations and the time budget by the limits settings', async () => {
    await setSetting('maxIterations', 5000);
    await setSetting('limits.maxIterations', 400);
    await setSetting('limits.timeBudgetMs', 250);
    const options = await firstRunOptions('x^2');
    assert.equal(options.stop.maxIterations, 400);
    assert.equal(options.stop.timeBudgetMs, 250);
  });

  it('declares workspace trust and virtual workspace support', () => {
    const manifest = extension.packageJSON as {
      capabilities?: {
        untrustedWorkspaces?: { supported?: unknown; description?: string };
        virtualWorkspaces?: unknown;
      };
    };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.ok((manifest.capabilities?.untrustedWorkspaces?.description ?? '').length > 20);
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
  });
});
