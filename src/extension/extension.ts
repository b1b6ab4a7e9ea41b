// Activation: registers the commands. Thin glue; the engine does the work.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('gradientDescent.run', () => {
      const editor = vscode.window.activeTextEditor;
      const text = editor ? editor.document.getText(editor.selection) : '';
      void vscode.window.showInformationMessage(`Gradient Descent: ${text || 'no selection'}`);
    }),
  );
}

export function deactivate(): void {}
