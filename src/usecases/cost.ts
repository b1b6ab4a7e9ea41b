// What a job will cost before it runs, from the measured cost of one evaluation of the formula: the
// host runs a job inline when this says it is cheap, and hands it to its worker otherwise. The
// estimate errs on the slow side (iteration caps, not the iterations a run will take).
import { CURVE_SAMPLES, GRID_SIDE, VALLEY_SCAN } from '../engine/landscape';
import type { EngineLimits } from '../engine/limits';
import { DEFAULT_PHASE_COUNT, DEFAULT_PHASE_ITERATIONS } from '../engine/phaseMap';
import type { RunOptions } from '../engine/types';
import { CONDITION_SAMPLES } from './explain';
import type { JobRequest } from './jobs';
import type { ProblemSource } from './problems';

/** A formula up to this long parses and compiles in a few milliseconds (longer LaTeX can take tens). */
const QUICK_FORMULA_LENGTH = 500;
/** What parsing and compiling a short formula costs, in ms. */
const QUICK_FORMULA_MS = 8;
/** An optimizer's own work per iteration and variable, in ns (the fused gd loop needs less). */
const STEP_NS_PER_VARIABLE = 10;
/** Simplifying the partial derivatives into text, per variable, in ms. */
const GRADIENT_TEXT_MS = 40;

function runMs(options: RunOptions, evaluationNs: number, dimension: number, limits: EngineLimits): number {
  const iterations = Math.min(options.stop.maxIterations ?? limits.maxIterations, limits.maxIterations);
  const perIteration = evaluationNs + STEP_NS_PER_VARIABLE * dimension;
  return Math.min((iterations * perIteration) / 1e6, options.stop.timeBudgetMs ?? limits.timeBudgetMs);
}

/** Upper-bound estimate of a job's cost in ms; Infinity when the host knows nothing of its formula. */
export function estimateJobMs(request: JobRequest, problems: ProblemSource, limits: EngineLimits): number {
  const known = problems.peek(request.formula);
  if (known === 'failed') return 0;
  if (known === undefined) {
    return request.kind === 'formula' && request.formula.length <= QUICK_FORMULA_LENGTH
      ? QUICK_FORMULA_MS
      : Infinity;
  }
  const n = known.problem.dimension;
  const ns = known.evaluationNs;
  switch (request.kind) {
    case 'formula':
      return 0;
    case 'gradientText':
      return GRADIENT_TEXT_MS * Math.max(1, n);
    case 'run':
      return runMs(request.options, ns, n, limits);
    case 'landscape':
      // A curve also scans beside its window for the valleys there (withValleys).
      return ((n === 1 ? CURVE_SAMPLES + VALLEY_SCAN : GRID_SIDE * GRID_SIDE) * ns) / 1e6;
    case 'curvature':
      return (2 * n * ns + 5 * n ** 3) / 1e6;
    case 'dataRun':
      return runMs(request.options, ns, n, limits);
    case 'sweep':
    case 'basins': {
      const count =
        request.kind === 'sweep' ? (request.sweep.count ?? limits.maxSweepCount) : request.starts.length;
      return Math.min(count * runMs(request.options, ns, n, limits), limits.timeBudgetMs);
    }
    case 'steps':
      return (request.count * (ns + STEP_NS_PER_VARIABLE * n)) / 1e6;
    case 'explain':
      // Two Hessians' differences (2n gradients each) and Jacobi, at the point and each sampled iterate.
      return ((1 + Math.min(request.path?.length ?? 0, CONDITION_SAMPLES)) * (4 * n * ns + 5 * n ** 3)) / 1e6;
    case 'phase': {
      const side = request.phase.count ?? DEFAULT_PHASE_COUNT;
      const iterations = request.phase.maxIterations ?? DEFAULT_PHASE_ITERATIONS;
      return (side * side * iterations * (ns + STEP_NS_PER_VARIABLE * n)) / 1e6;
    }
  }
}
