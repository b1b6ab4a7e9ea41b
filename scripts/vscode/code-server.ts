// Starts code-server on loopback with a fresh user-data and extensions folder, waits until it
// serves, and stops its whole process group (extension hosts included) on stop or exit.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { onCleanup } from './cleanup';
import { ensureCodeServer } from './install-code-server';
import { runCommand } from './run-command';
import { writeUserSettings } from './user-settings';

/** What to start. */
export interface CodeServerOptions {
  /** Folder the workbench opens. */
  workspace: string;
  /** Fixed port; a free one is picked when absent. */
  port?: number;
  /** An extension folder to link into the fresh extensions dir, so it loads like an installed one. */
  linkExtension?: string;
  /** A .vsix to install into the fresh extensions dir with `--install-extension`, as a user does. */
  installVsix?: string;
  /** Echo code-server's own log lines (noisy: failed open-vsx look-ups are normal offline). */
  verbose?: boolean;
}

/** A running code-server. */
export interface CodeServer {
  port: number;
  /** e.g. http://127.0.0.1:8080 */
  origin: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  /** Kills the process group and removes the temporary folders. Safe to call twice. */
  stop(): Promise<void>;
  /** Last lines code-server printed, for error messages. */
  logTail(): string;
  /** Resolves with the exit code when code-server exits (by stop() or on its own). */
  exited: Promise<number | null>;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

/** Rejects with a clear message when something already listens on the port. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(new Error(`port ${port} on 127.0.0.1 is in use; set PORT to another port`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

function linkExtension(extensionPath: string, extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.symlinkSync(extensionPath, target, 'dir');
}

/** Installs a VSIX with code-server's own CLI into the given profile, then returns. */
async function installVsix(
  entry: string,
  vsix: string,
  dirs: { userDataDir: string; extensionsDir: string },
): Promise<void> {
  if (!fs.existsSync(vsix)) throw new Error(`no VSIX at ${vsix} (npm run package writes it)`);
  await runCommand(
    process.execPath,
    [
      entry,
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
      '--install-extension',
      path.resolve(vsix),
    ],
    dirs.extensionsDir,
  );
}

/** Installs code-server if needed, starts it and resolves once it answers HTTP requests. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const entry = await ensureCodeServer();
  const port = options.port ?? (await freePort());
  await assertPortFree(port);
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gdlab-vscode-'));
  const userDataDir = path.join(tempRoot, 'user-data');
  const extensionsDir = path.join(tempRoot, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  if (options.linkExtension) linkExtension(options.linkExtension, extensionsDir);
  if (options.installVsix) {
    await installVsix(entry, options.installVsix, { userDataDir, extensionsDir }).catch((err: Error) => {
      fs.rmSync(tempRoot, { recursive: true, force: true });
      throw err;
    });
  }

  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    options.workspace,
  ];
  // Own process group (detached) so one kill reaches code-server and the extension hosts it forks.
  const child: ChildProcess = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      if (options.verbose) console.log(`[code-server] ${line}`);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  const exitedPromise = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );

  const killGroup = (signal: NodeJS.Signals): void => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const removeTemp = (): void => fs.rmSync(tempRoot, { recursive: true, force: true });
  const unregister = onCleanup(() => {
    killGroup('SIGKILL');
    removeTemp();
  });

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    killGroup('SIGTERM');
    const deadline = Date.now() + 5000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    killGroup('SIGKILL');
    removeTemp();
    unregister();
  };
  const logTail = (): string => lines.slice(-30).join('\n');

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while ((await httpStatus(`${origin}/healthz`)) !== 200) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before serving:\n${logTail()}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${origin} within 60s:\n${logTail()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    origin,
    workspace: options.workspace,
    userDataDir,
    extensionsDir,
    stop,
    logTail,
    exited: exitedPromise,
  };
}
