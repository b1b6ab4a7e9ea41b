// What a hover computes, vscode-free: a budgeted quick run of the formula and, when it diverged,
// the critical learning rate 2/λmax at the start, turned into the preview's Markdown.
import { prepare, quickRun } from '../../engine/analyze';
import type { EngineLimits } from '../../engine/limits';
import { criticalOf, isDiverged, lambdaMaxAt } from '../../engine/sweep';
import type { RunOptions, RunResult } from '../../engine/types';
import { previewMarkdown } from './preview';

/** Past this many variables the Hessian for the critical η costs more than a hover may spend. */
const MAX_CRITICAL_DIMENSION = 12;

/** Why a hover shows nothing: the text is no runnable formula, or the run did not fit the budget. */
export type NoPreview = 'not-a-formula' | 'over-budget';

/**
 * 2/λmax at the run's start, when it explains the divergence (η at or past it); null when η is
 * below it (the function is unbounded along the path instead) or it cannot be had cheaply.
 */
function criticalLearningRate(
  formula: string,
  options: RunOptions,
  result: RunResult,
  limits: EngineLimits,
): number | null {
  if (result.variables.length > MAX_CRITICAL_DIMENSION || result.trace.length === 0) return null;
  try {
    const { problem } = prepare(formula, options, limits).compiled;
    const critical = criticalOf(lambdaMaxAt(problem, result.trace[0].point, options.maximize));
    return critical !== null && result.learningRate >= critical ? critical : null;
  } catch {
    return null;
  }
}

/**
 * True for a lone symbol such as `$\alpha$`, `$x_0$` or `$\mathbf{w}_t$`: prose names a quantity
 * there, it does not ask for a descent (and the preview of a linear function says nothing).
 */
export function isBareSymbol(formula: string): boolean {
  const core = formula
    .replace(/\\(mathbf|boldsymbol|vec|mathrm|mathit|bm|hat|bar|tilde)\s*\{([^{}]*)\}/g, '$2')
    .replace(/_(\{[^{}]*\}|\w)/g, '')
    .replace(/\s+/g, '');
  return /^\\?[A-Za-z]+$/.test(core);
}

/** The hover Markdown for `formula`, or why there is none. Never throws. */
export function hoverPreview(
  formula: string,
  options: RunOptions,
  limits: EngineLimits,
  budgetMs: number,
): string | NoPreview {
  if (isBareSymbol(formula)) return 'not-a-formula';
  let result: RunResult | null;
  try {
    result = quickRun(formula, options, budgetMs, limits);
  } catch {
    return 'not-a-formula';
  }
  if (result === null) return 'over-budget';
  // An unbounded run is told without a critical η, so its Hessian is not worth the hover's time.
  const critical =
    isDiverged(result.stopReason) && !result.unbounded
      ? criticalLearningRate(formula, options, result, limits)
      : undefined;
  return previewMarkdown(formula, result, critical);
}

/** Time one slice of hover work may block the host. */
export const HOVER_BUDGET_MS = 10;
/** Slices per hover: the first may go to parsing and compiling (cached by the engine), the next runs. */
export const HOVER_ATTEMPTS = 2;

/**
 * The preview computed in at most `attempts` slices of `budgetMs`, yielding to the event loop between
 * them and stopping when `cancelled()` says so. Resolves to null when there is nothing to show.
 */
export async function previewInSlices(
  formula: string,
  options: RunOptions,
  limits: EngineLimits,
  cancelled: () => boolean,
  budgetMs = HOVER_BUDGET_MS,
  attempts = HOVER_ATTEMPTS,
): Promise<{ readonly markdown: string | null; readonly final: boolean }> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setImmediate(resolve));
    if (cancelled()) return { markdown: null, final: false };
    const computed = hoverPreview(formula, options, limits, budgetMs);
    if (computed === 'over-budget') continue;
    return { markdown: computed === 'not-a-formula' ? null : computed, final: true };
  }
  return { markdown: null, final: false };
}
