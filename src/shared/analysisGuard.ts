// Rebuilds an Analysis from a host message on the webview side: checks its shape, caps its
// sizes and turns the nulls JSON made of NaN and ±Infinity back into NaN.
import type {
  Analysis,
  FormulaInfo,
  Landscape,
  LearningRateRegimes,
  MultiStartResult,
  Notation,
  Parameter,
  RunResult,
  StationaryKind,
  SweepResult,
  TracePoint,
  WorkedStep,
} from '../engine/types';
import { STOP_CODES } from '../engine/loop';
import { OPTIMIZER_NAMES } from '../engine/types';
import { isRecord, num, nums, oneOf, str } from './values';
import { LIMITS } from './protocol';

const MAX_VARS = LIMITS.variables;
const MAX_TRACE = 100_001;
const MAX_SAMPLES = 250_000;
const MAX_TEXT = 20_000;
const NOTATIONS: readonly Notation[] = ['plain', 'latex', 'python', 'javascript'];
const KINDS: readonly StationaryKind[] = ['minimum', 'maximum', 'saddle', 'degenerate', 'not-stationary'];

function strings(value: unknown, max: number): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = value.slice(0, max).map((s) => str(s, MAX_TEXT));
  return out.every((s) => s !== undefined) ? (out as string[]) : undefined;
}

/** Maps an array through `parse`, failing when the value is not an array or any entry fails. */
function all<T>(value: unknown, max: number, parse: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: T[] = [];
  for (const v of value.slice(0, max)) {
    const parsed = parse(v);
    if (parsed === undefined) return undefined;
    out.push(parsed);
  }
  return out;
}

function formulaInfo(raw: unknown): FormulaInfo | undefined {
  if (!isRecord(raw)) return undefined;
  const source = str(raw.source, MAX_TEXT);
  const notation = oneOf(raw.notation, NOTATIONS);
  const variables = strings(raw.variables, MAX_VARS);
  const text = str(raw.text, MAX_TEXT);
  const gradient = strings(raw.gradient, MAX_VARS);
  if (source === undefined || !notation || !variables || text === undefined || !gradient) return undefined;
  const undeclared = raw.undeclared === undefined ? undefined : strings(raw.undeclared, MAX_VARS);
  const parameters = all(raw.parameters ?? [], MAX_VARS, parameter) ?? [];
  return {
    source,
    notation,
    variables,
    text,
    gradient,
    parameters,
    ...(undeclared && undeclared.length > 0 ? { undeclared } : {}),
  };
}

function parameter(raw: unknown): Parameter | undefined {
  if (!isRecord(raw)) return undefined;
  const name = str(raw.name, MAX_TEXT);
  return name === undefined ? undefined : { name, value: num(raw.value) };
}

function tracePoint(raw: unknown): TracePoint | undefined {
  if (!isRecord(raw) || typeof raw.iteration !== 'number') return undefined;
  const point = nums(raw.point, MAX_VARS);
  if (!point) return undefined;
  return { iteration: raw.iteration, point, value: num(raw.value), gradientNorm: num(raw.gradientNorm) };
}

/** Checks a RunResult. */
export function parseRunResult(raw: unknown): RunResult | undefined {
  if (!isRecord(raw) || !isRecord(raw.final)) return undefined;
  const variables = strings(raw.variables, MAX_VARS);
  const optimizer = oneOf(raw.optimizer, OPTIMIZER_NAMES);
  const stopReason = oneOf(raw.stopReason, STOP_CODES);
  const stationary = oneOf(raw.stationary, KINDS);
  const trace = all(raw.trace, MAX_TRACE, tracePoint);
  const point = nums(raw.final.point, MAX_VARS);
  const gradientMethod = raw.gradientMethod === 'numeric' ? 'numeric' : 'symbolic';
  if (!variables || !optimizer || !stopReason || !stationary || !trace || !point) return undefined;
  return {
    variables,
    optimizer,
    learningRate: num(raw.learningRate),
    iterations: num(raw.iterations),
    stopReason,
    final: { point, value: num(raw.final.value), gradientNorm: num(raw.final.gradientNorm) },
    stationary,
    trace,
    gradientMethod,
    elapsedMs: num(raw.elapsedMs),
    ...((raw.unbounded === 'below' || raw.unbounded === 'above') && stopReason === 'diverged'
      ? { unbounded: raw.unbounded }
      : {}),
  };
}

function range(raw: unknown): [number, number] | undefined {
  const r = nums(raw, 2);
  return r && r.length === 2 ? [r[0], r[1]] : undefined;
}

function landscape(raw: unknown): Landscape | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.kind === 'none') return { kind: 'none' };
  if (raw.kind === 'curve') {
    const xs = nums(raw.xs, MAX_SAMPLES);
    const values = nums(raw.values, MAX_SAMPLES);
    return xs && values && xs.length === values.length ? { kind: 'curve', xs, values } : undefined;
  }
  if (raw.kind === 'grid') {
    const xRange = range(raw.xRange);
    const yRange = range(raw.yRange);
    const nx = num(raw.nx);
    const ny = num(raw.ny);
    const values = nums(raw.values, MAX_SAMPLES);
    if (!xRange || !yRange || !values || !Number.isInteger(nx) || !Number.isInteger(ny)) return undefined;
    if (nx < 2 || ny < 2 || nx * ny !== values.length) return undefined;
    return { kind: 'grid', xRange, yRange, nx, ny, values };
  }
  return undefined;
}

function sweep(raw: unknown): SweepResult | undefined {
  if (!isRecord(raw)) return undefined;
  const points = all(raw.points, 1_000, (p) => {
    if (!isRecord(p)) return undefined;
    const stopReason = oneOf(p.stopReason, STOP_CODES);
    if (!stopReason) return undefined;
    return {
      learningRate: num(p.learningRate),
      finalValue: num(p.finalValue),
      iterations: num(p.iterations),
      stopReason,
      converged: p.converged === true,
      diverged: p.diverged === true,
    };
  });
  if (!points) return undefined;
  const critical = typeof raw.criticalLearningRate === 'number' ? raw.criticalLearningRate : null;
  return { points, lambdaMax: num(raw.lambdaMax), criticalLearningRate: critical };
}

function regimes(raw: unknown): LearningRateRegimes | undefined {
  if (!isRecord(raw)) return undefined;
  const small = parseRunResult(raw.small);
  const good = parseRunResult(raw.good);
  const large = parseRunResult(raw.large);
  return small && good && large ? { small, good, large } : undefined;
}

function multistart(raw: unknown): MultiStartResult | undefined {
  if (!isRecord(raw)) return undefined;
  const runs = all(raw.runs, 256, (r) => {
    if (!isRecord(r)) return undefined;
    const start = nums(r.start, MAX_VARS);
    const result = parseRunResult(r.result);
    return start && result
      ? { start, result, basin: Number.isInteger(r.basin) ? (r.basin as number) : -1 }
      : undefined;
  });
  const minima = all(raw.minima, 256, (m) => {
    if (!isRecord(m)) return undefined;
    const point = nums(m.point, MAX_VARS);
    return point ? { point, value: num(m.value), count: num(m.count) } : undefined;
  });
  return runs && minima ? { runs, minima } : undefined;
}

function workedStep(raw: unknown): WorkedStep | undefined {
  if (!isRecord(raw)) return undefined;
  const point = nums(raw.point, MAX_VARS);
  const gradient = nums(raw.gradient, MAX_VARS);
  const next = nums(raw.next, MAX_VARS);
  const quantities = all(raw.quantities, 16, (q) => {
    if (!isRecord(q)) return undefined;
    const name = str(q.name, 40);
    const value = nums(q.value, MAX_VARS);
    const symbol = str(q.symbol, 40);
    if (name === undefined || !value) return undefined;
    return symbol === undefined ? { name, value } : { name, value, symbol };
  });
  if (!point || !gradient || !next || !quantities) return undefined;
  return {
    iteration: num(raw.iteration),
    point,
    value: num(raw.value),
    gradient,
    quantities,
    learningRate: num(raw.learningRate),
    next,
  };
}

/** Checks an Analysis from the host; optional parts that fail the check are dropped. */
export function parseAnalysis(raw: unknown): Analysis | undefined {
  if (!isRecord(raw)) return undefined;
  const formula = formulaInfo(raw.formula);
  const run = parseRunResult(raw.run);
  const land = landscape(raw.landscape);
  if (!formula || !run || !land) return undefined;
  const out: { -readonly [K in keyof Analysis]: Analysis[K] } = { formula, run, landscape: land };
  const s = raw.sweep === undefined ? undefined : sweep(raw.sweep);
  if (s) out.sweep = s;
  const r = raw.regimes === undefined ? undefined : regimes(raw.regimes);
  if (r) out.regimes = r;
  const c = raw.comparison === undefined ? undefined : all(raw.comparison, 16, parseRunResult);
  if (c) out.comparison = c;
  const m = raw.multistart === undefined ? undefined : multistart(raw.multistart);
  if (m) out.multistart = m;
  const st = raw.steps === undefined ? undefined : all(raw.steps, 100, workedStep);
  if (st) out.steps = st;
  return out;
}
