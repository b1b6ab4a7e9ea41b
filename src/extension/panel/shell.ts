// The panel's webview document: options, icon and HTML (html.ts). Activation sets it on a panel
// restored after a reload at once, so the webview paints what it saved while the engine loads;
// a new panel gets it from panel.ts.
import * as vscode from 'vscode';
import { makeNonce, renderHtml } from './html';

/** The webview's options: scripts on, local files from dist/ and media/ only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

/** Gives `panel` its icon and document (the webview script boots and posts `ready`). */
export function setPanelDocument(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): void {
  const webview = panel.webview;
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
  webview.html = renderHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
    mathStyleUri: webview
      .asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'katex', 'katex.css'))
      .toString(),
    nonce: makeNonce(),
  });
}

/** Most early messages kept (the webview is untrusted: a flood is cut off, `ready` comes first). */
const EARLY_MESSAGES = 256;

/** Messages a webview posts before anyone listens to it (its `ready`), kept until `take()`. */
export class EarlyMessages {
  private readonly messages: unknown[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(webview: vscode.Webview) {
    this.subscription = webview.onDidReceiveMessage((message: unknown) => {
      if (this.messages.length < EARLY_MESSAGES) this.messages.push(message);
    });
  }

  /** Stops listening and returns what arrived, oldest first. */
  take(): unknown[] {
    this.subscription.dispose();
    return this.messages.splice(0);
  }
}
