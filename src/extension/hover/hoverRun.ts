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

/** 2/λmax at the run's start for plain descent, or null when it cannot be had cheaply. */
function criticalLearningRate(formula: string, options: RunOptions, result: RunResult, limits: EngineLimits): number | null {
  if (result.variables.length > MAX_CRITICAL_DIMENSION || result.trace.length === 0) return null;
  try {
    const { problem } = prepare(formula, options, limits);
    return criticalOf(lambdaMaxAt(problem, result.trace[0].point, options.maximize));
  } catch {
    return null;
  }
}

/** The hover Markdown for `formula`, or why there is none. Never throws. */
export function hoverPreview(formula: string, options: RunOptions, limits: EngineLimits, budgetMs: number): string | NoPreview {
  let result: RunResult | null;
  try {
    result = quickRun(formula, options, budgetMs, limits);
  } catch {
    return 'not-a-formula';
  }
  if (result === null) return 'over-budget';
  const critical = isDiverged(result.stopReason) ? criticalLearningRate(formula, options, result, limits) : undefined;
  return previewMarkdown(formula, result, critical);
}
