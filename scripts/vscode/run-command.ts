// Runs child commands for the installer with an environment free of the calling npm script's state.
import { spawn } from 'node:child_process';

/** Environment for nested npm calls: drops variables an outer `npm run` sets that would redirect them. */
export function cleanNpmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_package_') || lower.startsWith('npm_lifecycle_')) continue;
    if (lower === 'npm_config_local_prefix' || lower === 'npm_config_prefix' || lower === 'init_cwd') {
      continue;
    }
    env[key] = value;
  }
  return env;
}

/** Runs a command in `cwd`, capturing output; rejects with the output tail when it exits non-zero. */
export function runCommand(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanNpmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (err) => reject(new Error(`cannot run ${command}: ${err.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else {
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` failed (exit ${code}) in ${cwd}:\n${output.slice(-3000)}`,
          ),
        );
      }
    });
  });
}
