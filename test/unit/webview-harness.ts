// Loads the real webview bundle into headless Chromium under the panel's real HTML and CSP, and
// connects it to a real host session (src/extension/panel/session.ts) with an inline job cache: what
// the webview posts reaches the session, what the session posts reaches the page, typed arrays
// included, as in VS Code. Used by the webview-*.test.ts files.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { trimmedCss } from '../../scripts/katex-assets';
import { launchBrowser } from '../../scripts/vscode/browser';
import { resolveLimits } from '../../src/engine/limits';
import type { RunOptions } from '../../src/engine/types';
import { renderHtml } from '../../src/extension/panel/html';
import { PanelSession, type SessionConfig } from '../../src/extension/panel/session';
import type { NewRun } from '../../src/extension/panel/state';
import { JobService } from '../../src/host/jobService';
import { createProblemCache } from '../../src/host/problemCache';
import type { PanelView } from '../../src/shared/protocol';

const ORIGIN = 'http://webview.test';
const ROOT = path.resolve(__dirname, '../..');

/** Theme variables as VS Code's dark and light themes set them (a subset). */
export const THEMES = {
  dark: `body{--vscode-foreground:#cccccc;--vscode-editor-foreground:#d4d4d4;--vscode-editor-background:#1e1e1e;--vscode-descriptionForeground:#9d9d9d;--vscode-charts-blue:#3794ff;--vscode-charts-orange:#d18616;--vscode-charts-green:#89d185;--vscode-charts-red:#f14c4c;--vscode-charts-purple:#b180d7;--vscode-charts-yellow:#cca700;--vscode-charts-foreground:#cccccc;--vscode-errorForeground:#f48771;--vscode-panel-border:#80808059;--vscode-button-background:#0e639c;--vscode-button-foreground:#ffffff;--vscode-button-secondaryBackground:#3a3d41;--vscode-button-secondaryForeground:#cccccc;--vscode-input-background:#3c3c3c;--vscode-input-foreground:#cccccc;--vscode-focusBorder:#007fd4;--vscode-font-family:sans-serif;--vscode-editor-font-family:monospace;--vscode-font-size:13px}`,
  light: `body{--vscode-foreground:#616161;--vscode-editor-foreground:#000000;--vscode-editor-background:#ffffff;--vscode-descriptionForeground:#717171;--vscode-charts-blue:#1a85ff;--vscode-charts-orange:#d18616;--vscode-charts-green:#388a34;--vscode-charts-red:#e51400;--vscode-charts-purple:#652d90;--vscode-charts-yellow:#bf8803;--vscode-charts-foreground:#616161;--vscode-errorForeground:#a1260d;--vscode-panel-border:#80808059;--vscode-button-background:#007acc;--vscode-button-foreground:#ffffff;--vscode-button-secondaryBackground:#5f6a79;--vscode-button-secondaryForeground:#ffffff;--vscode-input-background:#ffffff;--vscode-input-foreground:#616161;--vscode-focusBorder:#0090f1;--vscode-font-family:sans-serif;--vscode-editor-font-family:monospace;--vscode-font-size:13px}`,
} as const;

/** The options a panel run starts from in these tests: the settings' defaults, as a command gives them. */
export const BASE_OPTIONS: RunOptions = {
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 1000, gradientTolerance: 1e-6, timeBudgetMs: 5000 },
  maximize: false,
  traceLimit: 4000,
  fitStart: true,
};

const CONFIG: SessionConfig = { base: BASE_OPTIONS, steps: 2, plotVariables: 2, sweep: { count: 12 } };

let bundle: string | undefined;
function webviewBundle(): string {
  bundle ??= esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'src/webview/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  }).outputFiles[0]!.text;
  return bundle;
}

const KATEX_DIST = path.join(path.dirname(require.resolve('katex/package.json')), 'dist');
/** KaTeX's stylesheet as the build writes it (scripts/katex-assets.js), served as dist/katex/katex.css. */
function katexCss(): string {
  return trimmedCss(readFileSync(path.join(KATEX_DIST, 'katex.min.css'), 'utf8'));
}
function katexFont(name: string): Buffer {
  return readFileSync(path.join(KATEX_DIST, 'fonts', name));
}

/** JSON with Float64Arrays marked, so they arrive as Float64Arrays (NaN and ±Infinity kept). */
export function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Float64Array ? { $f64: Array.from(v, (x) => (Number.isFinite(x) ? x : String(x))) } : v,
  );
}

/** A page running the webview, wired to a host session. */
export interface WebviewPage {
  readonly page: Page;
  readonly session: PanelSession;
  /** Console messages, including CSP violations. */
  readonly console: string[];
  /** Adds runs as a command would (and waits until the first is drawn). */
  add(runs: readonly NewRun[], view?: PanelView): Promise<void>;
  /** Sends a raw host message (junk, too) straight to the page. */
  send(message: unknown): Promise<void>;
  /** Messages the webview posted, oldest first. */
  posted(): readonly Record<string, unknown>[];
  /** What the host put on the clipboard, oldest first. */
  copied(): readonly string[];
  /** What the webview saved with setState. */
  savedState(): Promise<unknown>;
  close(): Promise<void>;
}

let browser: Browser | undefined;

/** A run of `formula` with these options on top of BASE_OPTIONS. */
export function newRun(formula: string, options: Partial<RunOptions> = {}): NewRun {
  return { formula, options: { ...BASE_OPTIONS, ...options } };
}

/** Opens the webview in a fresh page with the given theme and saved state, wired to a new session. */
export async function openWebview(
  theme: keyof typeof THEMES = 'dark',
  savedState?: unknown,
): Promise<WebviewPage> {
  browser ??= await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const log: string[] = [];
  const posted: Record<string, unknown>[] = [];
  const copied: string[] = [];
  page.on('console', (m) => log.push(m.text()));
  page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
  const limits = resolveLimits();
  const jobs = new JobService({ problems: createProblemCache(limits), limits });
  const deliver = (json: string): Promise<void> => page.evaluate(`window.__deliver(${JSON.stringify(json)})`);
  const session = new PanelSession(
    jobs,
    {
      post: (message) => void deliver(encode(message)).catch(() => undefined),
      copy: async (text) => void copied.push(text),
      save: async () => 'plot.svg',
      log: (message) => log.push(`host: ${message}`),
    },
    CONFIG,
  );
  await page.exposeFunction('__toHost', (json: string) => {
    const message = JSON.parse(json) as Record<string, unknown>;
    posted.push(message);
    session.receive(message);
  });
  // A string, not a function: the test runner's transpiler would add helpers the page lacks.
  await page.addInitScript(`
    window.__state = ${savedState === undefined ? 'null' : encode(savedState)};
    window.__revive = function (k, v) {
      return v && typeof v === 'object' && Array.isArray(v.$f64)
        ? Float64Array.from(v.$f64, function (x) { return typeof x === 'string' ? Number(x) : x; })
        : v;
    };
    window.__state = JSON.parse(JSON.stringify(window.__state), window.__revive);
    window.__deliver = function (json) { window.postMessage(JSON.parse(json, window.__revive), '*'); };
    window.acquireVsCodeApi = function () {
      return {
        postMessage: function (m) { window.__toHost(JSON.stringify(m)); },
        getState: function () { return window.__state; },
        setState: function (s) { window.__state = s; },
      };
    };
  `);
  const html = renderHtml({
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/webview.js`,
    styleUri: `${ORIGIN}/panel.css`,
    mathStyleUri: `${ORIGIN}/katex/katex.css`,
    nonce: 'testnonce123',
  });
  const css = THEMES[theme] + readFileSync(path.join(ROOT, 'media/panel.css'), 'utf8');
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/webview.js')) {
      return route.fulfill({ contentType: 'text/javascript', body: webviewBundle() });
    }
    if (url.endsWith('/panel.css')) return route.fulfill({ contentType: 'text/css', body: css });
    if (url.endsWith('/katex/katex.css')) return route.fulfill({ contentType: 'text/css', body: katexCss() });
    const font = /\/katex\/fonts\/(KaTeX_[A-Za-z0-9-]+\.woff2)$/.exec(url);
    if (font) return route.fulfill({ contentType: 'font/woff2', body: katexFont(font[1]!) });
    return route.fulfill({ contentType: 'text/html', body: html });
  });
  await page.goto(`${ORIGIN}/index.html`);
  const until = Date.now() + 10_000;
  while (!posted.some((m) => m.type === 'ready')) {
    if (Date.now() > until) throw new Error(`the webview did not post ready: ${log.join('\n')}`);
    await page.waitForTimeout(20);
  }
  const wp: WebviewPage = {
    page,
    session,
    console: log,
    add: async (runs, view) => {
      session.addRuns(runs, view);
      await page.getByTestId('summary').waitFor({ timeout: 10_000 });
      // The run's view is complete: its landscape and worked steps come a moment after the run.
      await idle(wp);
    },
    send: (message) => deliver(encode(message)),
    posted: () => posted,
    copied: () => copied,
    savedState: () => page.evaluate('window.__state'),
    close: () => page.close(),
  };
  return wp;
}

/** Waits until every edit the webview made has been answered and drawn, and no part is still to come. */
export async function idle(w: WebviewPage): Promise<void> {
  // Polled with evaluate: waitForFunction would eval a string, which the panel's CSP refuses.
  const until = Date.now() + 10_000;
  while ((await w.page.evaluate('window.__gdMetrics ? window.__gdMetrics.busy : 1')) !== 0) {
    if (Date.now() > until) throw new Error('the webview still waits for answers to its edits');
    await w.page.waitForTimeout(20);
  }
}

/** The setInput requests the webview sent, oldest first. */
export function setInputs(w: WebviewPage): {
  runId: number;
  formula: string;
  controls: RunControlsSent;
  starts: number[][];
}[] {
  return w.posted().filter((m) => m.type === 'setInput') as unknown as ReturnType<typeof setInputs>;
}

/** A setInput's controls, as the test reads them. */
export interface RunControlsSent {
  readonly start: number[];
  readonly optimizer: Record<string, unknown> & { name?: string; lr?: number };
  readonly stop: { maxIterations?: number; gradientTolerance?: number };
  readonly maximize: boolean;
  readonly parameters?: Record<string, number>;
}

/** Closes the shared browser. */
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}
