// Words and numbers for people: stop reasons, stationary kinds, optimizer names and the worked
// steps written out. Pure functions (no DOM), so they are tested in Node.
import type { OptimizerName, RunResult, StationaryKind, StopReason, WorkedStep } from '../engine/types';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import { formatNumber as formatShared, formatPoint as formatSharedPoint } from '../shared/numberText';

/** The panel's prose preset of the shared rule: `digits` significant digits (default 6), minus U+2212. */
export function formatNumber(value: number, digits = 6): string {
  return formatShared(value, { digits, minus: '−' });
}

/** A point as "(1, −2.5)", or the single number for one coordinate, in the prose preset. */
export function formatPoint(point: readonly number[], digits = 6): string {
  return formatSharedPoint(point, { digits, minus: '−' });
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** An integer as subscript digits: 12 -> "₁₂". */
export function subscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUBSCRIPTS[Number(d)] ?? d)
    .join('');
}

/** Display names of the optimizers (the engine's descriptors hold them). */
export const OPTIMIZER_LABELS = Object.fromEntries(OPTIMIZERS.map((d) => [d.name, d.label])) as Readonly<
  Record<OptimizerName, string>
>;

/** Why a run stopped, in words. */
export function stopReasonText(reason: StopReason, iterations: number): string {
  const n = `${iterations} iteration${iterations === 1 ? '' : 's'}`;
  switch (reason) {
    case 'gradient-tolerance':
      return `Converged in ${n}: the gradient became smaller than the tolerance.`;
    case 'step-tolerance':
      return `Converged in ${n}: the steps became smaller than the tolerance.`;
    case 'value-tolerance':
      return `Converged in ${n}: the value stopped changing.`;
    case 'max-iterations':
      return `Stopped after the maximum of ${n} without converging.`;
    case 'time-budget':
      return `Stopped after ${n}: the time budget ran out.`;
    case 'diverged':
      return `Diverged at iteration ${iterations}: the values grew without bound. Try a smaller learning rate.`;
    case 'non-finite':
      return `Stopped at iteration ${iterations}: the function or its gradient is undefined there.`;
    case 'not-positive-definite':
      return `Stopped at iteration ${iterations}: the Hessian is not positive definite there, so Newton's step would not descend.`;
  }
}

/**
 * Why a run stopped, in words; a run that diverged the way it was going (f fell without bound while
 * minimizing, rose while maximizing) is told that a smaller learning rate will not help.
 */
export function runOutcomeText(run: Pick<RunResult, 'stopReason' | 'iterations' | 'unbounded'>): string {
  if (!run.unbounded) return stopReasonText(run.stopReason, run.iterations);
  const fell = run.unbounded === 'below';
  return `Diverged at iteration ${run.iterations}: f ${fell ? 'fell' : 'rose'} without bound (towards ${fell ? '−∞' : '+∞'}), so it has no ${fell ? 'minimum' : 'maximum'} along this path; a smaller learning rate only slows the ${fell ? 'fall' : 'climb'}.`;
}

/** What kind of point the run ended at, in words. */
export function stationaryText(kind: StationaryKind): string {
  switch (kind) {
    case 'minimum':
      return 'a local minimum';
    case 'maximum':
      return 'a local maximum';
    case 'saddle':
      return 'a saddle point';
    case 'degenerate':
      return 'a stationary point of unclear kind (the Hessian is singular)';
    case 'not-stationary':
      return 'not a stationary point (the gradient is not small)';
  }
}

function term(value: number): string {
  const text = formatNumber(value);
  return value < 0 ? `(${text})` : text;
}

/** The name of variable `name` at iteration k: "x₀", "θ₁". */
export function at(name: string, k: number): string {
  return `${name}${subscript(k)}`;
}

/**
 * One worked step written out, one line per coordinate (plus the optimizer's intermediate
 * quantities): "x₁ = x₀ − η·f′(x₀) = 1 − 0.1·4 = 0.6".
 */
export function workedStepLines(
  step: WorkedStep,
  variables: readonly string[],
  optimizer: OptimizerName,
  maximize: boolean,
  learningRate = step.learningRate,
): string[] {
  const k = step.iteration;
  const sign = maximize ? '+' : '−';
  const lines: string[] = [];
  const single = variables.length === 1;
  const args = variables.map((v) => at(v, k)).join(', ');
  lines.push(`f(${args}) = ${formatNumber(step.value)}`);
  variables.forEach((v, i) => {
    const d = single ? `f′(${at(v, k)})` : `∂f/∂${v}`;
    lines.push(`${d} = ${formatNumber(step.gradient[i])}`);
  });
  for (const q of step.quantities) {
    lines.push(`${q.symbol ? at(q.symbol, k + 1) : q.name} = ${formatPoint(q.value)}`);
  }
  variables.forEach((v, i) => {
    const x = step.point[i];
    const next = step.next[i];
    if (optimizer === 'gd') {
      const d = single ? `f′(${at(v, k)})` : `∂f/∂${v}`;
      lines.push(
        `${at(v, k + 1)} = ${at(v, k)} ${sign} η·${d} = ${formatNumber(x)} ${sign} ${formatNumber(step.learningRate)}·${term(step.gradient[i])} = ${formatNumber(next)}`,
      );
    } else {
      // torch folds maximize into the gradient (the quantities above come from −∇f), so the update is
      // always x − η·u. Adam's engine step size is η/(1 − β₁ᵗ); with the run's η, u is m̂/(√v̂ + ε) as listed.
      const eta = optimizer === 'adam' ? learningRate : step.learningRate;
      const u = (x - next) / eta || 0;
      lines.push(
        `${at(v, k + 1)} = ${at(v, k)} − η·u = ${formatNumber(x)} − ${formatNumber(eta)}·${term(u)} = ${formatNumber(next)}`,
      );
    }
  });
  return lines;
}

/** Parses "1, -2.5" (commas or spaces) into numbers; undefined when any part is not a number. */
export function parseNumberList(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  const values = parts.map((p) => Number(p.replace(/−/g, '-')));
  return values.every(Number.isFinite) ? values : undefined;
}
