// runDataDescent: gradient descent on a loss over data, full-batch or by mini-batches. One iteration
// is one update: the loss and its gradient on that step's rows (m is the batch's size), then the
// optimizer's step and the scheduler's, in torch's order. Every optimizer works as it is; the
// tolerance stops are left out of mini-batch runs, where the loss is noisy by design.
import { dataBindingOf, useAllRows, type DataBinding } from '../compile/dataLoss';
import { prepareRun, runDescent, type RunControl } from '../descent';
import { allFinite, CLOCK_INTERVAL, norm, outOfTime } from '../loop';
import { DIVERGENCE_FACTOR } from '../settings';
import { classifyStationary } from '../stationary';
import { TraceRecorder } from '../trace';
import { FormulaError, type Problem, type RunOptions, type RunResult, type StopReason } from '../types';
import { BatchSampler, batchesPerEpoch, checkBatchSettings, type BatchSettings } from './batches';

/** One full-data loss, after a whole number of epochs (epoch 0 is the start). */
export interface EpochLoss {
  readonly epoch: number;
  /** The iteration the epoch ended at. */
  readonly iteration: number;
  readonly value: number;
}

/** What a run on data adds to a RunResult. */
export interface DataRunInfo {
  readonly rows: number;
  /** Rows per step, at most the row count. */
  readonly batchSize: number;
  readonly batchesPerEpoch: number;
  readonly shuffle: boolean;
  readonly seed: number;
  /** Epochs completed (a fraction when the run stopped inside one). */
  readonly epochs: number;
  /** The loss on all rows after each epoch, the start first. */
  readonly epochLosses: readonly EpochLoss[];
}

/** A run on data: the trace's values are each step's batch loss; `final` is on all rows. */
export interface DataRunResult extends RunResult {
  readonly data: DataRunInfo;
}

function bindingOf(problem: Problem): DataBinding {
  const binding = dataBindingOf(problem);
  if (binding === undefined) throw new FormulaError('The formula has no sum over a data set.', 'bad-option');
  return binding;
}

function fullLoss(binding: DataBinding, problem: Problem, x: Float64Array): number {
  useAllRows(binding);
  return problem.value(x);
}

/** Runs descent on a loss over data; `epochs`, when given, sets the iterations (epochs × steps per epoch). */
export function runDataDescent(
  problem: Problem,
  options: RunOptions,
  batch: BatchSettings,
  epochs?: number,
  control?: RunControl,
): DataRunResult {
  const binding = bindingOf(problem);
  const settings = checkBatchSettings(batch);
  const rows = binding.table.rows;
  const perEpoch = batchesPerEpoch(rows, settings.batchSize);
  const stop =
    epochs === undefined
      ? options.stop
      : { ...options.stop, maxIterations: Math.max(0, Math.round(epochs * perEpoch)) };
  const run = { ...options, stop };
  const info = {
    rows,
    ...settings,
    batchSize: Math.min(settings.batchSize, rows),
    batchesPerEpoch: perEpoch,
  };
  if (settings.batchSize >= rows && !settings.shuffle) {
    // Full batch: every step reads all rows, so the ordinary run (and its tolerance stops) applies.
    useAllRows(binding);
    const result = runDescent(problem, run, control);
    const epochLosses = result.trace.map((p) => ({
      epoch: p.iteration,
      iteration: p.iteration,
      value: p.value,
    }));
    return { ...result, data: { ...info, epochs: result.iterations, epochLosses } };
  }
  return miniBatchRun(problem, binding, run, settings, info, control);
}

function miniBatchRun(
  problem: Problem,
  binding: DataBinding,
  options: RunOptions,
  settings: BatchSettings,
  info: Omit<DataRunInfo, 'epochs' | 'epochLosses'>,
  control: RunControl | undefined,
): DataRunResult {
  const prepared = prepareRun(problem, options);
  const { calledAt, startedAt, stop, parameters, x, optimizer, scheduler } = prepared;
  const optimizerSettings = prepared.settings;
  const n = problem.dimension;
  const sampler = new BatchSampler(info.rows, settings);
  const gradient = new Float64Array(n);
  const recorder = new TraceRecorder(n, options.traceLimit, true);
  const epochLosses: EpochLoss[] = [{ epoch: 0, iteration: 0, value: fullLoss(binding, problem, x) }];
  const limits = {
    maxIterations: Math.min(stop.maxIterations, scheduler?.maxSteps ?? Infinity),
    divergenceLimit: DIVERGENCE_FACTOR * Math.max(1, Math.abs(epochLosses[0].value)),
    timeBudgetMs: stop.timeBudgetMs,
    startedAt,
    ...(control ? { interrupted: control.interrupted } : {}),
  };
  const evaluate = (): number => {
    const rows = sampler.next();
    binding.rows = rows;
    binding.count = rows.length;
    return problem.valueAndGradient(x, gradient);
  };
  let value = evaluate();
  let lr = optimizer.group.lr;
  recorder.record(x, value, norm(gradient), lr);
  let iterations = 0;
  let reason: StopReason = 'max-iterations';
  while (iterations < limits.maxIterations) {
    if (!(Number.isFinite(value) && allFinite(gradient))) {
      reason = 'non-finite';
      break;
    }
    lr = optimizer.group.lr;
    optimizer.step(x, gradient, value);
    if (optimizer.stopReason !== undefined) {
      reason = optimizer.stopReason;
      break;
    }
    scheduler?.step(value);
    iterations++;
    if (sampler.endOfEpoch()) {
      epochLosses.push({ epoch: sampler.epoch, iteration: iterations, value: fullLoss(binding, problem, x) });
    }
    value = evaluate();
    recorder.record(x, value, norm(gradient), lr);
    if (!(Number.isFinite(value) && allFinite(x))) reason = 'non-finite';
    else if (Math.abs(value) > limits.divergenceLimit) reason = 'diverged';
    else if (
      iterations % CLOCK_INTERVAL === 0 &&
      outOfTime({ ...limits, gradientTolerance: 0, stepTolerance: 0, valueTolerance: 0 })
    ) {
      reason = 'time-budget';
    } else continue;
    break;
  }
  useAllRows(binding);
  const finalValue = problem.valueAndGradient(x, gradient);
  const diverged = reason === 'diverged' || reason === 'non-finite';
  const kind = diverged ? 'not-stationary' : classifyStationary(problem, x, Infinity);
  return {
    variables: problem.variables,
    optimizer: optimizerSettings.name,
    learningRate: optimizerSettings.lr,
    ...(options.scheduler ? { scheduler: options.scheduler.name } : {}),
    iterations,
    stopReason: reason,
    final: { point: Array.from(x), value: finalValue, gradientNorm: norm(gradient) },
    stationary: kind ?? 'not-stationary',
    trace: recorder.finish(),
    gradientMethod: problem.gradientMethod,
    elapsedMs: performance.now() - calledAt,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(reason === 'time-budget' ? { budgetCut: 'iterations' as const } : {}),
    data: { ...info, epochs: iterations / info.batchesPerEpoch, epochLosses },
  };
}
