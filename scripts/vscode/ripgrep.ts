// Puts a ripgrep binary where code-server's VS Code looks for it, so Quick Open and Search work
// offline. code-server's own copy of @vscode/ripgrep downloads rg from GitHub in a postinstall we
// skip; @vscode/ripgrep 1.18 instead ships rg inside per-platform npm packages
// (@vscode/ripgrep-linux-x64, ...), which npm picks through optionalDependencies.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RIPGREP_VERSION } from './paths';
import { runCommand } from './run-command';

const BINARY = process.platform === 'win32' ? 'rg.exe' : 'rg';

/** Where VS Code's @vscode/ripgrep expects the binary, inside a code-server install folder. */
export function ripgrepTarget(installDir: string): string {
  const vscode = path.join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
  return path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', BINARY);
}

/**
 * Makes sure the install in `installDir` has rg; installs @vscode/ripgrep from npm into a temporary
 * folder and copies its platform binary when it is missing. Returns false (with a warning) when that
 * fails, e.g. on a platform without a package: VS Code then runs, but file search finds nothing.
 */
export async function ensureRipgrep(installDir: string): Promise<boolean> {
  const target = ripgrepTarget(installDir);
  if (fs.existsSync(target)) return true;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdlab-ripgrep-'));
  try {
    await runCommand(
      'npm',
      [
        'install',
        '--prefix',
        temp,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        `@vscode/ripgrep@${RIPGREP_VERSION}`,
      ],
      temp,
    );
    const source = path.join(
      temp,
      'node_modules',
      '@vscode',
      `ripgrep-${process.platform}-${process.arch}`,
      'bin',
      BINARY,
    );
    if (!fs.existsSync(source)) throw new Error(`no ripgrep package for ${process.platform}-${process.arch}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Copied beside the target and renamed, so a concurrent start never runs a half-written rg.
    const partial = `${target}.${process.pid}`;
    fs.copyFileSync(source, partial);
    fs.chmodSync(partial, 0o755);
    fs.renameSync(partial, target);
    return true;
  } catch (err) {
    console.warn(
      `[code-server] ripgrep unavailable (${(err as Error).message.split('\n')[0]}): Quick Open and Search find no files`,
    );
    return false;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
