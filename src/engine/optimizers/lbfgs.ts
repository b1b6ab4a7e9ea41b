// torch.optim.LBFGS: one step() runs up to max_iter quasi-Newton iterations (two-loop recursion over
// the last history_size pairs), with fixed steps of lr or the strong Wolfe line search. State carries
// over between steps as in torch. Maximizing minimises −f (torch's LBFGS has no maximize).
import type { OptimizerSettings } from '../types';
import { paramGroup, quantity, requireObjective, type Optimizer, type OptimizerContext } from './optimizer';
import { strongWolfe } from './strongWolfe';
import { axpy, dot, maxAbs, sumAbs } from './vector';

/** Curvature y·s below which a pair is not kept (torch's constant). */
export const CURVATURE_MIN = 1e-10;

/** The history of one run: pairs (y, s) with ρ = 1/(y·s), and the rest of torch's state. */
interface History {
  readonly dirs: Float64Array[];
  readonly stps: Float64Array[];
  readonly ro: number[];
  hDiag: number;
  d: Float64Array;
  t: number;
  prevFlatGrad: Float64Array | undefined;
  iterations: number;
}

/** The two-loop recursion: d = −H·g from the stored pairs, after adding the newest one. */
function direction(history: History, flatGrad: Float64Array, historySize: number): Float64Array {
  const y = Float64Array.from(flatGrad, (v, i) => v - history.prevFlatGrad![i]);
  const s = Float64Array.from(history.d, (v) => v * history.t);
  const ys = dot(y, s);
  if (ys > CURVATURE_MIN) {
    if (history.dirs.length === historySize) {
      history.dirs.shift();
      history.stps.shift();
      history.ro.shift();
    }
    history.dirs.push(y);
    history.stps.push(s);
    history.ro.push(1.0 / ys);
    history.hDiag = ys / dot(y, y);
  }
  const count = history.dirs.length;
  const al = new Float64Array(count);
  const q = Float64Array.from(flatGrad, (v) => -v);
  for (let i = count - 1; i >= 0; i--) {
    al[i] = dot(history.stps[i]!, q) * history.ro[i]!;
    axpy(q, -al[i], history.dirs[i]!);
  }
  const r = Float64Array.from(q, (v) => v * history.hDiag);
  for (let i = 0; i < count; i++) {
    const be = dot(history.dirs[i]!, r) * history.ro[i]!;
    axpy(r, al[i] - be, history.stps[i]!);
  }
  return r;
}

/** φ = ±f and its gradient (maximizing minimises −f). */
type Evaluate = (y: Float64Array, out: Float64Array) => number;

/** Where one inner iteration leaves x: the new loss and gradient. */
interface Moved {
  readonly loss: number;
  readonly flatGrad: Float64Array;
  readonly evaluations: number;
}

/**
 * Moves x along d: the strong Wolfe step, or lr, evaluated afterwards unless it is the last inner
 * iteration (undefined then: torch does not call the closure there, and the step ends).
 */
function move(
  x: Float64Array,
  history: History,
  settings: OptimizerSettings,
  evaluate: Evaluate,
  current: { loss: number; flatGrad: Float64Array; gtd: number; last: boolean },
): Moved | undefined {
  const d = history.d;
  if (settings.lineSearchFn === 'strong_wolfe') {
    const start = Float64Array.from(x);
    const trial = new Float64Array(x.length);
    const along = (t: number, out: Float64Array): number => {
      trial.set(start);
      axpy(trial, t, d);
      return evaluate(trial, out);
    };
    const found = strongWolfe(
      along,
      d,
      history.t,
      current.loss,
      current.flatGrad,
      current.gtd,
      settings.toleranceChange,
    );
    history.t = found.t;
    axpy(x, history.t, d);
    return { loss: found.f, flatGrad: found.g, evaluations: found.evaluations };
  }
  axpy(x, history.t, d);
  if (current.last) return undefined;
  const flatGrad = new Float64Array(x.length);
  return { loss: evaluate(x, flatGrad), flatGrad, evaluations: 1 };
}

/** max_eval, or torch's max_iter · 5 // 4 when it is None. */
export function maxEvaluations(settings: OptimizerSettings): number {
  return settings.maxEval ?? Math.floor((settings.maxIter * 5) / 4);
}

export function createLbfgs(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { maxIter, toleranceGrad, toleranceChange, historySize } = settings;
  const maxEval = maxEvaluations(settings);
  const objective = requireObjective(context);
  const group = paramGroup(settings);
  const sign = maximize ? -1 : 1;
  const evaluate: Evaluate = (y, out) => {
    const f = objective.valueAndGradient(y, out);
    if (!maximize) return f;
    out.forEach((v, i) => (out[i] = -v));
    return -f;
  };
  const history: History = {
    dirs: [],
    stps: [],
    ro: [],
    hDiag: 1,
    d: new Float64Array(dimension),
    t: 0,
    prevFlatGrad: undefined,
    iterations: 0,
  };
  return {
    name: 'lbfgs',
    group,
    step(x, grad, value): number {
      const lr = group.lr;
      let loss = sign * value;
      let flatGrad: Float64Array = Float64Array.from(grad, (v) => sign * v);
      if (maxAbs(flatGrad) <= toleranceGrad) return 0;
      let evaluations = 1;
      for (let n = 1; n <= maxIter; n++) {
        history.iterations++;
        const first = history.iterations === 1;
        history.d = first
          ? Float64Array.from(flatGrad, (v) => -v)
          : direction(history, flatGrad, historySize);
        history.prevFlatGrad = Float64Array.from(flatGrad);
        const prevLoss = loss;
        const inverse = 1.0 / sumAbs(flatGrad);
        history.t = first ? (inverse < 1.0 ? inverse : 1.0) * lr : lr;
        const gtd = dot(flatGrad, history.d);
        if (gtd > -toleranceChange) break;
        const moved = move(x, history, settings, evaluate, { loss, flatGrad, gtd, last: n === maxIter });
        if (moved === undefined) break;
        ({ loss, flatGrad } = moved);
        evaluations += moved.evaluations;
        // The last inner iteration needs no test: the loop ends there.
        if (evaluations >= maxEval || maxAbs(flatGrad) <= toleranceGrad) break;
        if (maxAbs(Float64Array.from(history.d, (v) => v * history.t)) <= toleranceChange) break;
        if (Math.abs(loss - prevLoss) < toleranceChange) break;
      }
      return history.t;
    },
    state() {
      return history.iterations === 0 ? [] : [quantity('d', 'd', history.d)];
    },
  };
}
