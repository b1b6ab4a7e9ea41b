// The one module of defaults for every surface (panel, hover, Insert Iteration Table, CLI). The
// engine's own defaults (torch's hyper-parameters, stop tests, hard limits) live in engine/settings.ts
// and engine/limits.ts; what a surface adds on top of them is decided here, once.
import { DEFAULT_LIMITS } from '../engine/limits';
import { OPTIMIZER_NAMES, type OptimizerName } from '../engine/types';

/** Iterates a panel run keeps: every iterate of a run up to this long, a faithful downsample beyond. */
export const PANEL_TRACE_POINTS = 4_000;

/** Iterates kept by each side run (a regime, a compared optimizer, a basin start): enough to draw a path. */
export const SIDE_TRACE_POINTS = 500;

/** Iterates kept by a basin run (there may be hundreds of them on one plot). */
export const BASIN_TRACE_POINTS = 60;

/** Iterates the CLI prints without --trace all (its JSON contract). */
export const CLI_TRACE_POINTS = 50;

/** Worked steps written out under a panel run. */
export const WORKED_STEPS = 5;

/** Iterations an inserted iteration table writes (rows k = 0 .. TABLE_ITERATIONS). */
export const TABLE_ITERATIONS = 10;

/** Consecutive rows an exported table lists from the start before it skips to the last iterate. */
export const TABLE_HEAD_ROWS = 1_000;

/** Wall-time budget of one run (a setting may change it within the hard cap). */
export const RUN_TIME_BUDGET_MS = DEFAULT_LIMITS.timeBudgetMs;

/** Time one slice of hover work may block the host, and how many slices a hover gets. */
export const HOVER_BUDGET_MS = 10;
export const HOVER_SLICES = 2;

/** Runs the panel's run list holds; the oldest is dropped first. */
export const PANEL_RUNS = 12;

/** Basin starts per axis of the 2-variable basins view. */
export const BASIN_STARTS_PER_AXIS = 5;

/** Jobs whose estimated cost is below this run inline on the caller's thread; the rest go to the worker. */
export const INLINE_BUDGET_MS = 12;

/** Job results the host keeps (least recently used dropped first). */
export const JOB_CACHE_SIZE = 256;

/** A LaTeX formula compiled soon after activation and in a new worker: its first parse loads the LaTeX parser. */
export const WARM_UP_FORMULA = '$f(x) = \\frac{1}{2}x^{2}$';

/**
 * Quiet time after a run's view is complete before the jobs of its other views are computed in the
 * background (in the worker), so a view switch finds them ready; an edit meanwhile cancels them.
 */
export const PREFETCH_AFTER_MS = 400;

/**
 * The optimizers the comparison runs beside the person's own until they pick others: the classic
 * six (plain gradient descent, the two momentum variants and three adaptive ones).
 */
export const COMPARED_OPTIMIZERS: readonly OptimizerName[] = OPTIMIZER_NAMES;

/** Rows per step of a run on data in the panel: small enough that the noise of mini-batches shows. */
export const PANEL_BATCH_SIZE = 4;

/** How the panel's run on data takes its rows until the person sets it: batches of 4 in file order, the length from max iterations. */
export const PANEL_BATCH: {
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly seed: number;
  /** When given, the run's length in epochs (instead of max iterations). */
  readonly epochs?: number;
} = { batchSize: PANEL_BATCH_SIZE, shuffle: false, seed: 0 };

/** The batch sizes the data view compares (and all rows), on the loss over all rows per epoch. */
export const COMPARED_BATCH_SIZES: readonly number[] = [1, 8, 32];
/** Most epochs each compared batch size runs. */
export const COMPARED_EPOCHS = 50;

/** The learning-rate view's player asks for the curvature at its iterate at most this often while it plays or is dragged. */
export const EXPLAIN_AT_EVERY_MS = 150;
