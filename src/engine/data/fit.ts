// The model's fit drawn over the data, read from the loss itself rather than from a model the
// person did not write: for a regression the prediction at x is the y the loss of one row (x, y)
// is least for; for labels (±1 or 0/1) the decision boundary is where both labels cost the same.
// Each is found numerically on a one-row copy of the loss, so it holds for MSE, Huber, logistic,
// cross-entropy and hinge alike.
import { compileDataLoss } from '../compile/dataLoss';
import type { Formula, TracePoint } from '../types';
import type { DataTable } from './table';

/** Columns of the data the fit is drawn in. */
export interface FitRoles {
  /** One or two feature columns (the x axis; the y axis too for two). */
  readonly features: readonly number[];
  readonly target: number;
  /** The targets are labels: all in {−1, 1} or all in {0, 1}. */
  readonly labels: readonly [number, number] | undefined;
}

/** The fit at each frame: a curve ŷ(grid), a boundary x* (one feature), or a boundary x₂(grid) (two features). */
export type FitFrames =
  | {
      readonly kind: 'curve';
      readonly grid: readonly number[];
      readonly frames: readonly (readonly number[])[];
    }
  | { readonly kind: 'threshold'; readonly frames: readonly number[] }
  | {
      readonly kind: 'boundary';
      readonly grid: readonly number[];
      readonly frames: readonly (readonly number[])[];
    }
  | { readonly kind: 'none' };

const GRID = 48;
const GOLDEN_STEPS = 60;

/** The target (a column named y, t or label, else the last the loss reads) and the features (the others). */
export function fitRoles(table: DataTable, formula: Formula): FitRoles | undefined {
  const used = [...new Set((formula.data?.columns ?? []).map((c) => columnIndexOf(table, c)))].filter(
    (i) => i >= 0,
  );
  if (used.length < 2) return undefined;
  const named = used.find((i) => ['y', 't', 'label', 'target'].includes(table.columns[i]));
  const target = named ?? used[used.length - 1];
  const features = used.filter((i) => i !== target);
  if (features.length > 2) return undefined;
  const values = new Set(table.values[target]);
  const labels = [...values].every((v) => v === 1 || v === -1)
    ? ([-1, 1] as const)
    : [...values].every((v) => v === 0 || v === 1)
      ? ([0, 1] as const)
      : undefined;
  return { features, target, labels: values.size === 2 ? labels : undefined };
}

function columnIndexOf(table: DataTable, ref: { base: string; feature?: number }): number {
  const names =
    ref.feature === undefined ? [ref.base] : [`${ref.base}${ref.feature}`, `${ref.base}_${ref.feature}`];
  return table.columns.findIndex((c) => names.includes(c));
}

function span(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = (hi - lo || 1) * 0.05;
  return [lo - pad, hi + pad];
}

function grid([lo, hi]: [number, number]): number[] {
  return Array.from({ length: GRID }, (_, k) => lo + ((hi - lo) * k) / (GRID - 1));
}

/** The fit of each trace point (with the run's parameter values already bound into `parameters`). */
export function fitFrames(
  formula: Formula,
  table: DataTable,
  trace: readonly TracePoint[],
  parameters: Float64Array | undefined,
): FitFrames {
  const roles = fitRoles(table, formula);
  if (roles === undefined) return { kind: 'none' };
  // One row, every column of the table: the loss of a single (x, y) is J with m = 1.
  const single = {
    ...table,
    values: table.values.map(() => new Float64Array(1)),
    rows: 1,
    origin: table.origin,
  };
  const { problem } = compileDataLoss(formula, single);
  if (parameters !== undefined && problem.parameters) problem.parameters.values.set(parameters);
  const cell = (column: number, value: number): void => {
    single.values[column][0] = value;
  };
  const theta = new Float64Array(problem.dimension);
  const loss = (): number => problem.value(theta);
  const [f1, f2] = roles.features;
  const xs = grid(span(table.values[f1]));
  const at = (p: TracePoint): void => theta.set(p.point);
  if (roles.labels === undefined) {
    if (f2 !== undefined) return { kind: 'none' };
    const [ylo, yhi] = span(table.values[roles.target]);
    const wide: [number, number] = [ylo - 10 * (yhi - ylo), yhi + 10 * (yhi - ylo)];
    const frames = trace.map((p) => {
      at(p);
      return xs.map((x) => {
        cell(f1, x);
        return argmin((y) => {
          cell(roles.target, y);
          return loss();
        }, wide);
      });
    });
    return { kind: 'curve', grid: xs, frames };
  }
  const [neg, pos] = roles.labels;
  const margin = (): number => {
    cell(roles.target, pos);
    const a = loss();
    cell(roles.target, neg);
    return a - loss();
  };
  if (f2 === undefined) {
    const frames = trace.map((p) => {
      at(p);
      return root((x) => {
        cell(f1, x);
        return margin();
      }, xs);
    });
    return { kind: 'threshold', frames };
  }
  const x2s = grid(span(table.values[f2]));
  const frames = trace.map((p) => {
    at(p);
    return xs.map((x) => {
      cell(f1, x);
      return root((x2) => {
        cell(f2, x2);
        return margin();
      }, x2s);
    });
  });
  return { kind: 'boundary', grid: xs, frames };
}

/** Golden-section search for the least of a function that falls then rises on [lo, hi]. */
function argmin(f: (y: number) => number, [lo, hi]: [number, number]): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let k = 0; k < GOLDEN_STEPS; k++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** The first sign change of f over the grid, refined by bisection; NaN when f keeps its sign. */
function root(f: (x: number) => number, xs: readonly number[]): number {
  let previous = f(xs[0]);
  for (let k = 1; k < xs.length; k++) {
    const value = f(xs[k]);
    if (previous === 0) return xs[k - 1];
    if (Math.sign(value) !== Math.sign(previous) && Number.isFinite(value) && Number.isFinite(previous)) {
      let a = xs[k - 1];
      let b = xs[k];
      let fa = previous;
      for (let i = 0; i < 40; i++) {
        const m = (a + b) / 2;
        const fm = f(m);
        if (Math.sign(fm) === Math.sign(fa)) {
          a = m;
          fa = fm;
        } else b = m;
      }
      return (a + b) / 2;
    }
    previous = value;
  }
  return NaN;
}

/** Rows drawn in the data view at most (the fit is of all rows; a scatter of more says nothing more). */
export const MAX_SHOWN_ROWS = 5_000;

/** What the data view draws: the columns by role (the first MAX_SHOWN_ROWS rows) and the fit at each frame. */
export interface FitView {
  readonly features: readonly string[];
  readonly target: string;
  readonly labels?: readonly [number, number];
  /** The feature columns, then the target column. */
  readonly columns: readonly Float64Array[];
  readonly fit: FitFrames;
}

/** The data view of a run on `table` (undefined when the loss reads fewer than two columns or more than two features). */
export function fitView(
  formula: Formula,
  table: DataTable,
  trace: readonly TracePoint[],
  parameters: Float64Array | undefined,
): FitView | undefined {
  const roles = fitRoles(table, formula);
  if (roles === undefined) return undefined;
  const shown = (c: number): Float64Array => table.values[c].slice(0, MAX_SHOWN_ROWS);
  return {
    features: roles.features.map((c) => table.columns[c]),
    target: table.columns[roles.target],
    ...(roles.labels ? { labels: roles.labels } : {}),
    columns: [...roles.features, roles.target].map(shown),
    fit: fitFrames(formula, table, trace, parameters),
  };
}
