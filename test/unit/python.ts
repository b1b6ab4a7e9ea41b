// Finding a Python for the tests that run exported scripts: GDLAB_PYTHON when set, else python3 on
// the PATH, then the system's (Debian's python3-torch and python3-numpy install there).
import { spawnSync } from 'node:child_process';

/** The first Python that imports `module`, or undefined. */
export function pythonWith(module: string): string | undefined {
  const chosen = process.env.GDLAB_PYTHON;
  const candidates = chosen ? [chosen] : ['python3', '/usr/bin/python3'];
  return candidates.find(
    (python) => spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0,
  );
}

/** Why a test that needs `module` is skipped. */
export function noPython(module: string): string {
  return `skipped: no python3 with ${module} (set GDLAB_PYTHON to one)`;
}
