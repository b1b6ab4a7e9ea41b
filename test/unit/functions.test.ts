// The table functions machine-learning notes use, and the derivatives the compiler emits for every
// function mathjs cannot differentiate: values and partials worked out by hand, and torch's
// conventions where the function has a kink (relu'(0) = 0, an even split at a tie of max).
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { parseFormula } from '../../src/engine/parse';

/** f and ∇f of a formula at a point, with the gradient method used. */
function at(text: string, point: readonly number[]): { value: number; gradient: number[]; method: string } {
  const problem = compileFormula(parseFormula(text));
  const gradient = new Float64Array(point.length);
  const value = problem.valueAndGradient(Float64Array.from(point), gradient);
  return { value, gradient: Array.from(gradient), method: problem.gradientMethod };
}

interface Case {
  readonly text: string;
  readonly point: readonly number[];
  readonly value: number;
  readonly gradient: readonly number[];
}

function check(cases: readonly Case[]): void {
  for (const c of cases) {
    it(`${c.text} at (${c.point.join(', ')})`, () => {
      const got = at(c.text, c.point);
      assert.equal(got.method, 'symbolic');
      const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
      assert.ok(near(got.value, c.value), `f = ${got.value}, expected ${c.value}`);
      got.gradient.forEach((g, i) =>
        assert.ok(near(g, c.gradient[i]), `∂${i} = ${g}, expected ${c.gradient[i]}`),
      );
    });
  }
}

const sigmoid = (u: number): number => 1 / (1 + Math.exp(-u));

describe('functions: sigmoid, softplus and relu', () => {
  check([
    { text: 'sigmoid(x)', point: [0], value: 0.5, gradient: [0.25] },
    { text: 'sigmoid(x)', point: [2], value: sigmoid(2), gradient: [sigmoid(2) * (1 - sigmoid(2))] },
    // Far out the sigmoid rounds to 0, and so does its slope: no NaN from ∞/∞.
    { text: 'sigmoid(x)', point: [-800], value: 0, gradient: [0] },
    { text: 'sigmoid(2x)', point: [0], value: 0.5, gradient: [0.5] },
    { text: 'softplus(x)', point: [0], value: Math.LN2, gradient: [0.5] },
    { text: 'softplus(x)', point: [800], value: 800, gradient: [1] },
    { text: 'softplus(x)', point: [-800], value: 0, gradient: [0] },
    { text: 'softplus(x)', point: [1], value: Math.log(1 + Math.E), gradient: [sigmoid(1)] },
    { text: 'relu(x)', point: [-1], value: 0, gradient: [0] },
    { text: 'relu(x)', point: [0], value: 0, gradient: [0] },
    { text: 'relu(x)', point: [2], value: 2, gradient: [1] },
    { text: 'relu(x^2 - 1)', point: [2], value: 3, gradient: [4] },
    { text: 'softplus(relu(x))', point: [1], value: Math.log(1 + Math.E), gradient: [sigmoid(1)] },
    { text: 'relu(x) * relu(y)', point: [2, 3], value: 6, gradient: [3, 2] },
  ]);
});

describe('functions: max and min as torch.maximum and torch.minimum', () => {
  check([
    { text: 'max(x, 1)', point: [2], value: 2, gradient: [1] },
    { text: 'max(x, 1)', point: [0], value: 1, gradient: [0] },
    { text: 'max(x, 1)', point: [1], value: 1, gradient: [0.5] },
    { text: 'min(x, y)', point: [1, 3], value: 1, gradient: [1, 0] },
    { text: 'min(x, y)', point: [2, 2], value: 2, gradient: [0.5, 0.5] },
    { text: 'max(x^2, y)', point: [2, 1], value: 4, gradient: [4, 0] },
    { text: 'max(0, x, y)', point: [-1, 3], value: 3, gradient: [0, 1] },
  ]);
});

describe('functions: log-sum-exp and Huber', () => {
  check([
    { text: 'logsumexp(x, y)', point: [0, 0], value: Math.LN2, gradient: [0.5, 0.5] },
    // Factoring out the largest term keeps e^1000 from overflowing.
    { text: 'logsumexp(x, y)', point: [1000, 1000], value: 1000 + Math.LN2, gradient: [0.5, 0.5] },
    { text: 'logsumexp(x, y, z)', point: [0, Math.LN2, 0], value: Math.log(4), gradient: [0.25, 0.5, 0.25] },
    { text: 'huber(x)', point: [0.5], value: 0.125, gradient: [0.5] },
    { text: 'huber(x)', point: [2], value: 1.5, gradient: [1] },
    { text: 'huber(x)', point: [-3], value: 2.5, gradient: [-1] },
    { text: 'huber(x, 0.5)', point: [2], value: 0.875, gradient: [0.5] },
    // ∂/∂δ of δ(|u| − δ/2) is |u| − δ on the linear part, 0 on the quadratic one.
    { text: 'f(u, d) = huber(u, d)', point: [2, 1], value: 1.5, gradient: [1, 1] },
    { text: 'f(u, d) = huber(u, d)', point: [2, 3], value: 2, gradient: [2, 0] },
  ]);
});

describe('functions: the other table functions mathjs does not differentiate', () => {
  check([
    { text: 'log1p(x)', point: [1], value: Math.LN2, gradient: [0.5] },
    { text: 'expm1(x)', point: [0], value: 0, gradient: [1] },
    { text: 'log2(x)', point: [8], value: 3, gradient: [1 / (8 * Math.LN2)] },
    { text: 'atan2(y, x)', point: [1, 1], value: Math.PI / 4, gradient: [-0.5, 0.5] },
    { text: 'sign(x) + x', point: [-2], value: -3, gradient: [1] },
    { text: 'sin(max(x, 0))', point: [1], value: Math.sin(1), gradient: [Math.cos(1)] },
  ]);
});
