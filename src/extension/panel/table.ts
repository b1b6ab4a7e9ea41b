// Iteration tables for export: Markdown (for notes, "Insert Iteration Table") and CSV.
import type { RunResult } from '../../engine/types';
import { formatNumber } from '../../shared/numberText';

/** A number as a table shows it: the shared rule, 6 digits, ASCII minus (programs read these back). */
export function formatCell(value: number): string {
  return formatNumber(value, { digits: 6, minus: '-' });
}

function header(result: RunResult): string[] {
  return ['k', ...result.variables, 'f', '‖∇f‖'];
}

function rows(result: RunResult, limit: number): string[][] {
  return result.trace
    .slice(0, Math.max(0, limit))
    .map((t) => [
      String(t.iteration),
      ...t.point.map(formatCell),
      formatCell(t.value),
      formatCell(t.gradientNorm),
    ]);
}

/** The first `limit` recorded iterations as a Markdown table. */
export function iterationsMarkdown(result: RunResult, limit = Number.MAX_SAFE_INTEGER): string {
  const head = header(result);
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows(result, limit)) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n') + '\n';
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every recorded iteration as CSV, with full precision numbers. */
export function iterationsCsv(result: RunResult): string {
  const head = ['k', ...result.variables, 'f', 'grad_norm'].map(csvField);
  const lines = [head.join(',')];
  for (const t of result.trace) {
    lines.push([t.iteration, ...t.point, t.value, t.gradientNorm].map(String).join(','));
  }
  return lines.join('\n') + '\n';
}
