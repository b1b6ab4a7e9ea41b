// The units of work every surface asks for, each keyed by exactly what it depends on: a change of η
// changes the run's key and nothing else's, a view switch asks only for what that view adds. Requests
// are plain data (they cross to the worker) and `computeJob` is a pure function of them.
import type { RunControl } from '../engine/descent';
import type { BatchSettings } from '../engine/data/batches';
import { dataBindingOf } from '../engine/compile/dataLoss';
import { fitView, type FitView } from '../engine/data/fit';
import { runDataDescent, type DataRunResult } from '../engine/data/miniBatch';
import { explainSteps } from '../engine/steps';
import { sampleLandscape, type PlotWindow } from '../engine/landscape';
import type { EngineLimits } from '../engine/limits';
import { runFromStarts } from '../engine/multistart';
import { runDescent } from '../engine/descent';
import { bindParameters } from '../engine/parameters';
import { criticalOf, lambdaMaxAt, pickRegimes, sweepAround } from '../engine/sweep';
import { expressionTex, expressionText, nameTex, nameText, textTex } from '../engine/tex';
import type {
  FormulaInfo,
  PartialText,
  Landscape,
  MultiStartResult,
  RunOptions,
  RunResult,
  SweepResult,
  SweepSettings,
  WorkedStep,
} from '../engine/types';
import type { PhaseSettings } from '../engine/phaseMap';
import { explainAt, phaseOutcome, type Explanation, type PhaseOutcome } from './explain';
import type { CompiledFormula, ProblemSource } from './problems';
import { COMPARED_BATCH_SIZES, COMPARED_EPOCHS } from './defaults';

/** Every job, by kind. */
export type JobRequest =
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'gradientText'; readonly formula: string }
  | { readonly kind: 'run'; readonly formula: string; readonly options: RunOptions }
  | {
      readonly kind: 'landscape';
      readonly formula: string;
      readonly window: PlotWindow;
      /** The run's parameter values (RunOptions.parameters): the landscape is of f with them. */
      readonly parameters?: RunOptions['parameters'];
    }
  | {
      readonly kind: 'curvature';
      readonly formula: string;
      readonly start: readonly number[];
      readonly maximize: boolean;
      readonly parameters?: RunOptions['parameters'];
    }
  | {
      readonly kind: 'sweep';
      readonly formula: string;
      readonly options: RunOptions;
      readonly sweep: Partial<SweepSettings>;
    }
  | {
      readonly kind: 'basins';
      readonly formula: string;
      readonly options: RunOptions;
      readonly starts: readonly (readonly number[])[];
    }
  | {
      /** Descent on a loss over data (a formula text bound to its data), full-batch or by mini-batches. */
      readonly kind: 'dataRun';
      readonly formula: string;
      readonly options: RunOptions;
      readonly batch: BatchSettings;
      /** When given, the run takes this many epochs (the options' iteration cap is replaced). */
      readonly epochs?: number;
      /** Also the model's fit at every trace point (for the panel's data view). */
      readonly fit?: boolean;
    }
  | {
      readonly kind: 'steps';
      readonly formula: string;
      readonly options: RunOptions;
      readonly count: number;
    }
  | {
      /** The quadratic model at a point for η, with κ at the path's iterates. */
      readonly kind: 'explain';
      readonly formula: string;
      readonly point: readonly number[];
      readonly lr?: number;
      readonly maximize: boolean;
      readonly parameters?: RunOptions['parameters'];
      readonly path?: readonly { readonly iteration: number; readonly point: readonly number[] }[];
    }
  | {
      /** Momentum's (η, β) map from the run's start. */
      readonly kind: 'phase';
      readonly formula: string;
      readonly options: RunOptions;
      readonly phase: Partial<PhaseSettings>;
    };

/** The kinds of job. */
export type JobKind = JobRequest['kind'];

/** λmax of the Hessian at a start, and the critical learning rate 2/λmax (null when λmax ≤ 0). */
export interface Curvature {
  readonly lambdaMax: number;
  readonly critical: number | null;
}

/** A sweep with the range it covered and the too-small, good and too-large η it picks. */
export interface SweepOutcome {
  readonly sweep: SweepResult;
  readonly settings: SweepSettings;
  readonly regimes: { readonly small: number; readonly good: number; readonly large: number };
}

/** The loss on all rows after each epoch of a run with one batch size (the data view's comparison). */
export interface BatchComparison {
  readonly batchSize: number;
  readonly epochLosses: DataRunResult['data']['epochLosses'];
}

/** What each kind of job computes. */
export interface JobValues {
  readonly formula: FormulaInfo;
  readonly gradientText: readonly PartialText[];
  readonly run: RunResult;
  readonly landscape: Landscape;
  readonly curvature: Curvature;
  readonly sweep: SweepOutcome;
  readonly basins: MultiStartResult;
  readonly steps: readonly WorkedStep[];
  readonly explain: Explanation;
  readonly phase: PhaseOutcome;
  readonly dataRun: DataRunResult & {
    readonly fit?: FitView;
    readonly comparison?: readonly BatchComparison[];
  };
}

/** The request of kind K. */
export type JobOf<K extends JobKind> = Extract<JobRequest, { readonly kind: K }>;

/** What a job needs besides its request. */
export interface JobContext {
  readonly problems: ProblemSource;
  readonly limits: EngineLimits;
  readonly control?: RunControl;
}

/** JSON with object keys in sorted order, so equal requests give equal keys whatever built them. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return typeof value === 'number' && !Number.isFinite(value) ? `"${String(value)}"` : JSON.stringify(value);
}

/** The cache key of a job: its kind and exactly its inputs. */
export function jobKey(request: JobRequest): string {
  if (request.kind === 'phase') {
    // A map runs its own optimizer with its own η and β in every cell: the run's are not among its inputs.
    return stableJson({ ...request, options: { ...request.options, optimizer: {} } });
  }
  if (request.kind !== 'sweep') return stableJson(request);
  // A sweep sets η itself at every point: the run's own η is not one of its inputs.
  const { lr: _lr, ...optimizer } = request.options.optimizer;
  return stableJson({ ...request, options: { ...request.options, optimizer } });
}

/** The formula as people see it: what was read, in which notation, with which variables. */
export function formulaInfo(compiled: CompiledFormula): FormulaInfo {
  const { formula } = compiled;
  return {
    source: formula.source,
    notation: formula.notation,
    variables: formula.variables,
    text: expressionText(formula.expression),
    tex: expressionTex(formula.expression),
    variablesTex: formula.variables.map(nameTex),
    variablesText: formula.variables.map(nameText),
    ...(formula.name !== undefined ? { name: formula.name, nameTex: nameTex(formula.name) } : {}),
    parameters: formula.parameters,
  };
}

/** The options with the budget's start: the caller's (the CLI's, before it parsed) or this job's. */
function budgeted(options: RunOptions, startedAt: number): RunOptions {
  return options.startedAt === undefined ? { ...options, startedAt } : options;
}

/** Formulas longer than this get no simplified gradient text (simplification costs grow fast). */
export const MAX_GRADIENT_TEXT_LENGTH = 400;

function compute<K extends JobKind>(request: JobOf<K>, ctx: JobContext): JobValues[K];
function compute(request: JobRequest, ctx: JobContext): JobValues[JobKind] {
  // A run's budget covers parsing and compiling too, when this job is the one that does them.
  const startedAt = performance.now();
  const compiled = ctx.problems.compiled(request.formula);
  const { problem } = compiled;
  // Jobs share one compiled problem per formula and run one at a time: each writes its own
  // parameter values into the problem's slots before it evaluates anything.
  switch (request.kind) {
    case 'formula':
      return formulaInfo(compiled);
    case 'gradientText':
      return request.formula.length > MAX_GRADIENT_TEXT_LENGTH
        ? []
        : problem.gradientText().map((text) => ({ text, tex: textTex(text) }));
    case 'run':
      return runDescent(problem, budgeted(request.options, startedAt), ctx.control);
    case 'landscape':
      bindParameters(problem, request.parameters);
      return sampleLandscape(problem, request.window);
    case 'curvature': {
      bindParameters(problem, request.parameters);
      const lambdaMax = lambdaMaxAt(problem, request.start, request.maximize);
      return { lambdaMax, critical: criticalOf(lambdaMax) };
    }
    case 'sweep': {
      const options = budgeted(request.options, startedAt);
      const { settings, sweep } = sweepAround(problem, options, request.sweep, ctx.control);
      return { sweep, settings, regimes: pickRegimes(sweep, settings, request.options.maximize) };
    }
    case 'basins':
      return runFromStarts(problem, request.options, request.starts, ctx.control);
    case 'dataRun': {
      const options = budgeted(request.options, startedAt);
      const run = runDataDescent(problem, options, request.batch, request.epochs, ctx.control);
      const table = dataBindingOf(problem)?.table;
      const fit =
        request.fit === true && table
          ? fitView(compiled.formula, table, run.trace, problem.parameters?.values)
          : undefined;
      if (fit === undefined) return run;
      return { ...run, fit, comparison: compareBatches(problem, options, request, run) };
    }
    case 'steps':
      return explainSteps(problem, request.options, Math.min(request.count, ctx.limits.maxSteps));
    case 'explain':
      bindParameters(problem, request.parameters);
      return explainAt(problem, request.point, request.lr, request.maximize, request.path);
    case 'phase':
      return phaseOutcome(problem, budgeted(request.options, startedAt), request.phase, ctx.control);
  }
}

/** The same run with batches of 1, 8, 32 and all rows (those below the row count), epoch by epoch. */
function compareBatches(
  problem: CompiledFormula['problem'],
  options: RunOptions,
  request: JobOf<'dataRun'>,
  run: DataRunResult,
): BatchComparison[] {
  const rows = run.data.rows;
  const sizes = [...COMPARED_BATCH_SIZES.filter((b) => b < rows), rows];
  const epochs = Math.max(1, Math.min(COMPARED_EPOCHS, Math.ceil(run.data.epochs)));
  return sizes.map((batchSize) => {
    const batch = { ...request.batch, batchSize };
    // A full batch's epoch losses are its trace, so it keeps every iterate; mini-batches record them apart.
    const kept = { ...options, traceLimit: batchSize >= rows ? epochs + 1 : 2 };
    return { batchSize, epochLosses: runDataDescent(problem, kept, batch, epochs).data.epochLosses };
  });
}

/** Computes a job; throws a FormulaError for bad formula text (the same one for every job of that text). */
export function computeJob<K extends JobKind>(request: JobOf<K>, ctx: JobContext): JobValues[K] {
  return compute(request, ctx);
}
