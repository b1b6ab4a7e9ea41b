// The hover preview's Markdown, built from a run result: one sentence on how descent went, a loss
// sparkline and a command link into the panel. vscode-free so its wording is unit-tested.
import { sparklineDataUri } from '../../engine/sparkline';
import type { RunResult } from '../../engine/types';

/** The command the preview's link runs; the hover trusts this command alone. */
export const OPEN_COMMAND = 'gradientDescent.run';

const DIVERGED_DOT = '#f14c4c';

/** A number for a sentence: 4 significant digits, exponent form for very small or large values. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e5) return String(Number(value.toPrecision(4)));
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** Escapes Markdown syntax in a variable name (e.g. `x_1`). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** `x = 1` for one variable, `(x, y) = (1, 2)` for several. */
function assignment(variables: readonly string[], point: readonly number[], star = ''): string {
  const names = variables.map(escapeMarkdown);
  if (names.length === 1) return `${names[0]}${star} = ${formatNumber(point[0])}`;
  return `(${names.join(', ')})${star} = (${point.map(formatNumber).join(', ')})`;
}

/** `f(x*)` for one variable, `f*` for several. */
function valueName(variables: readonly string[]): string {
  return variables.length === 1 ? `f(${escapeMarkdown(variables[0])}\\*)` : 'f\\*';
}

/** The sentence after the header: converged, stopped or diverged, with where it ended. */
export function outcomeSentence(result: RunResult, criticalLearningRate?: number | null): string {
  const { variables, final, iterations } = result;
  const where = `${assignment(variables, final.point, '\\*')}, ${valueName(variables)} = ${formatNumber(final.value)}`;
  switch (result.stopReason) {
    case 'gradient-tolerance':
    case 'step-tolerance':
    case 'value-tolerance': {
      const kind = result.stationary === 'saddle' || result.stationary === 'maximum' ? ` (a ${result.stationary})` : '';
      return `converged in ${iterations} iterations to ${where}${kind}`;
    }
    case 'max-iterations':
      return `not converged after ${iterations} iterations: ${where}`;
    case 'time-budget':
      return `stopped by the time budget after ${iterations} iterations: ${where}`;
    case 'diverged':
    case 'non-finite': {
      const critical =
        criticalLearningRate != null && Number.isFinite(criticalLearningRate) ? ` (critical η ≈ ${formatNumber(criticalLearningRate)})` : '';
      return `diverged at iteration ${iterations}${critical}`;
    }
  }
}

/** The command URI that opens `formula` in the panel. */
export function openCommandUri(formula: string): string {
  const args = encodeURIComponent(JSON.stringify([formula])).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `command:${OPEN_COMMAND}?${args}`;
}

/** The whole hover Markdown for a run of `formula`. */
export function previewMarkdown(formula: string, result: RunResult, criticalLearningRate?: number | null): string {
  const start = result.trace.length > 0 ? result.trace[0].point : result.final.point;
  const header = `**Gradient descent** (${result.optimizer}, η = ${formatNumber(result.learningRate)}, start ${assignment(result.variables, start)})`;
  const diverged = result.stopReason === 'diverged' || result.stopReason === 'non-finite';
  const curve = sparklineDataUri(
    result.trace.map((t) => t.value),
    diverged ? { dot: DIVERGED_DOT } : {},
  );
  const lines = [`${header}: ${outcomeSentence(result, criticalLearningRate)}`];
  if (curve) lines.push(`![loss per iteration](${curve})`);
  lines.push(`[Open in Gradient Descent panel](${openCommandUri(formula)})`);
  return lines.join('\n\n');
}
