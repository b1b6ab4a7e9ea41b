// Runner-level smoke tests inside the real extension host: the extension loads from this
// repository, activates, registers its command, and the command runs on a selected formula.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { GradientDescentApi } from '../../src/extension/extension';
import { activeExtension, eventually, EXTENSION_ID, panelRuns } from './entrySupport';

/** The extension's bundles (dist/*.js) in this extension host's module cache. */
async function loadedBundles(): Promise<string[]> {
  const dist = path.join(fs.realpathSync((await activeExtension()).extensionPath), 'dist');
  return Object.keys(require.cache)
    .filter((file) => path.dirname(file) === dist)
    .map((file) => `dist/${path.basename(file)}`)
    .sort();
}

function examplesFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens examples/ as the workspace');
  return folder;
}

describe('extension in a real VS Code', () => {
  it('opens the examples workspace', () => {
    assert.equal(path.basename(examplesFolder().uri.path), 'examples');
  });

  it('is loaded from this repository and activates', async () => {
    const extension = await activeExtension();
    assert.equal(extension.isActive, true);
  });

  it('activates without the engine: dist/extension.js is the only file of its own loaded then', async () => {
    const api = (await activeExtension()).exports as GradientDescentApi;
    assert.deepEqual(api.loadedAtActivation, ['dist/extension.js']);
  });

  it('contributes "Run Gradient Descent" and registers it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const commands =
      (extension?.packageJSON as { contributes?: { commands?: { command: string; title: string }[] } })
        ?.contributes?.commands ?? [];
    assert.deepEqual(
      commands.filter((c) => c.command === 'gradientDescent.run').map((c) => c.title),
      ['Run Gradient Descent'],
    );
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes('gradientDescent.run'), 'gradientDescent.run is registered');
  });

  it('runs on a formula selected in a Markdown note: the first run loads the engine and converges', async () => {
    const uri = vscode.Uri.joinPath(examplesFolder().uri, 'quick-tour.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const formula = 'f(x) = 2x^{2}';
    const offset = document.getText().indexOf(formula);
    assert.ok(offset >= 0, 'quick-tour.md holds the parabola');
    editor.selection = new vscode.Selection(
      document.positionAt(offset),
      document.positionAt(offset + formula.length),
    );
    assert.equal(document.getText(editor.selection), formula);
    await vscode.commands.executeCommand('gradientDescent.run');
    // The command loaded the features, and they the one engine bundle (the worker requires the same file).
    assert.deepEqual(await loadedBundles(), ['dist/engine.js', 'dist/extension.js', 'dist/features.js']);
    const run = await eventually(
      async () => (await panelRuns()).find((r) => r.formula === formula && r.run)?.run,
      'the first run computed',
    );
    // By hand (the default settings: η = 0.1, x0 = 1, tolerance 1e-6): x_k = 0.6^k and
    // |f′(x_k)| = 4·0.6^k < 1e-6 first at k = 30.
    assert.equal(run.stopReason, 'gradient-tolerance');
    assert.equal(run.iterations, 30);
  });
});
