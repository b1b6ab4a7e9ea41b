// Runner-level smoke tests inside the real extension host: the extension loads from this
// repository, activates, registers its command, and the command runs on a selected formula.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, EXTENSION_ID } from './entrySupport';

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

  it('runs on a formula selected in a Markdown note without throwing', async () => {
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
  });
});
