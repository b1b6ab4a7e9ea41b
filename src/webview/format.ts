// Numbers for people, optimizer names and the worked steps written out (how a run went is worded
// in usecases/wording.ts, for every surface). Pure functions (no DOM), so they are tested in Node.
import { OPTIMIZERS } from '../engine/optimizers/registry';
import type { OptimizerName } from '../engine/types';
import type { StepsWire } from '../shared/wire';
import { formatNumber as formatShared, formatPoint as formatSharedPoint } from '../shared/numberText';

/** The panel's prose preset of the shared rule: `digits` significant digits (default 6), minus U+2212. */
export function formatNumber(value: number, digits = 6): string {
  return formatShared(value, { digits, minus: '−' });
}

/** A point as "(1, −2.5)", or the single number for one coordinate, in the prose preset. */
export function formatPoint(point: ArrayLike<number>, digits = 6): string {
  return formatSharedPoint(Array.from(point), { digits, minus: '−' });
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
  step: StepsWire[number],
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
