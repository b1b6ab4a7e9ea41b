// The engine's results as they cross to the webview: traces and grids as Float64Arrays (VS Code's
// postMessage transfers typed arrays as buffers, NaN and ±Infinity included), everything else as
// plain values. Each value's schema is written here once; its type is inferred from it.
import { STOP_CODES } from '../engine/traceTypes';
import { ALL_OPTIMIZER_NAMES } from '../engine/optimizerTypes';
import { SCHEDULER_NAMES } from '../engine/schedulerTypes';
import {
  type FormulaInfo,
  type Landscape,
  type MultiStartResult,
  type RunResult,
  type TracePoint,
  type WorkedStep,
} from '../engine/types';
import type { Curvature, SweepOutcome } from '../usecases/jobs';
import {
  anyNumber,
  array,
  bool,
  float64,
  int,
  literal,
  object,
  oneOf,
  optional,
  refine,
  str,
  union,
  ok,
  fail,
  type Infer,
} from './schema';

/** Caps on what a host message may hold (a corrupted or hostile message cannot exhaust the webview). */
export const WIRE_LIMITS = {
  variables: 1_000,
  tracePoints: 200_000,
  /** Numbers of all kept points together (the engine keeps at most MAX_TRACE_NUMBERS). */
  traceNumbers: 4_000_000,
  samples: 250_000,
  text: 20_000,
  sweepPoints: 1_000,
  basins: 2_500,
  steps: 1_000,
} as const;

const NOTATIONS = ['plain', 'latex', 'python', 'javascript'] as const;
const KINDS = ['minimum', 'maximum', 'saddle', 'degenerate', 'not-stationary'] as const;
const names = array(str(200), WIRE_LIMITS.variables);
/** A formula's parameters (or a run's), with their values. */
const parametersWire = array(object({ name: str(200), value: anyNumber() }), WIRE_LIMITS.variables);

/** The formula as read: its text, notation and variables. */
export const formulaWire = object({
  source: str(WIRE_LIMITS.text),
  notation: oneOf(NOTATIONS),
  variables: names,
  text: str(WIRE_LIMITS.text),
  tex: str(WIRE_LIMITS.text * 4),
  variablesTex: array(str(1_000), WIRE_LIMITS.variables),
  variablesText: names,
  name: optional(str(200)),
  nameTex: optional(str(1_000)),
  parameters: parametersWire,
});

export type FormulaWire = Infer<typeof formulaWire>;

/** One partial derivative as plain math text and as LaTeX. */
export const partialWire = object({ text: str(5_000), tex: str(20_000) });
export type PartialWire = Infer<typeof partialWire>;

/**
 * The kept iterates of a run, column by column; `points` holds `dimension` numbers per iterate.
 * `learningRates`, when the rate varied (a schedule, a line search), holds the rate of the step that
 * led to each iterate (NaN at the start).
 */
export const traceWire = refine(
  object({
    dimension: int(0, WIRE_LIMITS.variables),
    iterations: float64(WIRE_LIMITS.tracePoints),
    points: float64(WIRE_LIMITS.traceNumbers),
    values: float64(WIRE_LIMITS.tracePoints),
    gradientNorms: float64(WIRE_LIMITS.tracePoints),
    learningRates: optional(float64(WIRE_LIMITS.tracePoints)),
  }),
  (t) =>
    t.values.length === t.iterations.length &&
    t.gradientNorms.length === t.iterations.length &&
    (t.learningRates === undefined || t.learningRates.length === t.iterations.length) &&
    t.points.length === t.iterations.length * t.dimension
      ? ok(t)
      : fail('trace columns of different lengths'),
);
export type TraceWire = Infer<typeof traceWire>;

/** One optimizer run. */
export const runWire = object({
  variables: names,
  optimizer: oneOf(ALL_OPTIMIZER_NAMES),
  learningRate: anyNumber(),
  scheduler: optional(oneOf(SCHEDULER_NAMES)),
  iterations: anyNumber(),
  stopReason: oneOf(STOP_CODES),
  final: object({ point: float64(WIRE_LIMITS.variables), value: anyNumber(), gradientNorm: anyNumber() }),
  stationary: oneOf(KINDS),
  trace: traceWire,
  gradientMethod: oneOf(['symbolic', 'numeric'] as const),
  unbounded: optional(oneOf(['below', 'above'] as const)),
  parameters: optional(parametersWire),
  budgetCut: optional(oneOf(['iterations', 'classification'] as const)),
});
export type RunWire = Infer<typeof runWire>;

const range = refine(float64(2), (r) => (r.length === 2 ? ok([r[0]!, r[1]!] as const) : fail('not a range')));

/** Samples of f over the plot window. */
export const landscapeWire = union('kind', {
  none: object({ kind: literal('none') }),
  curve: refine(
    object({
      kind: literal('curve'),
      xs: float64(WIRE_LIMITS.samples),
      values: float64(WIRE_LIMITS.samples),
    }),
    (c) => (c.xs.length === c.values.length ? ok(c) : fail('curve columns of different lengths')),
  ),
  grid: refine(
    object({
      kind: literal('grid'),
      xRange: range,
      yRange: range,
      nx: int(2, 1_000),
      ny: int(2, 1_000),
      values: float64(WIRE_LIMITS.samples),
    }),
    (g) => (g.nx * g.ny === g.values.length ? ok(g) : fail('grid size does not match its values')),
  ),
});
export type LandscapeWire = Infer<typeof landscapeWire>;

/** The learning-rate sweep, its range and the regimes it picked. */
export const sweepWire = object({
  points: array(
    object({
      learningRate: anyNumber(),
      finalValue: anyNumber(),
      iterations: anyNumber(),
      stopReason: oneOf(STOP_CODES),
      converged: bool(),
      diverged: bool(),
    }),
    WIRE_LIMITS.sweepPoints,
  ),
  lambdaMax: anyNumber(),
  criticalLearningRate: optional(anyNumber()),
  range: object({ lrMin: anyNumber(), lrMax: anyNumber(), count: anyNumber() }),
  regimes: object({ small: anyNumber(), good: anyNumber(), large: anyNumber() }),
  lambdaMaxCut: optional(bool()),
});
export type SweepWire = Infer<typeof sweepWire>;

/** Runs from a grid of starts, labelled by the minimum each reached. */
export const basinsWire = object({
  runs: array(
    object({ start: float64(WIRE_LIMITS.variables), basin: int(-1, WIRE_LIMITS.basins), trace: traceWire }),
    WIRE_LIMITS.basins,
  ),
  minima: array(
    object({ point: float64(WIRE_LIMITS.variables), value: anyNumber(), count: anyNumber() }),
    WIRE_LIMITS.basins,
  ),
});
export type BasinsWire = Infer<typeof basinsWire>;

/** Worked steps: each update written out with its quantities. */
export const stepsWire = array(
  object({
    iteration: anyNumber(),
    point: float64(WIRE_LIMITS.variables),
    value: anyNumber(),
    gradient: float64(WIRE_LIMITS.variables),
    quantities: array(
      object({ name: str(40), symbol: optional(str(40)), value: float64(WIRE_LIMITS.variables) }),
      16,
    ),
    learningRate: anyNumber(),
    next: float64(WIRE_LIMITS.variables),
  }),
  WIRE_LIMITS.steps,
);
export type StepsWire = Infer<typeof stepsWire>;

/** λmax at the start and the critical η. */
export const curvatureWire = object({ lambdaMax: anyNumber(), critical: optional(anyNumber()) });
export type CurvatureWire = Infer<typeof curvatureWire>;

// ---- engine values to wire values (host side) ----

/** A trace as columns. */
export function toTraceWire(trace: readonly TracePoint[], dimension: number): TraceWire {
  const n = trace.length;
  const points = new Float64Array(n * dimension);
  trace.forEach((t, i) => points.set(t.point.slice(0, dimension), i * dimension));
  const varying = trace.some((t) => t.learningRate !== undefined);
  return {
    dimension,
    iterations: Float64Array.from(trace, (t) => t.iteration),
    points,
    values: Float64Array.from(trace, (t) => t.value),
    gradientNorms: Float64Array.from(trace, (t) => t.gradientNorm),
    ...(varying ? { learningRates: Float64Array.from(trace, (t) => t.learningRate ?? NaN) } : {}),
  };
}

/** A run as it crosses to the webview. */
export function toRunWire(run: RunResult): RunWire {
  return {
    variables: run.variables,
    optimizer: run.optimizer,
    learningRate: run.learningRate,
    ...(run.scheduler ? { scheduler: run.scheduler } : {}),
    iterations: run.iterations,
    stopReason: run.stopReason,
    final: {
      point: Float64Array.from(run.final.point),
      value: run.final.value,
      gradientNorm: run.final.gradientNorm,
    },
    stationary: run.stationary,
    trace: toTraceWire(run.trace, run.variables.length),
    gradientMethod: run.gradientMethod,
    ...(run.unbounded ? { unbounded: run.unbounded } : {}),
    ...(run.parameters ? { parameters: run.parameters.map((p) => ({ ...p })) } : {}),
    ...(run.budgetCut ? { budgetCut: run.budgetCut } : {}),
  };
}

/** A sweep as it crosses to the webview. */
export function toSweepWire(outcome: SweepOutcome): SweepWire {
  const { sweep, settings, regimes } = outcome;
  return {
    points: sweep.points.map((p) => ({ ...p })),
    lambdaMax: sweep.lambdaMax,
    ...(sweep.criticalLearningRate === null ? {} : { criticalLearningRate: sweep.criticalLearningRate }),
    range: { lrMin: settings.lrMin, lrMax: settings.lrMax, count: settings.count },
    regimes,
    ...(sweep.lambdaMaxCut ? { lambdaMaxCut: true } : {}),
  };
}

/** Several starts as they cross to the webview. */
export function toBasinsWire(result: MultiStartResult): BasinsWire {
  return {
    runs: result.runs.map((r) => ({
      start: Float64Array.from(r.start),
      basin: r.basin,
      trace: toTraceWire(r.result.trace, r.start.length),
    })),
    minima: result.minima.map((m) => ({ point: Float64Array.from(m.point), value: m.value, count: m.count })),
  };
}

/** Worked steps as they cross. */
export function toStepsWire(steps: readonly WorkedStep[]): StepsWire {
  return steps.map((s) => ({
    iteration: s.iteration,
    point: Float64Array.from(s.point),
    value: s.value,
    gradient: Float64Array.from(s.gradient),
    quantities: s.quantities.map((q) => ({
      name: q.name,
      ...(q.symbol === undefined ? {} : { symbol: q.symbol }),
      value: Float64Array.from(q.value),
    })),
    learningRate: s.learningRate,
    next: Float64Array.from(s.next),
  }));
}

/** The formula's description as it crosses (already plain). */
export function toFormulaWire(info: FormulaInfo): FormulaWire {
  return { ...info, parameters: info.parameters.map((p) => ({ ...p })) };
}

/** The landscape as it crosses (already columns). */
export function toLandscapeWire(landscape: Landscape): LandscapeWire {
  return landscape;
}

/** λmax and the critical η as they cross. */
export function toCurvatureWire(c: Curvature): CurvatureWire {
  return c.critical === null ? { lambdaMax: c.lambdaMax } : { lambdaMax: c.lambdaMax, critical: c.critical };
}
