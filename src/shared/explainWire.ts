// The learning-rate explanation as it crosses to the webview: the quadratic model at the start (with
// the effect words the host wrote, so the webview needs no engine code), and momentum's (η, β) map
// as flat Float64Arrays, row-major by β. Each schema is written once here; types are inferred.
import type { Explanation, PhaseOutcome } from '../usecases/explain';
import {
  anyNumber,
  array,
  fail,
  float64,
  int,
  object,
  ok,
  oneOf,
  optional,
  refine,
  str,
  type Infer,
} from './schema';

/** Caps on what an explanation may hold. */
export const EXPLAIN_LIMITS = { variables: 64, cells: 100, path: 64, effects: 4 } as const;

const BEHAVIOURS = ['crawls', 'converges', 'oscillates', 'diverges', 'flat'] as const;
const SHAPES = ['positive-definite', 'saddle', 'maximum', 'degenerate'] as const;
const vector = float64(EXPLAIN_LIMITS.variables);
const rates = object({ learningRate: anyNumber(), beta: anyNumber() });

/** The quadratic model at a point; absent numbers are null in the engine (not positive definite). */
export const explainWire = object({
  variables: array(str(200), EXPLAIN_LIMITS.variables),
  point: vector,
  shape: oneOf(SHAPES),
  conditionNumber: optional(anyNumber()),
  criticalLearningRate: optional(anyNumber()),
  optimalLearningRate: optional(anyNumber()),
  optimalContraction: optional(anyNumber()),
  momentum: optional(rates),
  directions: array(
    object({
      eigenvalue: anyNumber(),
      vector,
      factor: anyNumber(),
      stepCurvature: anyNumber(),
      behaviour: oneOf(BEHAVIOURS),
    }),
    EXPLAIN_LIMITS.variables,
  ),
  /** One or two sentences on what η does along the directions (wording.ts). */
  effects: array(str(400), EXPLAIN_LIMITS.effects),
  /** κ at sampled iterates (NaN where not positive definite). */
  conditionPath: object({ iterations: float64(EXPLAIN_LIMITS.path), kappas: float64(EXPLAIN_LIMITS.path) }),
});
export type ExplainWire = Infer<typeof explainWire>;

/** Iterations of a cell that diverged (NaN: did not converge within the limit). */
export const DIVERGED_CELL = -1;

/** The (η, β) map: cells[r·count + c] for betas[r] and learningRates[c]. */
export const phaseWire = refine(
  object({
    optimizer: oneOf(['momentum', 'nesterov', 'adam'] as const),
    learningRates: float64(EXPLAIN_LIMITS.cells),
    betas: float64(EXPLAIN_LIMITS.cells),
    cells: float64(EXPLAIN_LIMITS.cells * EXPLAIN_LIMITS.cells),
    best: optional(object({ learningRate: anyNumber(), beta: anyNumber(), iterations: anyNumber() })),
    polyak: optional(rates),
    gradientTolerance: anyNumber(),
    maxIterations: int(0, 1e9),
  }),
  (m) =>
    m.cells.length === m.learningRates.length * m.betas.length ? ok(m) : fail('cells do not fill the grid'),
);
export type PhaseWire = Infer<typeof phaseWire>;

/** The explanation as it crosses (host side), with its effect words. */
export function toExplainWire(e: Explanation, effects: readonly string[]): ExplainWire {
  const m = e.model;
  const opt = <T>(key: string, v: T | null): Record<string, T> => (v === null ? {} : { [key]: v });
  return {
    variables: e.variables,
    point: Float64Array.from(m.point),
    shape: m.shape,
    ...opt('conditionNumber', m.conditionNumber),
    ...opt('criticalLearningRate', m.criticalLearningRate),
    ...opt('optimalLearningRate', m.optimalLearningRate),
    ...opt('optimalContraction', m.optimalContraction),
    ...(m.momentum === null ? {} : { momentum: m.momentum }),
    directions: m.directions.map((d) => ({ ...d, vector: Float64Array.from(d.vector) })),
    effects: effects.slice(0, EXPLAIN_LIMITS.effects),
    conditionPath: {
      iterations: Float64Array.from(e.conditionPath, (p) => p.iteration),
      kappas: Float64Array.from(e.conditionPath, (p) => p.kappa ?? NaN),
    },
  };
}

/** The map as it crosses (host side). */
export function toPhaseWire(p: PhaseOutcome): PhaseWire {
  const { map } = p;
  const cells = Float64Array.from(
    map.iterations.flatMap((row, r) =>
      row.map((v, c) => (v !== null ? v : map.diverged[r]![c] ? DIVERGED_CELL : NaN)),
    ),
  );
  return {
    optimizer: map.optimizer,
    learningRates: Float64Array.from(map.learningRates),
    betas: Float64Array.from(map.betas.slice(0, map.iterations.length)),
    cells,
    ...(map.best === null ? {} : { best: map.best }),
    ...(p.polyak === null ? {} : { polyak: p.polyak }),
    gradientTolerance: map.gradientTolerance,
    maxIterations: p.settings.maxIterations,
  };
}
