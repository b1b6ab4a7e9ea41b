// Iteration tables for people to paste: Markdown (notes, "Insert Iteration Table") and CSV, with a
// caption saying what was run. Rows are consecutive iterations from the start, then the last one: a
// table never lists every k-th iterate, and says so where it skips.
import type { EngineLimits } from '../engine/limits';
import type { RunOptions, RunResult, TracePoint } from '../engine/types';
import { formatNumber, formatPoint } from '../shared/numberText';
import { TABLE_HEAD_ROWS, TABLE_ITERATIONS } from './defaults';
import { failureOf, runJob } from './jobOutcome';
import type { ProblemSource } from './problems';
import { resolveRunOptions } from './runOptions';
import { describeBound, splitData } from '../engine/data/bound';
import type { DataRunResult } from '../engine/data/miniBatch';
import { panelDataRun } from './noteData';

/** A number as a table shows it: 6 digits, ASCII minus (programs read these back). */
export function formatCell(value: number): string {
  return formatNumber(value, { digits: 6, minus: '-' });
}

/** The rows a table lists: iterations 0, 1, 2 … as far as they are consecutive (at most `head`), then the last. */
export function tableRows(
  result: RunResult,
  head = TABLE_HEAD_ROWS,
): { rows: TracePoint[]; skipped: number } {
  const trace = result.trace;
  let consecutive = 0;
  while (consecutive < trace.length && consecutive < head && trace[consecutive]!.iteration === consecutive) {
    consecutive++;
  }
  const last = trace[trace.length - 1];
  if (consecutive === trace.length || last === undefined) {
    return { rows: trace.slice(0, consecutive), skipped: 0 };
  }
  const rows = trace.slice(0, consecutive);
  const skipped = last.iteration - (rows[rows.length - 1]?.iteration ?? -1) - 1;
  return { rows: [...rows, last], skipped };
}

/** What was run, in one line: "f(x) = 2x^2 · gd, η = 0.1 · from x₀ = 1". */
export function tableCaption(formula: string, result: RunResult): string {
  const start = result.trace[0]?.point ?? result.final.point;
  const names = result.variables.length === 1 ? result.variables[0] : `(${result.variables.join(', ')})`;
  const eta = formatNumber(result.learningRate, { digits: 6, minus: '-' });
  return `${formula} · ${result.optimizer}, η = ${eta} · from ${names}₀ = ${formatPoint(start, { minus: '-' })}`;
}

function cells(t: TracePoint): string[] {
  return [String(t.iteration), ...t.point.map(formatCell), formatCell(t.value), formatCell(t.gradientNorm)];
}

/** The iterations as a Markdown table, under its caption when given. */
export function iterationsMarkdown(
  result: RunResult,
  options: { caption?: string; head?: number } = {},
): string {
  const { rows, skipped } = tableRows(result, options.head);
  const header = ['k', ...result.variables, 'f', '‖∇f‖'];
  const line = (c: readonly string[]): string => `| ${c.join(' | ')} |`;
  const lines = [line(header), line(header.map(() => '---'))];
  rows.forEach((row, i) => {
    if (skipped > 0 && i === rows.length - 1) {
      lines.push(line(['…', `${skipped} iterations not listed`, ...header.slice(2).map(() => '')]));
    }
    lines.push(line(cells(row)));
  });
  const caption = options.caption ? `*${options.caption}*\n\n` : '';
  return `${caption}${lines.join('\n')}\n`;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The iterations as CSV with full-precision numbers; the caption as a leading # comment line. */
export function iterationsCsv(result: RunResult, caption?: string): string {
  const { rows, skipped } = tableRows(result);
  const lines = caption ? [`# ${caption}`] : [];
  if (skipped > 0) {
    lines.push(
      `# iterations ${rows[rows.length - 2]!.iteration + 1} to ${rows[rows.length - 1]!.iteration - 1} not listed`,
    );
  }
  lines.push(['k', ...result.variables, 'f', 'grad_norm'].map(csvField).join(','));
  for (const t of rows) lines.push([t.iteration, ...t.point, t.value, t.gradientNorm].map(String).join(','));
  return `${lines.join('\n')}\n`;
}

/** How many iterations a table of `result` lists. */
export function listedRows(result: RunResult): number {
  return tableRows(result).rows.length;
}

/** The table "Insert Iteration Table" writes: the first TABLE_ITERATIONS iterations with their caption. */
export function insertedTable(
  problems: ProblemSource,
  formula: string,
  options: RunOptions,
  limits: EngineLimits,
): { table: string } | { error: string } {
  const short: RunOptions = {
    ...options,
    stop: { ...options.stop, maxIterations: TABLE_ITERATIONS },
    traceLimit: 'all',
  };
  const outcome = runJob({ kind: 'formula', formula }, { problems, limits });
  if (!outcome.ok) return { error: outcome.error.message };
  let resolved: RunOptions;
  try {
    resolved = resolveRunOptions(short, outcome.value.variables.length, limits);
  } catch (error) {
    return { error: failureOf(error).message };
  }
  if (splitData(formula).csv !== undefined) return dataTable(problems, formula, resolved, limits);
  const run = runJob({ kind: 'run', formula, options: resolved }, { problems, limits });
  if (!run.ok) return { error: run.error.message };
  const caption = tableCaption(formula, run.value);
  return { table: iterationsMarkdown(run.value, { caption, head: TABLE_ITERATIONS + 1 }).trimEnd() };
}

/** A run on data as a Markdown table of epochs: the variables and the loss on all rows after each. */
export function epochsMarkdown(result: DataRunResult, caption?: string): string {
  const byIteration = new Map(result.trace.map((t) => [t.iteration, t.point] as const));
  const header = ['epoch', ...result.variables, 'loss on all rows'];
  const line = (c: readonly string[]): string => `| ${c.join(' | ')} |`;
  const lines = [line(header), line(header.map(() => '---'))];
  for (const e of result.data.epochLosses) {
    const point = byIteration.get(e.iteration) ?? result.variables.map(() => NaN);
    lines.push(line([String(e.epoch), ...point.map(formatCell), formatCell(e.value)]));
  }
  return `${caption ? `*${caption}*\n\n` : ''}${lines.join('\n')}\n`;
}

/** The table of a loss bound to its data: TABLE_ITERATIONS epochs of the panel's mini-batches. */
function dataTable(
  problems: ProblemSource,
  formula: string,
  options: RunOptions,
  limits: EngineLimits,
): { table: string } | { error: string } {
  const request = panelDataRun(formula, { ...options, traceLimit: 'all' })!;
  const run = runJob({ ...request, epochs: TABLE_ITERATIONS }, { problems, limits });
  if (!run.ok) return { error: run.error.message };
  const d = run.value.data;
  const order = d.shuffle ? `shuffled, seed ${d.seed}` : 'in file order';
  const caption = `${tableCaption(describeBound(formula), run.value)} · batches of ${d.batchSize} ${order}`;
  return { table: epochsMarkdown(run.value, caption).trimEnd() };
}
