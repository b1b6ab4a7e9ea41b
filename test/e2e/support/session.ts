// One code-server and one headless Chromium for the whole E2E run; each test gets a fresh
// browser context (so fresh workbench storage) and page through newWorkbench().
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../../../scripts/vscode/browser';
import { startCodeServer, type CodeServer } from '../../../scripts/vscode/code-server';
import { EXAMPLES_DIR, PROJECT_ROOT } from '../../../scripts/vscode/paths';
import { workbenchUrl } from '../../../scripts/vscode/workbench-url';
import { Workbench } from './workbench';

interface Session {
  server: CodeServer;
  browser: Browser;
}

let session: Session | undefined;
let current: { context: BrowserContext; workbench: Workbench } | undefined;

/** Starts code-server (with the extension linked in, as `npm start` does) and the browser. */
export async function startSession(): Promise<void> {
  // E2E_EXTENSION_PATH runs the suite against another copy of the extension (e.g. a deliberately broken one).
  const extension = process.env.E2E_EXTENSION_PATH ?? PROJECT_ROOT;
  const server = await startCodeServer({ workspace: EXAMPLES_DIR, linkExtension: extension });
  try {
    session = { server, browser: await launchBrowser() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** Closes the browser and stops code-server. */
export async function endSession(): Promise<void> {
  await closeWorkbench();
  await session?.browser.close();
  await session?.server.stop();
  session = undefined;
}

/** Opens the examples workspace in a fresh browser context and waits until the workbench is ready. */
export async function newWorkbench(): Promise<Workbench> {
  if (!session) throw new Error('the E2E session is not started (test/e2e/support/hooks.ts)');
  await closeWorkbench();
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const workbench = new Workbench(page);
  current = { context, workbench };
  await page.goto(workbenchUrl(session.server));
  await workbench.waitUntilReady();
  return workbench;
}

/** The workbench of the running test, if any (for failure screenshots). */
export function currentWorkbench(): Workbench | undefined {
  return current?.workbench;
}

/** Closes the running test's browser context. */
export async function closeWorkbench(): Promise<void> {
  const open = current;
  current = undefined;
  await open?.context.close();
}
