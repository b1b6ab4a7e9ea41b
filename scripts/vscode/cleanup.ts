// One place that tears down what the launcher started, on normal exit, Ctrl+C or SIGTERM.
type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
let installed = false;

function runAll(): void {
  for (const fn of [...cleanups].reverse()) {
    try {
      fn();
    } catch {
      // Best effort: the process is going away; one failing cleanup must not skip the others.
    }
  }
  cleanups.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      runAll();
      process.exit(code);
    });
  }
}

/** Registers a synchronous cleanup that runs once at exit or on a termination signal; returns its remover. */
export function onCleanup(fn: Cleanup): () => void {
  install();
  cleanups.add(fn);
  return () => {
    cleanups.delete(fn);
  };
}
