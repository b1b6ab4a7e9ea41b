// The CLI's logic, separate from process handling so it can be tested in-process: parse the
// arguments, run the engine, print JSON or a table, and map every failure to an exit code
// (2 for bad input, 1 for anything unexpected) with a one-line message, never a stack trace.
import { prepare } from '../engine/analyze';
import { runDescent } from '../engine/descent';
import { HARD_LIMITS, resolveLimits, type EngineLimits } from '../engine/limits';
import { refuseInapplicable } from '../engine/optionsApply';
import { pickRegimes, sweepAround } from '../engine/sweep';
import { FormulaError, type OptimizerSettings, type RunOptions, type StopSettings } from '../engine/types';
import { parseArgs, USAGE, USAGE_HINT, UsageError, wantsJson, type CliArgs } from './args';
import { runJson, runTable, sweepJson, sweepTable, traceCutNote } from './format';

/** Where the CLI writes. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes of the contract. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Trace points printed when --trace all is not given. */
export const CLI_TRACE_LIMIT = 50;

/** The CLI runs unattended, so it may use the hard caps rather than the editor's defaults. */
export const CLI_LIMITS: EngineLimits = resolveLimits({
  maxIterations: HARD_LIMITS.maxIterations,
  timeBudgetMs: HARD_LIMITS.timeBudgetMs,
  maxFormulaLength: HARD_LIMITS.maxFormulaLength,
  maxTracePoints: HARD_LIMITS.maxTracePoints,
  maxSweepCount: HARD_LIMITS.maxSweepCount,
});

/** Maps the parsed options onto the engine's run options (unset ones take the engine's defaults). */
export function runOptionsOf(args: CliArgs): RunOptions {
  const optimizer: Partial<OptimizerSettings> = {
    ...(args.optimizer !== undefined ? { name: args.optimizer } : {}),
    ...(args.lr !== undefined ? { lr: args.lr } : {}),
    ...(args.momentum !== undefined ? { momentum: args.momentum } : {}),
    ...(args.alpha !== undefined ? { alpha: args.alpha } : {}),
    ...(args.betas !== undefined ? { betas: args.betas } : {}),
    ...(args.eps !== undefined ? { eps: args.eps } : {}),
    ...(args.lineSearch ? { lineSearch: true } : {}),
  };
  // --tol is the gradient tolerance; 0 turns every tolerance test off, as the contract says.
  const tolerances: Partial<StopSettings> =
    args.tol === undefined
      ? {}
      : args.tol === 0
        ? { gradientTolerance: 0, stepTolerance: 0, valueTolerance: 0 }
        : { gradientTolerance: args.tol };
  return {
    start: args.start ?? [],
    optimizer,
    stop: {
      ...tolerances,
      ...(args.maxIterations !== undefined ? { maxIterations: args.maxIterations } : {}),
    },
    maximize: args.maximize,
    traceLimit: args.traceAll ? 'all' : CLI_TRACE_LIMIT,
    ...(args.parameters !== undefined ? { parameters: args.parameters } : {}),
  };
}

function execute(args: CliArgs, out: CliOutput): void {
  // The budget covers parsing and compiling too.
  const startedAt = performance.now();
  // A flag the optimizer does not use is refused even when it repeats the default.
  refuseInapplicable(runOptionsOf(args).optimizer, true);
  const {
    compiled: { problem },
    options,
  } = prepare(args.formula, { ...runOptionsOf(args), startedAt }, CLI_LIMITS);
  if (args.command === 'run') {
    const result = runDescent(problem, options);
    out.stdout(args.json ? `${JSON.stringify(runJson(result))}\n` : runTable(result));
    const cut = args.traceAll ? traceCutNote(result) : undefined;
    if (cut !== undefined) out.stderr(`${cut}\n`);
    return;
  }
  const { settings, sweep } = sweepAround(problem, options, {
    lrMin: args.lrMin,
    lrMax: args.lrMax,
    count: args.count,
  });
  const json = sweepJson(
    sweep,
    { variables: problem.variables, optimizer: options.optimizer.name ?? 'gd', start: options.start },
    pickRegimes(sweep, settings, options.maximize),
  );
  out.stdout(args.json ? `${JSON.stringify(json)}\n` : sweepTable(json));
}

function report(out: CliOutput, json: boolean, message: string, column?: number): void {
  if (json) {
    out.stdout(`${JSON.stringify({ error: column === undefined ? { message } : { message, column } })}\n`);
  } else {
    out.stderr(`error: ${message}${column === undefined ? '' : ` (column ${column})`}\n`);
  }
}

/** Runs the CLI on `argv` (without node and script path); returns the exit code. Never throws. */
export function runCli(argv: readonly string[], out: CliOutput): number {
  const json = wantsJson(argv);
  try {
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') {
      out.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    execute(parsed, out);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      report(out, json, json ? error.message : `${error.message} ${USAGE_HINT}`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof FormulaError) {
      report(out, json, error.message, error.column);
      return EXIT_BAD_INPUT;
    }
    const detail = error instanceof Error ? error.message : String(error);
    report(out, json, `internal error: ${detail}`);
    return EXIT_INTERNAL;
  }
}
