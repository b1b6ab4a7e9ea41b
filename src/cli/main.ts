// The CLI's logic, separate from process handling so it can be tested in-process: parse the
// arguments, run the engine, print JSON or a table, and map every failure to an exit code
// (2 for bad input, 1 for anything unexpected) with a one-line message, never a stack trace.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { withData } from '../engine/data/bound';
import { exportCode } from '../engine/export';
import { HARD_LIMITS, resolveLimits, type EngineLimits } from '../engine/limits';
import { refuseInapplicable } from '../engine/optionsApply';
import { parseOptimizerSpec, parseSchedulerSpec } from '../engine/spec';
import { FormulaError, type OptimizerSettings, type RunOptions, type StopSettings } from '../engine/types';
import { createProblemCache } from '../host/problemCache';
import { CLI_TRACE_POINTS } from '../usecases/defaults';
import { computeJob, type JobContext } from '../usecases/jobs';
import { resolveRunOptions } from '../usecases/runOptions';
import { runExplain, runPhase } from './explain';
import { parseArgs, UsageError, wantsJson, type CliArgs } from './args';
import { USAGE, USAGE_HINT } from './usage';
import { dataRunJson, dataRunTable, runJson, runTable, sweepJson, sweepTable, traceCutNote } from './format';

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
export const CLI_TRACE_LIMIT = CLI_TRACE_POINTS;

/** The CLI runs unattended, so it may use the hard caps rather than the editor's defaults. */
export const CLI_LIMITS: EngineLimits = resolveLimits({
  maxIterations: HARD_LIMITS.maxIterations,
  timeBudgetMs: HARD_LIMITS.timeBudgetMs,
  maxFormulaLength: HARD_LIMITS.maxFormulaLength,
  maxTracePoints: HARD_LIMITS.maxTracePoints,
  maxSweepCount: HARD_LIMITS.maxSweepCount,
});

/** The hyper-parameter options beside --optimizer, as settings. */
function flagSettings(args: CliArgs): Partial<OptimizerSettings> {
  return {
    ...(args.momentum !== undefined ? { momentum: args.momentum } : {}),
    ...(args.alpha !== undefined ? { alpha: args.alpha } : {}),
    ...(args.betas !== undefined ? { betas: args.betas } : {}),
    ...(args.eps !== undefined ? { eps: args.eps } : {}),
    ...(args.lineSearch ? { lineSearch: true } : {}),
  };
}

/**
 * --optimizer (a name or torch's call; --lr fills in a call's missing lr) with the hyper-parameter
 * options merged in; a value given both in the call and as an option is refused.
 */
function optimizerOf(args: CliArgs): { settings: Partial<OptimizerSettings>; maximize: boolean } {
  const flags = flagSettings(args);
  if (args.optimizer === undefined) {
    return { settings: { ...flags, ...(args.lr !== undefined ? { lr: args.lr } : {}) }, maximize: false };
  }
  const spec = parseOptimizerSpec(args.optimizer, args.lr);
  const given = spec.optimizer as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(flags)) {
    if (key !== 'name' && key !== 'lr' && given[key] !== undefined) {
      throw new FormulaError(`${key} is given twice: in --optimizer and as its own option`, 'bad-option');
    }
  }
  return { settings: { ...spec.optimizer, ...flags }, maximize: spec.maximize === true };
}

/** Maps the parsed options onto the engine's run options (unset ones take the engine's defaults). */
export function runOptionsOf(args: CliArgs): RunOptions {
  const { settings: optimizer, maximize } = optimizerOf(args);
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
    ...(args.scheduler !== undefined ? { scheduler: parseSchedulerSpec(args.scheduler) } : {}),
    stop: {
      ...tolerances,
      ...(args.maxIterations !== undefined ? { maxIterations: args.maxIterations } : {}),
    },
    maximize: args.maximize || maximize,
    traceLimit: args.traceAll ? 'all' : CLI_TRACE_LIMIT,
    ...(args.parameters !== undefined ? { parameters: args.parameters } : {}),
  };
}

/** The formula bound to the --data file's rows, or the formula alone. */
function formulaText(args: CliArgs): string {
  if (args.data === undefined) return args.formula;
  let text: string;
  try {
    text = readFileSync(args.data, 'utf8');
  } catch {
    throw new FormulaError(`Cannot read the data file ${args.data}.`, 'bad-option');
  }
  return withData(args.formula, basename(args.data), text);
}

function execute(args: CliArgs, out: CliOutput): void {
  // The budget covers parsing and compiling too.
  const startedAt = performance.now();
  // phase's --optimizer names the map's optimizer (momentum, nesterov, adam), which sets η and β itself.
  const asked = runOptionsOf(args.command === 'phase' ? { ...args, optimizer: undefined } : args);
  // A flag the optimizer does not use is refused even when it repeats the default.
  refuseInapplicable(asked.optimizer, true);
  // The same jobs the panel runs, so the CLI's run and sweep agree with the panel's on a formula.
  const ctx: JobContext = { problems: createProblemCache(CLI_LIMITS), limits: CLI_LIMITS };
  const formula = formulaText(args);
  const info = computeJob({ kind: 'formula', formula }, ctx);
  const options = resolveRunOptions({ ...asked, startedAt }, info.variables.length, CLI_LIMITS);
  if (args.command === 'explain') return out.stdout(runExplain(args, options, info.variables, ctx));
  if (args.command === 'phase') return out.stdout(runPhase(args, options, ctx));
  if (args.data !== undefined) {
    const batch = {
      batchSize: args.batchSize ?? Number.MAX_SAFE_INTEGER,
      shuffle: args.shuffle,
      seed: args.seed ?? 0,
    };
    const epochs = args.epochs === undefined ? {} : { epochs: args.epochs };
    const result = computeJob({ kind: 'dataRun', formula, options, batch, ...epochs }, ctx);
    out.stdout(args.json ? `${JSON.stringify(dataRunJson(result))}\n` : dataRunTable(result));
    return;
  }
  if (args.command === 'run') {
    const result = computeJob({ kind: 'run', formula: args.formula, options }, ctx);
    out.stdout(args.json ? `${JSON.stringify(runJson(result))}\n` : runTable(result));
    const cut = args.traceAll ? traceCutNote(result) : undefined;
    if (cut !== undefined) out.stderr(`${cut}\n`);
    return;
  }
  if (args.command === 'code') {
    // The script takes as many steps as the engine's run took before a stop test fired.
    const { iterations } = computeJob(
      { kind: 'run', formula: args.formula, options: { ...options, traceLimit: 2 } },
      ctx,
    );
    const { formula } = ctx.problems.compiled(args.formula);
    out.stdout(exportCode({ formula, options, iterations }, args.lang ?? 'pytorch'));
    return;
  }
  const partial = {
    ...(args.lrMin !== undefined ? { lrMin: args.lrMin } : {}),
    ...(args.lrMax !== undefined ? { lrMax: args.lrMax } : {}),
    ...(args.count !== undefined ? { count: args.count } : {}),
  };
  const { sweep, regimes } = computeJob(
    { kind: 'sweep', formula: args.formula, options, sweep: partial },
    ctx,
  );
  const json = sweepJson(
    sweep,
    { variables: info.variables, optimizer: options.optimizer.name ?? 'gd', start: options.start },
    regimes,
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
