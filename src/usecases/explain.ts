// The learning-rate explanation jobs: the quadratic model at a point for the run's η (with κ along
// the path when the path is given), and momentum's (η, β) map from the start with Polyak's optimum
// beside it when f is a quadratic (its model is then f itself, so the optimum is exact).
import type { RunControl } from '../engine/descent';
import { startPoint } from '../engine/descent';
import { hessianAt } from '../engine/hessian';
import { bindParameters } from '../engine/parameters';
import { phaseMap, phaseSettings, type PhaseMap, type PhaseSettings } from '../engine/phaseMap';
import { conditionAlong, quadraticModelAt, type QuadraticModel } from '../engine/quadraticModel';
import type { Problem, RunOptions } from '../engine/types';

/** κ is sampled at this many iterates of a path at most. */
export const CONDITION_SAMPLES = 24;

/** The model at a point, and κ at iterates of the path that led there. */
export interface Explanation {
  readonly variables: readonly string[];
  readonly model: QuadraticModel;
  /** κ at sampled iterates (null where not positive definite), with their iteration numbers. */
  readonly conditionPath: readonly { readonly iteration: number; readonly kappa: number | null }[];
}

/** A map with what it covered and, for a quadratic, Polyak's optimum. */
export interface PhaseOutcome {
  readonly map: PhaseMap;
  readonly settings: PhaseSettings;
  /** Polyak's heavy-ball optimum when f is a positive definite quadratic (momentum maps only). */
  readonly polyak: { readonly learningRate: number; readonly beta: number } | null;
}

/** Every k-th of the points so that at most `count` remain, the first and last kept. */
function sampled<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.round((k * (items.length - 1)) / (count - 1))]!);
}

/** The model at `point` for η = `lr`, with κ along `path` (iteration, point) when given. */
export function explainAt(
  problem: Problem,
  point: readonly number[],
  lr: number | undefined,
  maximize: boolean,
  path: readonly { readonly iteration: number; readonly point: readonly number[] }[] = [],
): Explanation {
  const x = Array.from(startPoint(point, problem.dimension));
  const picked = sampled(path, CONDITION_SAMPLES);
  const kappas = conditionAlong(
    problem,
    picked.map((p) => p.point),
    maximize,
  );
  return {
    variables: problem.variables,
    model: quadraticModelAt(problem, x, lr, maximize),
    conditionPath: picked.map((p, k) => ({ iteration: p.iteration, kappa: kappas[k] ?? null })),
  };
}

/** Relative change of a Hessian entry, between two points, below which f counts as a quadratic. */
const QUADRATIC_RELATIVE = 1e-6;

/** True when the Hessian is the same at x and at x + 1 in every coordinate (f is a quadratic there). */
export function looksQuadratic(problem: Problem, x: readonly number[]): boolean {
  const a = hessianAt(problem, x);
  const b = hessianAt(
    problem,
    x.map((v) => v + 1),
  );
  let scale = 0;
  for (const v of a) scale = Math.max(scale, Math.abs(v));
  return a.every((v, i) => Math.abs(v - b[i]!) <= QUADRATIC_RELATIVE * Math.max(scale, 1e-12));
}

/** The map from options' start over `partial`'s range (completed by phaseSettings). */
export function phaseOutcome(
  problem: Problem,
  options: RunOptions,
  partial: Partial<PhaseSettings>,
  control?: RunControl,
): PhaseOutcome {
  bindParameters(problem, options.parameters);
  const settings = phaseSettings(problem, options, partial);
  const map = phaseMap(problem, options, settings, control);
  const start = Array.from(startPoint(options.start, problem.dimension, options.fitStart));
  const polyak =
    settings.optimizer !== 'adam' && looksQuadratic(problem, start)
      ? quadraticModelAt(problem, start, undefined, options.maximize).momentum
      : null;
  return { map, settings, polyak };
}
