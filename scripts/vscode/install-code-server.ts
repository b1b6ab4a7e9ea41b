// Installs the pinned code-server into .code-server/ on first use, without its postinstall
// (which refuses root, downloads ripgrep from GitHub and compiles kerberos), and reuses it after;
// ripgrep comes from npm instead (ripgrep.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR, CODE_SERVER_VERSION, INSTALL_DIR, INSTALL_MARKER, codeServerEntry } from './paths';
import { ensureRipgrep } from './ripgrep';
import { runCommand } from './run-command';

interface Step {
  title: string;
  run: (stage: string) => Promise<unknown>;
}

const vscodeDir = (stage: string): string => path.join(stage, 'node_modules', 'code-server', 'lib', 'vscode');

const STEPS: Step[] = [
  {
    title: `npm install code-server@${CODE_SERVER_VERSION}`,
    run: (stage) =>
      runCommand(
        'npm',
        [
          'install',
          '--prefix',
          stage,
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          `code-server@${CODE_SERVER_VERSION}`,
        ],
        stage,
      ),
  },
  {
    title: 'install VS Code runtime modules',
    run: (stage) =>
      runCommand(
        'npm',
        ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
        vscodeDir(stage),
      ),
  },
  {
    // node-pty is left out: it often fails to build and terminals are not needed.
    title: 'rebuild native modules (@parcel/watcher, @vscode/spdlog, native-watchdog)',
    run: (stage) =>
      runCommand(
        'npm',
        ['rebuild', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog'],
        vscodeDir(stage),
      ),
  },
  {
    title: 'install built-in extensions',
    run: async (stage) => {
      // VS Code resolves its modules through node_modules.asar in packaged builds.
      fs.symlinkSync('node_modules', path.join(vscodeDir(stage), 'node_modules.asar'));
      return runCommand(
        'npm',
        ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
        path.join(vscodeDir(stage), 'extensions'),
      );
    },
  },
  {
    title: 'rebuild argon2',
    run: (stage) => runCommand('npm', ['rebuild', 'argon2'], stage),
  },
];

/** Whether the pinned version is installed completely (marker present). */
export function isCodeServerInstalled(): boolean {
  return fs.existsSync(INSTALL_MARKER) && fs.existsSync(codeServerEntry());
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes half-finished installs: a final folder without marker, or staging folders of dead processes. */
function removeLeftovers(): void {
  if (fs.existsSync(INSTALL_DIR) && !fs.existsSync(INSTALL_MARKER)) {
    fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  }
  for (const name of fs.readdirSync(CACHE_DIR)) {
    const match = /^\.staging-(\d+)$/.exec(name);
    if (match && !isAlive(Number(match[1]))) {
      fs.rmSync(path.join(CACHE_DIR, name), { recursive: true, force: true });
    }
  }
}

/** Prints an elapsed-time line while a step runs, so a two-minute install does not look hung. */
function startTicker(label: string): () => void {
  const started = Date.now();
  const interactive = process.stdout.isTTY === true;
  const render = (): string => `[code-server] ${label} (${Math.round((Date.now() - started) / 1000)}s)`;
  if (interactive) process.stdout.write(render());
  else console.log(`${render()} ...`);
  const timer = setInterval(
    () => {
      if (interactive) process.stdout.write(`\r${render()}`);
      else console.log(`${render()} ...`);
    },
    interactive ? 1000 : 15000,
  );
  return () => {
    clearInterval(timer);
    if (interactive) process.stdout.write(`\r${render()} done\n`);
    else console.log(`${render()} done`);
  };
}

/**
 * Ensures code-server is installed and returns its entry script. The install happens in a staging
 * folder renamed into place at the end, so an interrupted or concurrent install never leaves a
 * folder that looks complete.
 */
export async function ensureCodeServer(): Promise<string> {
  if (!isCodeServerInstalled()) await installCodeServer();
  // Also for installs made before ripgrep came from npm: they get it on their next start.
  await ensureRipgrep(INSTALL_DIR);
  return codeServerEntry();
}

async function installCodeServer(): Promise<void> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  removeLeftovers();
  const stage = path.join(CACHE_DIR, `.staging-${process.pid}`);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  console.log(
    `[code-server] first run: installing code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR} (about 2 minutes, 300 MB)`,
  );
  const started = Date.now();
  try {
    for (const [index, step] of STEPS.entries()) {
      const stop = startTicker(`${index + 1}/${STEPS.length} ${step.title}`);
      try {
        await step.run(stage);
      } finally {
        stop();
      }
    }
    fs.writeFileSync(path.join(stage, '.install-complete'), `${new Date().toISOString()}\n`);
    try {
      fs.renameSync(stage, INSTALL_DIR);
    } catch (err) {
      // Another process finished first: use its install.
      if (!isCodeServerInstalled()) throw err;
      fs.rmSync(stage, { recursive: true, force: true });
    }
  } catch (err) {
    fs.rmSync(stage, { recursive: true, force: true });
    throw new Error(
      `installing code-server failed: ${(err as Error).message}\n(the npm registry must be reachable on first use)`,
    );
  }
  console.log(`[code-server] installed in ${Math.round((Date.now() - started) / 1000)}s`);
}

if (require.main === module) {
  ensureCodeServer().then(
    (entry) => console.log(`[code-server] ready: ${entry}`),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
