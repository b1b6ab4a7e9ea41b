// The hover preview's Markdown, built from a run result: one sentence on how descent went, a loss
// sparkline and a command link into the panel. vscode-free so its wording is unit-tested.
import { sparklineDataUri } from '../../engine/sparkline';
import { isDiverged } from '../../engine/sweep';
import type { RunResult, StationaryKind, StopReason } from '../../engine/types';
import { formatNumber as formatShared, formatPoint, type NumberTextOptions } from '../../shared/numberText';

/** The command the preview's link runs; the hover trusts this command alone. */
export const OPEN_COMMAND = 'gradientDescent.run';

const DIVERGED_DOT = '#f14c4c';
const HOVER_NUMBERS: NumberTextOptions = { digits: 4, minus: '−' };

/** A number for a sentence: the shared rule's hover preset, 4 significant digits, minus U+2212. */
export function formatNumber(value: number): string {
  return formatShared(value, HOVER_NUMBERS);
}

/** Escapes Markdown syntax in a variable name (e.g. `x_1`). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** `x = 1` for one variable, `(x, y) = (1, 2)` for several. */
function assignment(variables: readonly string[], point: readonly number[], star = ''): string {
  const names = variables.map(escapeMarkdown);
  const left = names.length === 1 ? names[0] : `(${names.join(', ')})`;
  return `${left}${star} = ${formatPoint(point, HOVER_NUMBERS)}`;
}

/** "1 iteration", "2 iterations". */
function iterationCount(n: number): string {
  return `${n} iteration${n === 1 ? '' : 's'}`;
}

/** The stationary kind as a noun: "minimum", "saddle point". */
function stationaryNoun(kind: StationaryKind): string {
  switch (kind) {
    case 'minimum':
    case 'maximum':
      return kind;
    case 'saddle':
      return 'saddle point';
    case 'degenerate':
    case 'not-stationary':
      return 'stationary point';
  }
}

const START_STOPS: Readonly<Record<Extract<StopReason, `${string}-tolerance`>, string>> = {
  'gradient-tolerance': 'the gradient is below the tolerance',
  'step-tolerance': 'the step is below the tolerance',
  'value-tolerance': 'the value does not change',
};

/** `f(x*)` for one variable, `f*` for several (without the star: `f(x)`, `f`). */
function valueName(variables: readonly string[], star = ''): string {
  return variables.length === 1 ? `f(${escapeMarkdown(variables[0])}${star})` : `f${star}`;
}

/** The sentence after the header: converged, stopped or diverged, with where it ended. */
export function outcomeSentence(result: RunResult, criticalLearningRate?: number | null): string {
  const { variables, final, iterations } = result;
  const where = `${assignment(variables, final.point, '\\*')}, ${valueName(variables, '\\*')} = ${formatNumber(final.value)}`;
  switch (result.stopReason) {
    case 'gradient-tolerance':
    case 'step-tolerance':
    case 'value-tolerance': {
      if (iterations === 0) {
        // No step was taken, so "converged in 0 iterations" would describe a descent that never ran.
        const at = `${assignment(variables, final.point)}, ${valueName(variables)} = ${formatNumber(final.value)}`;
        return `the start is already a ${stationaryNoun(result.stationary)} (${START_STOPS[result.stopReason]}): ${at}`;
      }
      const kind =
        result.stationary === 'saddle' || result.stationary === 'maximum' ? ` (a ${result.stationary})` : '';
      return `converged in ${iterationCount(iterations)} to ${where}${kind}`;
    }
    case 'max-iterations':
      return `not converged after ${iterationCount(iterations)}: ${where}`;
    case 'time-budget':
      return `stopped by the time budget after ${iterationCount(iterations)}: ${where}`;
    case 'not-positive-definite':
      return `stopped after ${iterationCount(iterations)}: the Hessian is not positive definite at ${where}`;
    case 'diverged':
    case 'non-finite': {
      if (result.unbounded) {
        // The critical η says nothing here: f runs off the way descent goes at any step size.
        const fell = result.unbounded === 'below';
        return `diverged at iteration ${iterations}: f ${fell ? 'falls' : 'rises'} without bound, so there is no ${fell ? 'minimum' : 'maximum'} along this path`;
      }
      const critical =
        criticalLearningRate != null && Number.isFinite(criticalLearningRate)
          ? ` (critical η ≈ ${formatNumber(criticalLearningRate)})`
          : '';
      return `diverged at iteration ${iterations}${critical}`;
    }
  }
}

/** The command URI that opens `formula` in the panel. */
export function openCommandUri(formula: string): string {
  const args = encodeURIComponent(JSON.stringify([formula]))
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29');
  return `command:${OPEN_COMMAND}?${args}`;
}

/** The whole hover Markdown for a run of `formula`. */
export function previewMarkdown(
  formula: string,
  result: RunResult,
  criticalLearningRate?: number | null,
): string {
  const start = result.trace.length > 0 ? result.trace[0].point : result.final.point;
  const header = `**Gradient descent** (${result.optimizer}, η = ${formatNumber(result.learningRate)}, start ${assignment(result.variables, start)})`;
  const diverged = isDiverged(result.stopReason);
  const curve = sparklineDataUri(
    result.trace.map((t) => t.value),
    diverged ? { dot: DIVERGED_DOT } : {},
  );
  const lines = [`${header}: ${outcomeSentence(result, criticalLearningRate)}`];
  if (curve) lines.push(`![loss per iteration](${curve})`);
  lines.push(`[Open in Gradient Descent panel](${openCommandUri(formula)})`);
  return lines.join('\n\n');
}
