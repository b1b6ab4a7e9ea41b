// The packaged extension: where `npm run package` writes it and how large it may grow.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from './paths';

/**
 * Most bytes the VSIX may have; `npm run package` fails above it. Set a little above what it
 * measured (README, "Installing the extension"): a jump means something big slipped in.
 */
export const VSIX_BUDGET_BYTES = 1_300_000;

/** `<name>-<version>.vsix` at the project root, as vsce names it. */
export function vsixPath(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return path.join(PROJECT_ROOT, `${manifest.name}-${manifest.version}.vsix`);
}
