// Restores the panel after a window reload from the state its webview saved with setState.
import * as vscode from 'vscode';

/** A serializer that hands each restored panel and its saved state to `revive`. */
export function createSerializer(
  revive: (panel: vscode.WebviewPanel, state: unknown) => void,
): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      revive(panel, state);
    },
  };
}
