// `npm start`: serves VS Code (code-server) on loopback with this extension installed (linked, so
// a rebuild plus "Developer: Reload Window" picks up changes) and examples/ open. Ctrl+C stops it.
// The address it prints opens examples/quick-tour.md through the workbench's `openFile` payload:
// code-server's bare `/` keeps only the folder when it redirects, so that one opens no file.
import * as path from 'node:path';
import { startCodeServer } from './vscode/code-server';
import { EXAMPLES_DIR, PROJECT_ROOT } from './vscode/paths';
import { workbenchUrl } from './vscode/workbench-url';

const TOUR = path.join(EXAMPLES_DIR, 'quick-tour.md');

const DEFAULT_PORT = 8080;

function portFromEnv(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${raw}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const server = await startCodeServer({
    workspace: EXAMPLES_DIR,
    port: portFromEnv(),
    linkExtension: PROJECT_ROOT,
    verbose: process.env.VERBOSE === '1',
  });
  console.log('');
  console.log('  VS Code with Gradient Descent Lab is running. Open this address (quick-tour.md open):');
  console.log(`    ${workbenchUrl(server, { openFile: TOUR })}`);
  console.log(`  or ${server.origin}/ for the workspace alone: ${EXAMPLES_DIR}`);
  console.log(
    '  Select a formula, then F1 > "Run Gradient Descent", or right-click it; hover $...$ for a preview.',
  );
  console.log('  After `npm run build`, run "Developer: Reload Window" to load the new build. Ctrl+C stops.');
  console.log('');
  const code = await server.exited;
  console.error(`code-server exited unexpectedly (code ${code}):\n${server.logTail()}`);
  process.exit(1);
}

main().catch((err: Error) => {
  console.error(`[start] ${err.message}`);
  process.exit(1);
});
