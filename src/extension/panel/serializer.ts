// Restores the panel after a window reload. Activation registers it, and it needs no engine: it sets
// the webview's document at once, so the webview paints the scene it saved with setState, then hands
// the panel (and what its webview posted meanwhile) to the features once they have loaded.
import * as vscode from 'vscode';
import { PANEL_VIEW_TYPE } from '../contributions';
import { EarlyMessages, setPanelDocument, webviewOptions } from './shell';

/** Takes over a restored panel: `early` are the messages its webview posted before. */
export type AttachPanel = (panel: vscode.WebviewPanel, state: unknown, early: readonly unknown[]) => void;

/** Registers the serializer; `attach` resolves once the features can take the panel. */
export function registerPanelSerializer(
  extensionUri: vscode.Uri,
  attach: () => Promise<AttachPanel>,
  failed: (error: unknown) => void,
): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      panel.webview.options = webviewOptions(extensionUri);
      const early = new EarlyMessages(panel.webview);
      setPanelDocument(panel, extensionUri);
      let closed = false;
      const closing = panel.onDidDispose(() => (closed = true));
      // Not awaited: the panel counts as restored once its document is set.
      void attach().then(
        (take) => {
          closing.dispose();
          const messages = early.take();
          if (!closed) take(panel, state, messages);
        },
        (error: unknown) => {
          closing.dispose();
          early.take();
          failed(error);
        },
      );
    },
  });
}
