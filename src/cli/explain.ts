// The CLI's explain and phase commands: the local quadratic model at the start, and momentum's
// (η, β) map, through the same jobs the panel runs; JSON of the contract (issue 14) or readable text.
import { PHASE_OPTIMIZERS, type PhaseOptimizer } from '../engine/phaseKernel';
import type { PhaseSettings } from '../engine/phaseMap';
import type { QuadraticModel } from '../engine/quadraticModel';
import { resolveOptimizer } from '../engine/settings';
import { FormulaError, type RunOptions } from '../engine/types';
import { formatNumber, formatPoint } from '../shared/numberText';
import type { PhaseOutcome } from '../usecases/explain';
import { computeJob, type JobContext } from '../usecases/jobs';
import { curvatureEffects, directionName } from '../usecases/wording';
import type { CliArgs } from './args';

/** The `explain --json` object: exactly the contract's fields. */
export interface ExplainJson {
  readonly variables: readonly string[];
  readonly point: readonly number[];
  readonly eigenvalues: readonly number[];
  readonly eigenvectors: readonly (readonly number[])[];
  readonly conditionNumber: number | null;
  readonly criticalLearningRate: number | null;
  readonly optimalLearningRate: number | null;
  readonly momentum: { readonly learningRate: number; readonly beta: number } | null;
  readonly directions: readonly {
    readonly eigenvalue: number;
    readonly vector: readonly number[];
    readonly factor: number;
    readonly behaviour: string;
  }[];
}

/** The `phase --json` object: exactly the contract's fields. */
export interface PhaseJson {
  readonly learningRates: readonly number[];
  readonly betas: readonly number[];
  readonly iterations: readonly (readonly (number | null)[])[];
  readonly best: { readonly learningRate: number; readonly beta: number; readonly iterations: number } | null;
}

const TEXT = { digits: 6 } as const;

export function explainJson(variables: readonly string[], m: QuadraticModel): ExplainJson {
  return {
    variables,
    point: m.point,
    eigenvalues: m.eigenvalues,
    eigenvectors: m.eigenvectors,
    conditionNumber: m.conditionNumber,
    criticalLearningRate: m.criticalLearningRate,
    optimalLearningRate: m.optimalLearningRate,
    momentum: m.momentum,
    directions: m.directions.map(({ eigenvalue, vector, factor, behaviour }) => ({
      eigenvalue,
      vector,
      factor,
      behaviour,
    })),
  };
}

const SHAPE_TEXT: Readonly<Record<QuadraticModel['shape'], string>> = {
  'positive-definite': 'positive definite',
  saddle: 'a saddle: the curvature is negative along some direction',
  maximum: 'a maximum: the curvature is negative along every direction',
  degenerate: 'degenerate: the curvature is zero along some direction',
};

/** The readable explanation. */
export function explainText(variables: readonly string[], m: QuadraticModel, lr: number): string {
  const n = (v: number | null): string => (v === null ? 'none' : formatNumber(v, TEXT));
  // A direction along one axis is named by its variable: "along b (0, 1)".
  const along = (vector: readonly number[]): string => {
    const name = directionName(variables, vector);
    return `${name === undefined ? '' : `${name} `}${formatPoint(vector, { digits: 4 })}`;
  };
  const lines = [
    `Local quadratic model in (${variables.join(', ')}) at ${formatPoint(m.point, TEXT)} (${SHAPE_TEXT[m.shape]}):`,
    ...m.directions.map(
      (d) =>
        `  λ = ${n(d.eigenvalue)} along ${along(d.vector)}: at η = ${n(lr)} factor ${n(d.factor)}, ${d.behaviour}`,
    ),
    `condition number κ = λmax/λmin: ${n(m.conditionNumber)}`,
    `critical learning rate 2/λmax: ${n(m.criticalLearningRate)}`,
    `best fixed learning rate 2/(λmin + λmax): ${n(m.optimalLearningRate)}${m.optimalContraction === null ? '' : ` (the error shrinks ×${n(m.optimalContraction)} per step)`}`,
    `heavy-ball optimum (Polyak): ${m.momentum === null ? 'none' : `learning rate ${n(m.momentum.learningRate)}, momentum ${n(m.momentum.beta)}`}`,
    ...curvatureEffects(variables, m.directions).map((line) => `${line}.`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `explain`: the model at the start for --lr (gd's default η when none is given). */
export function runExplain(
  args: CliArgs,
  options: RunOptions,
  variables: readonly string[],
  ctx: JobContext,
): string {
  const lr = args.lr ?? resolveOptimizer({ name: 'gd' }).lr;
  const { model } = computeJob(
    {
      kind: 'explain',
      formula: args.formula,
      point: options.start,
      lr,
      maximize: options.maximize,
      ...(options.parameters !== undefined ? { parameters: options.parameters } : {}),
    },
    ctx,
  );
  return args.json ? `${JSON.stringify(explainJson(variables, model))}\n` : explainText(variables, model, lr);
}

/** --optimizer of phase: one of the map's optimizers. */
function phaseOptimizer(text: string | undefined): PhaseOptimizer {
  if (text === undefined) return 'momentum';
  const name = PHASE_OPTIMIZERS.find((o) => o === text.trim().toLowerCase());
  if (name === undefined) {
    throw new FormulaError(
      `--optimizer of phase is one of ${PHASE_OPTIMIZERS.join(', ')}; got "${text}".`,
      'bad-option',
    );
  }
  return name;
}

export function phaseJson(outcome: PhaseOutcome): PhaseJson {
  const { learningRates, betas, iterations, best } = outcome.map;
  return { learningRates, betas, iterations, best };
}

/** Shades from few iterations to many; '·' did not converge, 'x' diverged. */
const SHADES = '@%#*+=-:.';

/** The readable map: one line per β (largest on top), one character per η, log-scaled shades. */
export function phaseText(outcome: PhaseOutcome): string {
  const { map } = outcome;
  const counts = map.iterations.flat().filter((v): v is number => v !== null);
  const lo = Math.log(Math.max(1, Math.min(...counts)));
  const hi = Math.log(Math.max(1, ...counts));
  const shade = (v: number | null, diverged: boolean): string => {
    if (v === null) return diverged ? 'x' : '·';
    const t = hi > lo ? (Math.log(Math.max(1, v)) - lo) / (hi - lo) : 0;
    return SHADES[Math.min(SHADES.length - 1, Math.floor(t * SHADES.length))]!;
  };
  const f = (v: number): string => formatNumber(v, { digits: 3 });
  const rows = map.betas
    .map(
      (beta, r) =>
        `${f(beta).padStart(6)} ${map.iterations[r]!.map((v, c) => shade(v, map.diverged[r]![c]!)).join('')}`,
    )
    .reverse();
  const best = map.best;
  const lines = [
    `Iterations to ‖∇f‖ < ${f(map.gradientTolerance)} for ${map.optimizer}, η from ${f(map.learningRates[0]!)} to ${f(map.learningRates[map.learningRates.length - 1]!)} (log scale, left to right), β up the side:`,
    ...rows,
    `shades: ${SHADES[0]} fewest (${counts.length > 0 ? Math.min(...counts) : '–'}) to ${SHADES[SHADES.length - 1]} most (${counts.length > 0 ? Math.max(...counts) : '–'}); · not converged, x diverged`,
    best === null
      ? 'No cell converged.'
      : `best: η = ${f(best.learningRate)}, β = ${f(best.beta)} in ${best.iterations} iterations`,
    ...(outcome.polyak
      ? [
          `Polyak's optimum for this quadratic: η = ${f(outcome.polyak.learningRate)}, β = ${f(outcome.polyak.beta)}`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** `phase`: the map from the start. */
export function runPhase(args: CliArgs, options: RunOptions, ctx: JobContext): string {
  const phase: Partial<PhaseSettings> = {
    optimizer: phaseOptimizer(args.optimizer),
    ...(args.lrMin !== undefined ? { lrMin: args.lrMin } : {}),
    ...(args.lrMax !== undefined ? { lrMax: args.lrMax } : {}),
    ...(args.betaMin !== undefined ? { betaMin: args.betaMin } : {}),
    ...(args.betaMax !== undefined ? { betaMax: args.betaMax } : {}),
    ...(args.count !== undefined ? { count: args.count } : {}),
    ...(args.maxIterations !== undefined ? { maxIterations: args.maxIterations } : {}),
  };
  const outcome = computeJob({ kind: 'phase', formula: args.formula, options, phase }, ctx);
  return args.json ? `${JSON.stringify(phaseJson(outcome))}\n` : phaseText(outcome);
}
