// Loads the real webview bundle into headless Chromium under the panel's real HTML and CSP, with a
// fake acquireVsCodeApi that records what the webview posts. Used by the webview-*.test.ts files.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/vscode/browser';
import { renderHtml } from '../../src/extension/panel/html';
import { analyze } from '../../src/engine/analyze';
import type { AnalysisRequest, RunOptions } from '../../src/engine/types';
import type { HostMessage } from '../../src/shared/protocol';

const ORIGIN = 'http://webview.test';
const ROOT = path.resolve(__dirname, '../..');

/** Theme variables as VS Code's dark and light themes set them (a subset). */
export const THEMES = {
  dark: `body{--vscode-foreground:#cccccc;--vscode-editor-foreground:#d4d4d4;--vscode-editor-background:#1e1e1e;--vscode-descriptionForeground:#9d9d9d;--vscode-charts-blue:#3794ff;--vscode-charts-orange:#d18616;--vscode-charts-green:#89d185;--vscode-charts-red:#f14c4c;--vscode-charts-purple:#b180d7;--vscode-charts-yellow:#cca700;--vscode-charts-foreground:#cccccc;--vscode-errorForeground:#f48771;--vscode-panel-border:#80808059;--vscode-button-background:#0e639c;--vscode-button-foreground:#ffffff;--vscode-button-secondaryBackground:#3a3d41;--vscode-button-secondaryForeground:#cccccc;--vscode-input-background:#3c3c3c;--vscode-input-foreground:#cccccc;--vscode-focusBorder:#007fd4;--vscode-font-family:sans-serif;--vscode-editor-font-family:monospace;--vscode-font-size:13px}`,
  light: `body{--vscode-foreground:#616161;--vscode-editor-foreground:#000000;--vscode-editor-background:#ffffff;--vscode-descriptionForeground:#717171;--vscode-charts-blue:#1a85ff;--vscode-charts-orange:#d18616;--vscode-charts-green:#388a34;--vscode-charts-red:#e51400;--vscode-charts-purple:#652d90;--vscode-charts-yellow:#bf8803;--vscode-charts-foreground:#616161;--vscode-errorForeground:#a1260d;--vscode-panel-border:#80808059;--vscode-button-background:#007acc;--vscode-button-foreground:#ffffff;--vscode-button-secondaryBackground:#5f6a79;--vscode-button-secondaryForeground:#ffffff;--vscode-input-background:#ffffff;--vscode-input-foreground:#616161;--vscode-focusBorder:#0090f1;--vscode-font-family:sans-serif;--vscode-editor-font-family:monospace;--vscode-font-size:13px}`,
} as const;

/** A run the host reports as done, with the engine's real analysis of `formula` (plus `extra` parts). */
export function okRun(
  id: number,
  formula: string,
  options: RunOptions,
  extra: Partial<AnalysisRequest> = {},
) {
  return {
    id,
    formula,
    options,
    starts: [],
    status: 'ok',
    analysis: analyze({ formula, options, landscape: true, steps: 2, ...extra }),
  };
}

let bundle: string | undefined;
function webviewBundle(): string {
  bundle ??= esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'src/webview/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  }).outputFiles[0].text;
  return bundle;
}

/** A page running the webview, with helpers. */
export interface WebviewPage {
  readonly page: Page;
  /** Console messages, including CSP violations. */
  readonly console: string[];
  /** Sends a host message to the webview. */
  send(message: HostMessage | Record<string, unknown>): Promise<void>;
  /** Messages the webview posted, oldest first. */
  posted(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

let browser: Browser | undefined;

/** Opens the webview in a fresh page with the given theme and saved state. */
export async function openWebview(
  theme: keyof typeof THEMES = 'dark',
  savedState?: unknown,
): Promise<WebviewPage> {
  browser ??= await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const log: string[] = [];
  page.on('console', (m) => log.push(m.text()));
  page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
  // A string, not a function: the test runner's transpiler would add helpers the page lacks.
  await page.addInitScript(`
    window.__posted = [];
    window.__state = ${JSON.stringify(savedState ?? null)};
    window.acquireVsCodeApi = function () {
      return {
        postMessage: function (m) { window.__posted.push(JSON.parse(JSON.stringify(m))); },
        getState: function () { return window.__state; },
        setState: function (s) { window.__state = s; },
      };
    };
  `);
  const html = renderHtml({
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/webview.js`,
    styleUri: `${ORIGIN}/panel.css`,
    nonce: 'testnonce123',
  });
  const css = THEMES[theme] + readFileSync(path.join(ROOT, 'media/panel.css'), 'utf8');
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/webview.js')) {
      return route.fulfill({ contentType: 'text/javascript', body: webviewBundle() });
    }
    if (url.endsWith('/panel.css')) return route.fulfill({ contentType: 'text/css', body: css });
    return route.fulfill({ contentType: 'text/html', body: html });
  });
  await page.goto(`${ORIGIN}/index.html`);
  try {
    await page.waitForFunction('window.__posted.some(function (m) { return m.type === "ready"; })', null, {
      timeout: 10_000,
    });
  } catch (error) {
    throw new Error(`the webview did not post ready: ${log.join('\n')} ${(error as Error).message}`);
  }
  return {
    page,
    console: log,
    // JSON, as VS Code sends it: NaN and Infinity become null on the way.
    send: (message) =>
      page.evaluate(`window.postMessage(JSON.parse(${JSON.stringify(JSON.stringify(message))}), '*')`),
    posted: () => page.evaluate('window.__posted') as Promise<Record<string, unknown>[]>,
    close: () => page.close(),
  };
}

/** Closes the shared browser. */
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}
