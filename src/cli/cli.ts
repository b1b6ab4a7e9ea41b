// Entry of the headless CLI (bundled to dist/cli.js). Everything is caught in runCli; the guards
// here only make sure that even a failure while writing never prints a stack trace.
import { EXIT_INTERNAL, runCli } from './main';

process.on('uncaughtException', (error) => {
  process.stderr.write(`error: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT_INTERNAL);
});

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
