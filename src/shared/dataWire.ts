// A run on data as the webview's data view draws it: the rows by role, the fit at each kept iterate,
// the loss of each step's batch and the full-data loss after each epoch. Schema first, type from it.
import type { FitView } from '../engine/data/fit';
import type { DataRunResult } from '../engine/data/miniBatch';
import type { BatchComparison } from '../usecases/jobs';
import {
  anyNumber,
  array,
  bool,
  float64,
  int,
  literal,
  object,
  optional,
  str,
  union,
  type Infer,
} from './schema';

/** Sizes the guard allows (the engine draws at most 5,000 rows and keeps a bounded trace). */
export const DATA_WIRE_LIMITS = {
  rows: 5_000,
  tracePoints: 200_000,
  fitNumbers: 4_000_000,
  epochs: 200_000,
} as const;

const fitWire = union('kind', {
  none: object({ kind: literal('none') }),
  /** ŷ over `grid`, one row of grid.length numbers per kept iterate. */
  curve: object({ kind: literal('curve'), grid: float64(64), frames: float64(DATA_WIRE_LIMITS.fitNumbers) }),
  /** The x where the two labels cost the same, per kept iterate (NaN: none in view). */
  threshold: object({ kind: literal('threshold'), frames: float64(DATA_WIRE_LIMITS.tracePoints) }),
  /** x₂ of the boundary over `grid` (x₁), one row per kept iterate. */
  boundary: object({
    kind: literal('boundary'),
    grid: float64(64),
    frames: float64(DATA_WIRE_LIMITS.fitNumbers),
  }),
});

/** The data view of one run. */
export const dataWire = object({
  features: array(str(200), 2),
  target: str(200),
  labels: optional(float64(2)),
  /** Feature columns then the target column, the same length each. */
  columns: array(float64(DATA_WIRE_LIMITS.rows), 3),
  rows: int(0, 1e9),
  batchSize: int(0, 1e9),
  batchesPerEpoch: int(0, 1e9),
  shuffle: bool(),
  /** Iterations of the kept iterates and the batch loss at each. */
  iterations: float64(DATA_WIRE_LIMITS.tracePoints),
  losses: float64(DATA_WIRE_LIMITS.tracePoints),
  epochIterations: float64(DATA_WIRE_LIMITS.epochs),
  epochLosses: float64(DATA_WIRE_LIMITS.epochs),
  epochs: anyNumber(),
  fit: fitWire,
  /** The loss on all rows per epoch for batches of 1, 8, 32 and all rows. */
  comparison: array(
    object({
      batchSize: int(1, 1e9),
      epochs: float64(DATA_WIRE_LIMITS.epochs),
      losses: float64(DATA_WIRE_LIMITS.epochs),
    }),
    8,
  ),
});
export type DataWire = Infer<typeof dataWire>;
export type FitWire = DataWire['fit'];

function fitToWire(fit: FitView['fit']): FitWire {
  switch (fit.kind) {
    case 'none':
      return { kind: 'none' };
    case 'threshold':
      return { kind: 'threshold', frames: Float64Array.from(fit.frames) };
    default:
      return {
        kind: fit.kind,
        grid: Float64Array.from(fit.grid),
        frames: Float64Array.from(fit.frames.flat()),
      };
  }
}

/** A run on data with its fit, as it crosses to the webview; undefined without a fit view. */
export function toDataWire(
  run: DataRunResult & { readonly fit?: FitView; readonly comparison?: readonly BatchComparison[] },
): DataWire | undefined {
  const view = run.fit;
  if (view === undefined) return undefined;
  const d = run.data;
  return {
    features: view.features,
    target: view.target,
    ...(view.labels ? { labels: Float64Array.from(view.labels) } : {}),
    columns: view.columns,
    rows: d.rows,
    batchSize: d.batchSize,
    batchesPerEpoch: d.batchesPerEpoch,
    shuffle: d.shuffle,
    iterations: Float64Array.from(run.trace, (p) => p.iteration),
    losses: Float64Array.from(run.trace, (p) => p.value),
    epochIterations: Float64Array.from(d.epochLosses, (e) => e.iteration),
    epochLosses: Float64Array.from(d.epochLosses, (e) => e.value),
    epochs: d.epochs,
    fit: fitToWire(view.fit),
    comparison: (run.comparison ?? []).map((c) => ({
      batchSize: c.batchSize,
      epochs: Float64Array.from(c.epochLosses, (e) => e.epoch),
      losses: Float64Array.from(c.epochLosses, (e) => e.value),
    })),
  };
}
