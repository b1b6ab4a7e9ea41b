// `npm run package`: the installable extension, gradient-descent-lab-<version>.vsix, with vsce from
// a production build (vsce runs vscode:prepublish, i.e. build:prod). Offline by design: no
// node_modules (esbuild bundled what runs), no repository (none is published, so README links stay
// relative and the screenshots it shows ride along). Fails when the VSIX outgrows its budget.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { PROJECT_ROOT } from './vscode/paths';
import { VSIX_BUDGET_BYTES, vsixPath } from './vscode/vsix';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<number> {
  const packagePath = vsixPath();
  await createVSIX({
    cwd: PROJECT_ROOT,
    packagePath,
    dependencies: false,
    allowMissingRepository: true,
    rewriteRelativeLinks: false,
  });
  const size = fs.statSync(packagePath).size;
  const name = path.relative(PROJECT_ROOT, packagePath);
  if (size > VSIX_BUDGET_BYTES) {
    console.error(`[package] ${name} is ${kb(size)}, over its budget of ${kb(VSIX_BUDGET_BYTES)}`);
    return 1;
  }
  console.log(`[package] ${name}: ${kb(size)} (budget ${kb(VSIX_BUDGET_BYTES)})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`[package] ${err.message}`);
    process.exit(1);
  },
);
