// Builds workbench URLs for code-server, including the `payload` parameter that carries the
// same launch options as desktop VS Code's --extensionDevelopmentPath / --extensionTestsPath, and a
// file to open (the web workbench reads `openFile` from it).
import type { CodeServer } from './code-server';

/** Options passed to the workbench through the payload parameter; paths are absolute on this machine. */
export interface PayloadOptions {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  /** A file the workbench opens in an editor once it is up. */
  openFile?: string;
}

/** URL that opens the server's workspace folder, with the given development options. */
export function workbenchUrl(
  server: Pick<CodeServer, 'origin' | 'port' | 'workspace'>,
  options: PayloadOptions = {},
): string {
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  if (options.openFile) payload.push(['openFile', remote(options.openFile)]);
  const query = new URLSearchParams({ folder: server.workspace });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${query.toString()}`;
}
