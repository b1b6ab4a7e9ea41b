// Numbers for people, optimizer names and the worked steps written out (how a run went is worded
// in usecases/wording.ts, for every surface). Pure functions (no DOM), so they are tested in Node.
import { OPTIMIZERS } from '../engine/optimizers/registry';
import type { OptimizerName } from '../engine/types';
import {
  formatNumber as formatShared,
  formatPoint as formatSharedPoint,
  fromSuperscript,
  subscript as subscriptText,
} from '../shared/numberText';

/** The panel's prose preset of the shared rule: `digits` significant digits (default 6), minus U+2212, 1.5×10⁷. */
export function formatNumber(value: number, digits = 6): string {
  return formatShared(value, { digits, minus: '−', exponent: 'times' });
}

/** A point as "(1, −2.5)", or the single number for one coordinate, in the prose preset. */
export function formatPoint(point: ArrayLike<number>, digits = 6): string {
  return formatSharedPoint(Array.from(point), { digits, minus: '−', exponent: 'times' });
}

/** An integer as subscript digits: 12 -> "₁₂". */
export function subscript(n: number): string {
  return subscriptText(String(n));
}

/** Display names of the optimizers (the engine's descriptors hold them). */
export const OPTIMIZER_LABELS = Object.fromEntries(OPTIMIZERS.map((d) => [d.name, d.label])) as Readonly<
  Record<OptimizerName, string>
>;

/** "2.5×10⁻⁵" (as the panel writes numbers) as "2.5e-5", and "10⁷" as "1e7"; other text as it is. */
function fromPowerOfTen(text: string): string {
  const m = /^(-?)(?:([0-9.]+)[×x·*])?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (!m) return text;
  const exponent = fromSuperscript(m[3]!);
  return `${m[1]}${m[2] ?? '1'}e${exponent}`;
}

/** Parses "1, -2.5" (commas or spaces) into numbers; undefined when any part is not a number. */
export function parseNumberList(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  const values = parts.map((p) => Number(fromPowerOfTen(p.replace(/−/g, '-'))));
  return values.every(Number.isFinite) ? values : undefined;
}

/** What the sweep says of the critical η: 2/λmax, none (λmax ≤ 0), or not known (the budget was cut first). */
export function criticalNote(sweep: {
  readonly lambdaMax: number;
  readonly criticalLearningRate?: number;
  readonly lambdaMaxCut?: boolean;
}): string {
  if (sweep.lambdaMaxCut) {
    return 'λmax is not known: the time budget ran out before it was computed, so the critical learning rate is not marked and the sweep spans a default range.';
  }
  const critical = sweep.criticalLearningRate;
  return critical === undefined
    ? `λmax = ${formatNumber(sweep.lambdaMax, 4)} ≤ 0 at the start: no finite critical learning rate.`
    : `Critical learning rate 2/λmax = ${formatNumber(critical, 4)} (λmax = ${formatNumber(sweep.lambdaMax, 4)}); beyond it plain gradient descent diverges near the start.`;
}
