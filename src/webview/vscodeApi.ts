// The typed handle the webview has on VS Code: posting messages and keeping state across reloads.
import type { PersistedState, WebviewMessage } from '../shared/protocol';

/** The part of the webview API the panel uses. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The API; acquireVsCodeApi may be called only once per page. */
export const vscode: VsCodeApi = acquireVsCodeApi();
