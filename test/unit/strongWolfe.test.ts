// LBFGS's strong Wolfe line search and cubic interpolation against torch.optim.lbfgs's own
// _strong_wolfe and _cubic_interpolate (1.13, Debian's python3-torch), called directly by
// scripts/reference/strong_wolfe_reference.py on hand-written f and ∇f: short and long first steps,
// steps that bracket and zoom, a large tolerance that stops the zoom early, directions that are not −∇f,
// a kink that exhausts the evaluations, and ripples tuned to reach the zoom's rarer branches.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cubicInterpolate, strongWolfe } from '../../src/engine/optimizers/strongWolfe';

interface SearchCase {
  readonly function: string;
  readonly x: number[];
  readonly d: number[];
  readonly t: number;
  readonly toleranceChange: number;
  readonly f: number;
  readonly g: number[];
  readonly gtd: number;
  /** The function's parameters (ripple's a, b, c, w). */
  readonly parameters?: number[];
  readonly result: { t: number; f: number; g: number[]; evaluations: number };
}

interface Reference {
  readonly cases: readonly SearchCase[];
  readonly cubic: readonly { args: number[]; bounds: [number, number] | null; result: number }[];
}

const reference = JSON.parse(
  readFileSync(join(__dirname, '..', 'reference', 'strong_wolfe.json'), 'utf8'),
) as Reference;

/** f and ∇f as the script writes them; returns f and fills `out` with ∇f. */
const FUNCTIONS: Readonly<
  Record<string, (x: readonly number[], out: Float64Array, p: readonly number[]) => number>
> = {
  // a·x² + b·x + c·sin(w·x): a bowl or a slope with ripples, tuned per case.
  ripple: ([x], out, [a, b, c, w]) => {
    out[0] = 2 * a! * x! + b! + c! * w! * Math.cos(w! * x!);
    return a! * x! ** 2 + b! * x! + c! * Math.sin(w! * x!);
  },
  bowl: ([a], out) => {
    out[0] = 2 * (a! - 3);
    return (a! - 3) ** 2;
  },
  quartic: ([a], out) => {
    out[0] = 4 * a! ** 3 - 6 * a! + 1;
    return a! ** 4 - 3 * a! ** 2 + a!;
  },
  wave: ([a], out) => {
    out[0] = 2 * (a! - 2) + 1.5 * Math.cos(3 * a!);
    return (a! - 2) ** 2 + 0.5 * Math.sin(3 * a!);
  },
  rosenbrock: ([a, b], out) => {
    out[0] = -2 * (1 - a!) - 400 * a! * (b! - a! * a!);
    out[1] = 200 * (b! - a! * a!);
    return (1 - a!) ** 2 + 100 * (b! - a! * a!) ** 2;
  },
  valley: ([a, b], out) => {
    out[0] = 2 * a! + b!;
    out[1] = 20 * b! + a!;
    return a! * a! + 10 * b! * b! + a! * b!;
  },
  // −x: always going down, so the search runs out of evaluations.
  line: ([a], out) => {
    out[0] = -1;
    return -a!;
  },
  // √(10⁻⁴ + (x − 1)²): a smoothed |x − 1|, whose narrow bottom the zoom must find.
  sharp: ([a], out) => {
    const r = Math.sqrt(1e-4 + (a! - 1) ** 2);
    out[0] = (a! - 1) / r;
    return r;
  },
  // −x + 2·exp(−(x − 2)²): still going down where f has risen above the Armijo line.
  bump: ([a], out) => {
    const e = 2 * Math.exp(-((a! - 2) ** 2));
    out[0] = -1 - 2 * (a! - 2) * e;
    return -a! + e;
  },
  // −x + 95·exp(−(x − 100)²/50): f rises between two extrapolated steps.
  wall: ([a], out) => {
    const e = 95 * Math.exp(-((a! - 100) ** 2) / 50);
    out[0] = -1 - ((a! - 100) / 25) * e;
    return -a! + e;
  },
  // |x − 1|: no point but the kink meets the curvature condition, so the zoom runs out.
  vee: ([a], out) => {
    out[0] = Math.sign(a! - 1);
    return Math.abs(a! - 1);
  },
  cliff: ([a], out) => {
    out[0] = Math.exp(a!) - 2 * Math.exp(-2 * a!);
    return Math.exp(a!) + Math.exp(-2 * a!);
  },
};

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

describe('strong Wolfe line search against torch 1.13', () => {
  for (const c of reference.cases) {
    const tuned = c.parameters ? ` (${c.parameters.join(', ')})` : '';
    it(`${c.function}${tuned} from ${JSON.stringify(c.x)} along ${JSON.stringify(c.d)}, t = ${c.t}, tolerance ${c.toleranceChange}`, () => {
      const fn = FUNCTIONS[c.function]!;
      const evaluate = (step: number, out: Float64Array): number =>
        fn(
          c.x.map((v, i) => v + step * c.d[i]!),
          out,
          c.parameters ?? [],
        );
      const result = strongWolfe(
        evaluate,
        Float64Array.from(c.d),
        c.t,
        c.f,
        Float64Array.from(c.g),
        c.gtd,
        c.toleranceChange,
      );
      assert.equal(result.evaluations, c.result.evaluations, 'evaluations');
      assert.ok(close(result.t, c.result.t), `t ${result.t} vs torch's ${c.result.t}`);
      assert.ok(close(result.f, c.result.f), `f ${result.f} vs torch's ${c.result.f}`);
      Array.from(result.g).forEach((v, i) =>
        assert.ok(close(v, c.result.g[i]!), `g ${result.g} vs ${c.result.g}`),
      );
    });
  }

  it('cubic interpolation: the minimiser of the cubic, clamped to its bounds, or their middle', () => {
    for (const { args, bounds, result } of reference.cubic) {
      const [x1, f1, g1, x2, f2, g2] = args as [number, number, number, number, number, number];
      const value = cubicInterpolate(x1, f1, g1, x2, f2, g2, bounds ?? undefined);
      assert.ok(
        close(value, result),
        `${JSON.stringify(args)} ${JSON.stringify(bounds)}: ${value} vs torch's ${result}`,
      );
    }
  });
});
