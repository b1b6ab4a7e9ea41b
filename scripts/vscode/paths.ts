// Where the launcher keeps things: one place so every script agrees on the cache layout.
import * as path from 'node:path';

/** The pinned code-server release: VS Code 1.100.3, the last line that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** @vscode/ripgrep with rg inside its per-platform npm packages (no download step). */
export const RIPGREP_VERSION = '1.18.0';

/** Root of this repository (the extension under development). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Cache folder for code-server installs, ignored by git and .vscodeignore. */
export const CACHE_DIR = path.join(PROJECT_ROOT, '.code-server');

/** Folder holding the finished install of the pinned version. */
export const INSTALL_DIR = path.join(CACHE_DIR, CODE_SERVER_VERSION);

/** Marker written last: its presence means the install finished. */
export const INSTALL_MARKER = path.join(INSTALL_DIR, '.install-complete');

/** code-server's Node entry point inside an install folder. */
export function codeServerEntry(installDir: string = INSTALL_DIR): string {
  return path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The sample workspace `npm start` opens. */
export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');

/** Screenshots and logs from failed UI tests. */
export const TEST_RESULTS_DIR = path.join(PROJECT_ROOT, 'test-results');
