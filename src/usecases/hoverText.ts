// The hover preview's Markdown, built from a run result: one sentence on how descent went (in the
// words of wording.ts, with where it ended), a loss sparkline and a command link into the panel.
import { sparklineDataUri } from '../engine/sparkline';
import { isDiverged } from '../engine/sweep';
import type { RunResult } from '../engine/types';
import { formatNumber as formatShared, formatPoint, type NumberTextOptions } from '../shared/numberText';
import { splitData } from '../engine/data/bound';
import { describeOutcome, fitSentence } from './wording';

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

/** A sentence of effect words for Markdown: its variable names and λ_x's underscore escaped. */
function escapeProse(text: string): string {
  return text.replace(/[\\`*_{}[\]#|<>~]/g, (c) => `\\${c}`);
}

/** `x = 1` for one variable, `(x, y) = (1, 2)` for several. */
function assignment(variables: readonly string[], point: readonly number[], star = ''): string {
  const names = variables.map(escapeMarkdown);
  const left = names.length === 1 ? names[0] : `(${names.join(', ')})`;
  return `${left}${star} = ${formatPoint(point, HOVER_NUMBERS)}`;
}

/** `f(x*)` for one variable, `f*` for several (without the star: `f(x)`, `f`). */
function valueName(variables: readonly string[], star = ''): string {
  return variables.length === 1 ? `f(${escapeMarkdown(variables[0])}${star})` : `f${star}`;
}

/** The first letter in lower case: the hover writes the outcome after a colon. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The sentence after the header: converged, stopped or diverged, with where it ended. */
export function outcomeSentence(result: RunResult, criticalLearningRate?: number | null): string {
  const { variables, final } = result;
  const words = describeOutcome(result);
  const headline = lowerFirst(words.headline);
  const where = `${assignment(variables, final.point, '\\*')}, ${valueName(variables, '\\*')} = ${formatNumber(final.value)}`;
  if (words.atStart) {
    // No step was taken, so "converged in 0 iterations" would describe a descent that never ran.
    return `${headline} (${words.reason}): ${assignment(variables, final.point)}, ${valueName(variables)} = ${formatNumber(final.value)}`;
  }
  switch (words.outcome) {
    case 'converged': {
      const kind =
        result.stationary === 'saddle' || result.stationary === 'maximum' ? ` (a ${result.stationary})` : '';
      return `${headline} to ${where}${kind}`;
    }
    case 'stopped':
      return `${headline} (${words.reason}): ${where}`;
    case 'diverged': {
      // The critical η says nothing for a run-off: f runs off the way descent goes at any step size.
      if (result.unbounded) {
        return `${headline}: ${words.reason}; ${lowerFirst(words.advice ?? '')}`.replace(/[;.]\s*$/, '');
      }
      const critical =
        criticalLearningRate != null && Number.isFinite(criticalLearningRate)
          ? ` (critical η ≈ ${formatNumber(criticalLearningRate)})`
          : '';
      return `${headline}${critical}`;
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
  effects: readonly string[] = [],
): string {
  const start = result.trace.length > 0 ? result.trace[0].point : result.final.point;
  const held = (result.parameters ?? []).map((p) => `${escapeMarkdown(p.name)} = ${formatNumber(p.value)}`);
  const parameters = held.length > 0 ? `, with ${held.join(', ')}` : '';
  const header = `**Gradient descent** (${result.optimizer}, η = ${formatNumber(result.learningRate)}, start ${assignment(result.variables, start)}${parameters})`;
  const diverged = isDiverged(result.stopReason);
  const curve = sparklineDataUri(
    result.trace.map((t) => t.value),
    diverged ? { dot: DIVERGED_DOT } : {},
  );
  const lines = [`${header}: ${outcomeSentence(result, criticalLearningRate)}`];
  // The curvature's effects, one line each (Markdown needs two spaces before a line break).
  if (effects.length > 0) lines[0] += `.  \n${effects.map(escapeProse).join('.  \n')}.`;
  const { origin } = splitData(formula);
  // A loss bound to its data: the fit it reached, one full-batch step per epoch.
  if (origin !== undefined) {
    lines.push(
      `Fit to ${origin}: ${escapeMarkdown(fitSentence(result.variables, result.final.point, result.iterations))}`,
    );
  }
  if (curve) lines.push(`![loss per iteration](${curve})`);
  lines.push(`[Open in Gradient Descent panel](${openCommandUri(formula)})`);
  return lines.join('\n\n');
}
