// Mocha root hooks for the E2E run: one server and browser for all files, a screenshot of the
// workbench under test-results/ whenever a test fails, and the page closed after each test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from 'mocha';
import { TEST_RESULTS_DIR } from '../../../scripts/vscode/paths';
import { closeWorkbench, currentWorkbench, endSession, startSession } from './session';

function fileNameFor(title: string): string {
  return (
    title
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 120) || 'test'
  );
}

/** Root hooks picked up by mocha through `require` in test/e2e/.mocharc.json. */
export const mochaHooks = {
  async beforeAll(this: Context): Promise<void> {
    this.timeout(300_000);
    await startSession();
  },
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    const workbench = currentWorkbench();
    if (test?.state === 'failed' && workbench) {
      fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
      const file = path.join(TEST_RESULTS_DIR, `${fileNameFor(test.fullTitle())}.png`);
      try {
        await workbench.page.screenshot({ path: file });
        console.log(`      screenshot: ${path.relative(process.cwd(), file)}`);
      } catch (err) {
        console.log(`      (no screenshot: ${(err as Error).message})`);
      }
    }
    await closeWorkbench();
  },
  async afterAll(): Promise<void> {
    await endSession();
  },
};
