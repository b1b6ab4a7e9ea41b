// `npm run test:integration`: runs the mocha suites of test/integration inside the extension host
// of a real VS Code (code-server, offline), driven by headless Chromium; exits non-zero on failure.
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './vscode/browser';
import { buildIntegrationTests } from './vscode/build-integration-tests';
import { startCodeServer } from './vscode/code-server';
import { EXAMPLES_DIR, PROJECT_ROOT } from './vscode/paths';
import { workbenchUrl } from './vscode/workbench-url';

const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 300_000);

/** The host forwards console calls as [format, ...values]; apply the format as console.log would. */
function formatLog(args: unknown): string {
  if (Array.isArray(args)) return format(...(args as unknown[]));
  return typeof args === 'string' ? args : JSON.stringify(args);
}

// Workbench chatter that says nothing about the tests (connection set-up, offline marketplace look-ups).
const NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin/,
  /^\[Service Worker\]/,
  /^ChatSessionStore/,
  /open-vsx\.org/,
];
const verbose = process.env.VERBOSE === '1';

async function main(): Promise<number> {
  const started = Date.now();
  const testsPath = await buildIntegrationTests();
  const server = await startCodeServer({ workspace: EXAMPLES_DIR });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const exitCode = new Promise<number>((resolve, reject) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
      page.on('crash', () => reject(new Error('the workbench page crashed')));
      setTimeout(
        () => reject(new Error(`no result from the extension host within ${TIMEOUT_MS / 1000}s`)),
        TIMEOUT_MS,
      ).unref();
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const text = formatLog(args);
      if (!verbose && NOISE.some((re) => re.test(text))) return;
      if (type === 'error') console.error(text);
      else console.log(text);
    });
    const url = workbenchUrl(server, {
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: testsPath,
    });
    console.log(`[integration] ${path.relative(PROJECT_ROOT, testsPath)} in VS Code at ${server.origin}`);
    await page.goto(url);
    const code = await exitCode;
    console.log(
      `[integration] finished with exit code ${code} in ${Math.round((Date.now() - started) / 1000)}s`,
    );
    return code;
  } catch (err) {
    console.error(`[integration] ${(err as Error).message}\n--- code-server log ---\n${server.logTail()}`);
    return 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`[integration] ${err.message}`);
    process.exit(1);
  },
);
