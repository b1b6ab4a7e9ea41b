// A code-server and a headless Chromium, each test getting a fresh browser context (so fresh
// workbench storage) and page through newWorkbench(). One shared session serves the whole E2E run
// (started by hooks.ts); a spec that needs another extension source starts its own Session.
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../../../scripts/vscode/browser';
import { startCodeServer, type CodeServer } from '../../../scripts/vscode/code-server';
import { EXAMPLES_DIR, PROJECT_ROOT } from '../../../scripts/vscode/paths';
import { workbenchUrl } from '../../../scripts/vscode/workbench-url';
import { Workbench } from './workbench';

/** Where the extension under test comes from: a linked folder (as `npm start`) or an installed VSIX. */
export type ExtensionSource = { kind: 'folder'; path: string } | { kind: 'vsix'; path: string };

/**
 * The extension the shared session runs: E2E_VSIX=<file> runs the whole suite against that
 * installed VSIX, E2E_EXTENSION_PATH=<folder> against another copy (e.g. a deliberately broken
 * one); by default the development folder.
 */
export function extensionUnderTest(): ExtensionSource {
  const vsix = process.env.E2E_VSIX;
  if (vsix) return { kind: 'vsix', path: vsix };
  return { kind: 'folder', path: process.env.E2E_EXTENSION_PATH ?? PROJECT_ROOT };
}

let current: { context: BrowserContext; workbench: Workbench } | undefined;

/** A running code-server with the extension from `source`, and a browser to drive it. */
export class Session {
  private constructor(
    readonly server: CodeServer,
    private readonly browser: Browser,
  ) {}

  static async start(source: ExtensionSource): Promise<Session> {
    const server = await startCodeServer({
      workspace: EXAMPLES_DIR,
      ...(source.kind === 'folder' ? { linkExtension: source.path } : { installVsix: source.path }),
    });
    try {
      return new Session(server, await launchBrowser());
    } catch (err) {
      await server.stop();
      throw err;
    }
  }

  /** Opens the examples workspace in a fresh browser context and waits until the workbench is ready. */
  async newWorkbench(): Promise<Workbench> {
    await closeWorkbench();
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const workbench = new Workbench(page);
    current = { context, workbench };
    await page.goto(workbenchUrl(this.server));
    await workbench.waitUntilReady();
    return workbench;
  }

  /** Closes the browser and stops code-server. */
  async end(): Promise<void> {
    await closeWorkbench();
    await this.browser.close();
    await this.server.stop();
  }
}

let shared: Session | undefined;

/** Starts the shared session (hooks.ts, before all specs). */
export async function startSession(): Promise<void> {
  shared = await Session.start(extensionUnderTest());
}

/** Ends the shared session. */
export async function endSession(): Promise<void> {
  await shared?.end();
  shared = undefined;
}

/** A fresh workbench of the shared session. */
export async function newWorkbench(): Promise<Workbench> {
  if (!shared) throw new Error('the E2E session is not started (test/e2e/support/hooks.ts)');
  return shared.newWorkbench();
}

/** The workbench of the running test, whichever session opened it (for failure screenshots). */
export function currentWorkbench(): Workbench | undefined {
  return current?.workbench;
}

/** Closes the running test's browser context. */
export async function closeWorkbench(): Promise<void> {
  const open = current;
  current = undefined;
  await open?.context.close();
}
