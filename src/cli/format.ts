// Output of the headless CLI: the JSON objects of the stable contract and the readable tables.
import type { DataRunInfo, DataRunResult } from '../engine/data/miniBatch';
import type { RunResult, SweepResult } from '../engine/types';
import { formatNumber as formatShared } from '../shared/numberText';
import { budgetCutText, outcomeSentence } from '../usecases/wording';

/**
 * The `run --json` object: exactly the fields of the contract, nothing the engine adds beside them;
 * with a scheduler also its name, and each trace point's learning rate; the parameters when the
 * formula has some, and the step a time budget cut.
 */
export type RunJson = Pick<
  RunResult,
  'variables' | 'optimizer' | 'learningRate' | 'iterations' | 'stopReason' | 'final' | 'stationary' | 'trace'
> &
  Pick<Partial<RunResult>, 'scheduler' | 'parameters' | 'budgetCut'>;

/** The learning rates picked for the too-small, good and too-large regimes. */
export interface RegimeRates {
  readonly small: number;
  readonly good: number;
  readonly large: number;
}

/** The `sweep --json` object. */
export interface SweepJson {
  readonly variables: readonly string[];
  readonly optimizer: string;
  readonly start: readonly number[];
  readonly lambdaMax: number;
  readonly criticalLearningRate: number | null;
  readonly regimes: RegimeRates;
  readonly points: SweepResult['points'];
  readonly lambdaMaxCut?: true;
}

/** Projects a run result onto the contract's fields (and nothing else). */
export function runJson(result: RunResult): RunJson {
  return {
    variables: result.variables,
    optimizer: result.optimizer,
    learningRate: result.learningRate,
    ...(result.scheduler !== undefined ? { scheduler: result.scheduler } : {}),
    iterations: result.iterations,
    stopReason: result.stopReason,
    final: { point: result.final.point, value: result.final.value, gradientNorm: result.final.gradientNorm },
    stationary: result.stationary,
    trace: result.trace.map((p) => ({
      iteration: p.iteration,
      point: p.point,
      value: p.value,
      gradientNorm: p.gradientNorm,
      ...(p.learningRate !== undefined ? { learningRate: p.learningRate } : {}),
    })),
    ...(result.parameters ? { parameters: result.parameters.map((p) => ({ ...p })) } : {}),
    ...(result.budgetCut ? { budgetCut: result.budgetCut } : {}),
  };
}

/** Said when `--trace all` kept fewer iterates than the run made (a trace's memory is bounded). */
export function traceCutNote(result: RunResult): string | undefined {
  const made = result.iterations + 1;
  if (result.trace.length >= made) return undefined;
  return `note: the trace keeps ${result.trace.length.toLocaleString('en-US')} of the ${made.toLocaleString('en-US')} iterates (traces are bounded in memory; the first, the last and every stretch's extremes are kept).`;
}

/** Projects a sweep onto the `sweep --json` object. */
export function sweepJson(
  sweep: SweepResult,
  info: { variables: readonly string[]; optimizer: string; start: readonly number[] },
  regimes: RegimeRates,
): SweepJson {
  return {
    variables: info.variables,
    optimizer: info.optimizer,
    start: info.start,
    lambdaMax: sweep.lambdaMax,
    criticalLearningRate: sweep.criticalLearningRate,
    regimes,
    points: sweep.points.map((p) => ({ ...p })),
    ...(sweep.lambdaMaxCut ? { lambdaMaxCut: true as const } : {}),
  };
}

/** A number for people: the shared rule's CLI preset, 6 significant digits, ASCII minus. */
export function formatNumber(v: number): string {
  return formatShared(v, { digits: 6, minus: '-' });
}

/** A point, always in parentheses: "(0.6)", "(1, -2.5)". */
function formatPoint(point: readonly number[]): string {
  return `(${point.map(formatNumber).join(', ')})`;
}

/** Lays out rows as left-aligned columns separated by two spaces. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The readable report of one run: a summary and the (possibly decimated) trace. */
export function runTable(result: RunResult): string {
  const vars = result.variables.join(', ');
  const summary = [
    `variables:     ${vars}`,
    `optimizer:     ${result.optimizer}  (learning rate ${formatNumber(result.learningRate)})`,
    ...(result.scheduler ? [`scheduler:     ${result.scheduler}`] : []),
    `iterations:    ${result.iterations}`,
    `stop reason:   ${result.stopReason}`,
    `final point:   ${formatPoint(result.final.point)}`,
    `final value:   ${formatNumber(result.final.value)}`,
    `gradient norm: ${formatNumber(result.final.gradientNorm)}`,
    `stationary:    ${result.stationary}`,
  ];
  if (result.budgetCut) summary.push(`time budget:   ${budgetCutText(result.budgetCut)}`);
  if (result.parameters) {
    summary.push(
      `parameters:    ${result.parameters.map((p) => `${p.name} = ${formatNumber(p.value)}`).join(', ')}`,
    );
  }
  if (result.gradientMethod === 'numeric') summary.push('gradient:      numeric (central differences)');
  summary.push(`outcome:       ${outcomeSentence(result)}`);
  const rates = result.trace.some((p) => p.learningRate !== undefined);
  const rows = result.trace.map((p) => [
    String(p.iteration),
    formatPoint(p.point),
    formatNumber(p.value),
    formatNumber(p.gradientNorm),
    ...(rates ? [p.learningRate === undefined ? '' : formatNumber(p.learningRate)] : []),
  ]);
  const header = ['iteration', `(${vars})`, 'f', '|grad f|', ...(rates ? ['lr'] : [])];
  return `${summary.join('\n')}\n\n${table(header, rows)}\n`;
}

/** The readable report of a sweep: critical step, regimes and one row per learning rate. */
export function sweepTable(json: SweepJson): string {
  const critical =
    json.criticalLearningRate === null
      ? 'none (no positive curvature at the start)'
      : formatNumber(json.criticalLearningRate);
  const summary = [
    `variables:     ${json.variables.join(', ')}`,
    `optimizer:     ${json.optimizer}`,
    `start:         ${formatPoint(json.start)}`,
    `lambda max:    ${json.lambdaMaxCut ? 'not known: the time budget ran out before it was' : formatNumber(json.lambdaMax)}`,
    `critical lr:   ${critical}  (2 / lambda max)`,
    `regimes:       too small ${formatNumber(json.regimes.small)}, good ${formatNumber(json.regimes.good)}, too large ${formatNumber(json.regimes.large)}`,
  ];
  const rows = json.points.map((p) => [
    formatNumber(p.learningRate),
    formatNumber(p.finalValue),
    String(p.iterations),
    p.stopReason,
    p.diverged ? 'diverged' : p.converged ? 'converged' : 'not converged',
  ]);
  return `${summary.join('\n')}\n\n${table(['lr', 'final f', 'iterations', 'stop reason', 'outcome'], rows)}\n`;
}

/** The `run --data --json` object: the run's, with what the data adds (rows, batch size, epoch losses). */
export function dataRunJson(result: DataRunResult): RunJson & { readonly data: DataRunInfo } {
  return { ...runJson(result), data: result.data };
}

/** The run's table, with a line on the data and the full-data loss after each epoch. */
export function dataRunTable(result: DataRunResult): string {
  const d = result.data;
  const order = d.shuffle ? `shuffled (seed ${d.seed})` : 'in file order';
  const lines = [
    `data: ${d.rows} rows, batches of ${d.batchSize} ${order}, ${d.batchesPerEpoch} step${d.batchesPerEpoch === 1 ? '' : 's'} per epoch, ${formatShared(d.epochs, { digits: 4, minus: '-' })} epochs`,
    'epoch  loss on all rows',
    ...shortList(d.epochLosses).map((e) =>
      e === undefined
        ? '  ...'
        : `${String(e.epoch).padStart(5)}  ${formatShared(e.value, { digits: 6, minus: '-' })}`,
    ),
  ];
  return `${runTable(result)}${lines.join('\n')}\n`;
}

/** The first and last ten of a long list, undefined standing for the ones between. */
function shortList<T>(items: readonly T[]): (T | undefined)[] {
  return items.length <= 20 ? [...items] : [...items.slice(0, 10), undefined, ...items.slice(-10)];
}
