// Bundles test/integration/*.ts for the extension host: one CommonJS file per suite plus the
// runner index, with `vscode` (provided by the host) and `mocha` (from node_modules) left external.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { PROJECT_ROOT } from './paths';

/** Source folder of the integration suites. */
export const INTEGRATION_SRC = path.join(PROJECT_ROOT, 'test', 'integration');
/** Output folder; the runner's index.js sits here. */
export const INTEGRATION_OUT = path.join(PROJECT_ROOT, 'out', 'test', 'integration');

/** Builds the suites and returns the absolute path of the runner module (index.js). */
export async function buildIntegrationTests(): Promise<string> {
  const entries = fs
    .readdirSync(INTEGRATION_SRC, { recursive: true, encoding: 'utf8' })
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => path.join(INTEGRATION_SRC, name));
  fs.rmSync(INTEGRATION_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries,
    outdir: INTEGRATION_OUT,
    outbase: INTEGRATION_SRC,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(INTEGRATION_OUT, 'index.js');
}

if (require.main === module) {
  buildIntegrationTests().then(
    (index) => console.log(`[integration] built ${index}`),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
