// The packaged extension: where `npm run package` writes it and how large it may grow.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from './paths';

/**
 * Most bytes the VSIX may have; `npm run package` fails above it. It measures about 1.2 MB (README,
 * "Installing the extension"): the engine in one bundle, the panel's script, KaTeX's stylesheet and
 * fonts. A jump past it means something big slipped in.
 */
export const VSIX_BUDGET_BYTES = 1_500_000;

/** `<name>-<version>.vsix` at the project root, as vsce names it. */
export function vsixPath(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return path.join(PROJECT_ROOT, `${manifest.name}-${manifest.version}.vsix`);
}
