// Worked steps written out, one line per coordinate plus the optimizer's intermediate quantities,
// as a student checks them by hand: "x₁ = x₀ − η·f′(x₀) = 1 − 0.1·4 = 0.6". One writer, two
// notations: plain text (for copying and tests) and LaTeX (typeset in the panel). Pure functions.
import type { OptimizerName } from '../engine/types';
import { formatNumber as formatShared, superscript } from '../shared/numberText';
import type { StepsWire } from '../shared/wire';
import { formatNumber, formatPoint, subscript } from './format';

/** How one notation writes the pieces of a step. */
interface Notation {
  /** Variable or quantity `name` at iteration k. */
  at(name: string, k: number): string;
  /** The derivative of `fn` along `v` (at `arg` for one variable). */
  derivative(fn: string, v: string, single: boolean, arg: string): string;
  number(value: number): string;
  point(values: ArrayLike<number>): string;
  readonly minus: string;
  readonly times: string;
  readonly eta: string;
}

/**
 * The name of variable `name` at iteration k: "x₀", "θ₁"; a name with its own subscript takes the
 * iteration as a superscript in parentheses ("θ₀⁽¹⁾"), since θ₀₁ would read as one index.
 */
export function at(name: string, k: number): string {
  if (!/[₀-₉_]/.test(name)) return `${name}${subscript(k)}`;
  return `${name}⁽${superscript(String(k))}⁾`;
}

const PLAIN: Notation = {
  at,
  derivative: (fn, v, single, arg) => (single ? `${fn}′(${arg})` : `∂${fn}/∂${v}`),
  number: (v) => formatNumber(v),
  point: (values) => formatPoint(values),
  minus: '−',
  times: '·',
  eta: 'η',
};

/** A number as LaTeX: 0.36, 1.5\times 10^{-7}, -2. */
function texNumber(value: number): string {
  const text = formatShared(value, { minus: '-' });
  if (text === '∞' || text === '-∞') return text.replace('∞', '\\infty');
  if (text === 'NaN') return '\\text{NaN}';
  const [mantissa, exponent] = text.split('e');
  if (exponent === undefined) return text;
  return mantissa === '1' ? `10^{${exponent}}` : `${mantissa}\\times 10^{${exponent}}`;
}

/** A quantity's symbol as LaTeX: m̂ as \hat{m}, v_max as v_{\max}, buf in italics. */
export function symbolTex(symbol: string): string {
  if (symbol.endsWith('\u0302')) return `\\hat{${symbolTex(symbol.slice(0, -1))}}`;
  const underscore = symbol.indexOf('_');
  if (underscore > 0) {
    return `${symbolTex(symbol.slice(0, underscore))}_{\\mathrm{${symbol.slice(underscore + 1)}}}`;
  }
  return symbol.length === 1 ? symbol : `\\mathit{${symbol.replace(/[^A-Za-z0-9]/g, '')}}`;
}

const TEX: Notation = {
  // A name with its own subscript (\theta_{0}) takes the iteration as a superscript in parentheses.
  at: (name, k) => (name.includes('_') ? `{${name}}^{(${k})}` : `${name}_{${k}}`),
  derivative: (fn, v, single, arg) => (single ? `${fn}'(${arg})` : `\\frac{\\partial ${fn}}{\\partial ${v}}`),
  number: texNumber,
  point: (values) => {
    const parts = Array.from(values, texNumber);
    return parts.length === 1 ? parts[0]! : `(${parts.join(', ')})`;
  },
  minus: '-',
  times: '\\cdot ',
  eta: '\\eta',
};

/** The names a step is written with: the function's and the variables', in one notation. */
export interface StepNames {
  readonly fn: string;
  readonly variables: readonly string[];
}

function write(
  notation: Notation,
  step: StepsWire[number],
  names: StepNames,
  optimizer: OptimizerName,
  maximize: boolean,
  learningRate: number,
): string[] {
  const { at: atK, number: num, minus, times, eta } = notation;
  const term = (value: number): string => (value < 0 ? `(${num(value)})` : num(value));
  const { fn, variables } = names;
  const k = step.iteration;
  const sign = maximize ? '+' : minus;
  const single = variables.length === 1;
  const lines = [`${fn}(${variables.map((v) => atK(v, k)).join(', ')}) = ${num(step.value)}`];
  variables.forEach((v, i) => {
    lines.push(`${notation.derivative(fn, v, single, atK(v, k))} = ${num(step.gradient[i]!)}`);
  });
  for (const q of step.quantities) {
    const name = q.symbol ? atK(notation === TEX ? symbolTex(q.symbol) : q.symbol, k + 1) : q.name;
    lines.push(`${notation === TEX && !q.symbol ? `\\text{${q.name}}` : name} = ${notation.point(q.value)}`);
  }
  variables.forEach((v, i) => {
    const x = step.point[i]!;
    const next = step.next[i]!;
    if (optimizer === 'gd') {
      const d = notation.derivative(fn, v, single, atK(v, k));
      lines.push(
        `${atK(v, k + 1)} = ${atK(v, k)} ${sign} ${eta}${times}${d} = ${num(x)} ${sign} ${num(step.learningRate)}${times}${term(step.gradient[i]!)} = ${num(next)}`,
      );
    } else {
      // torch folds maximize into the gradient (the quantities above come from −∇f), so the update is
      // always x − η·u. Adam's engine step size is η/(1 − β₁ᵗ); with the run's η, u is m̂/(√v̂ + ε) as listed.
      const rate = optimizer === 'adam' ? learningRate : step.learningRate;
      const u = (x - next) / rate || 0;
      lines.push(
        `${atK(v, k + 1)} = ${atK(v, k)} ${minus} ${eta}${times}u = ${num(x)} ${minus} ${num(rate)}${times}${term(u)} = ${num(next)}`,
      );
    }
  });
  return lines;
}

/** One worked step as plain text lines: "x₁ = x₀ − η·f′(x₀) = 1 − 0.1·4 = 0.6". */
export function workedStepLines(
  step: StepsWire[number],
  variables: readonly string[],
  optimizer: OptimizerName,
  maximize: boolean,
  learningRate = step.learningRate,
  fn = 'f',
): string[] {
  return write(PLAIN, step, { fn, variables }, optimizer, maximize, learningRate);
}

/** The same lines as LaTeX, with the names as LaTeX (\theta_{0}): "x_{1} = x_{0} - \eta\cdot f'(x_{0}) = …". */
export function workedStepTex(
  step: StepsWire[number],
  names: StepNames,
  optimizer: OptimizerName,
  maximize: boolean,
  learningRate = step.learningRate,
): string[] {
  return write(TEX, step, names, optimizer, maximize, learningRate);
}
