// Issue 10 §1: notation that used to be read silently as a different function. Every value below
// is worked out by hand from what the notation means.
import { readCases, refusedCases } from './formulaCases';

const sigmoid = (u: number): number => 1 / (1 + Math.exp(-u));

describe('notation: functions chained without parentheses', () => {
  readCases([
    { text: '$\\tan\\sin x$', variables: ['x'], at: { x: 0.5 }, value: Math.tan(Math.sin(0.5)) },
    { text: '$\\sin\\cos x$', variables: ['x'], at: { x: 2 }, value: Math.sin(Math.cos(2)) },
    { text: '$\\exp\\sin x$', variables: ['x'], at: { x: 1 }, value: Math.exp(Math.sin(1)) },
    { text: '$\\ln\\cosh x$', variables: ['x'], at: { x: 1 }, value: Math.log(Math.cosh(1)) },
    { text: '$\\log\\log x$', variables: ['x'], at: { x: 3 }, value: Math.log(Math.log(3)) },
    {
      text: '$\\sin\\sin\\sin x$',
      variables: ['x'],
      at: { x: 1.2 },
      value: Math.sin(Math.sin(Math.sin(1.2))),
    },
    { text: '$2\\sin\\cos x$', variables: ['x'], at: { x: 0.3 }, value: 2 * Math.sin(Math.cos(0.3)) },
    {
      text: '$\\sin x \\cos y$',
      variables: ['x', 'y'],
      at: { x: 0.5, y: 0.25 },
      value: Math.sin(0.5) * Math.cos(0.25),
    },
    { text: 'sin cos x', variables: ['x'], at: { x: 2 }, value: Math.sin(Math.cos(2)) },
    { text: 'exp sin x', variables: ['x'], at: { x: 1 }, value: Math.exp(Math.sin(1)) },
    { text: 'ln ln x', variables: ['x'], at: { x: 5 }, value: Math.log(Math.log(5)) },
    { text: '2 sin cos x', variables: ['x'], at: { x: 0.3 }, value: 2 * Math.sin(Math.cos(0.3)) },
    { text: 'sin x^2', variables: ['x'], at: { x: 1.5 }, value: Math.sin(2.25) },
  ]);
});

describe('notation: function powers', () => {
  readCases([
    { text: '$\\sin^2 x$', variables: ['x'], at: { x: 0.7 }, value: Math.sin(0.7) ** 2 },
    { text: '$\\cos^2 x + \\sin^2 x$', variables: ['x'], at: { x: 0.9 }, value: 1 },
    { text: '$\\log^2 x$', variables: ['x'], at: { x: 4 }, value: Math.log(4) ** 2 },
    { text: '$\\tan^{3} x$', variables: ['x'], at: { x: 0.5 }, value: Math.tan(0.5) ** 3 },
    { text: '$\\sin^{-2} x$', variables: ['x'], at: { x: 0.5 }, value: Math.sin(0.5) ** -2 },
    { text: '$\\sin^{-1} x$', variables: ['x'], at: { x: 0.5 }, value: Math.PI / 6 },
    { text: '$\\cos^{-1} x$', variables: ['x'], at: { x: 0.5 }, value: Math.PI / 3 },
    { text: '$\\tan^{-1}(x)$', variables: ['x'], at: { x: 1 }, value: Math.PI / 4 },
    { text: '$\\sinh^{-1} x$', variables: ['x'], at: { x: 2 }, value: Math.asinh(2) },
    { text: '$\\tanh^{-1} x$', variables: ['x'], at: { x: 0.5 }, value: Math.atanh(0.5) },
    { text: '$\\sec^{-1} x$', variables: ['x'], at: { x: 2 }, value: Math.PI / 3 },
    { text: '$\\csc^{-1} x$', variables: ['x'], at: { x: 2 }, value: Math.PI / 6 },
    { text: '$\\cot^{-1} x$', variables: ['x'], at: { x: 1 }, value: Math.PI / 4 },
    { text: '$(\\cos x)^{-1}$', variables: ['x'], at: { x: 1 }, value: 1 / Math.cos(1) },
    { text: '$\\cos(x)^{-1}$', variables: ['x'], at: { x: 1 }, value: 1 / Math.cos(1) },
  ]);
  refusedCases([
    { text: '$\\sin^2$', code: 'syntax', words: /\\sin\^2.*needs its argument/ },
    { text: '$\\cos^{2}$', code: 'syntax', words: /needs its argument/ },
    { text: '$\\log_2$', code: 'syntax', words: /\\log_2.*needs its argument/ },
    { text: '$\\tan$', code: 'syntax', words: /"\\tan" needs its argument after it, as in \\tan x/ },
    { text: '$x \\sin$', code: 'syntax', words: /"\\sin" needs its argument/ },
    { text: '$\\log^{-1} x$', code: 'not-allowed', words: /inverse function or 1\/\\log/ },
  ]);
});

describe('notation: named functions of machine-learning notes', () => {
  readCases([
    { text: '$\\operatorname{softplus}(x)$', variables: ['x'], at: { x: 0 }, value: Math.LN2 },
    { text: '$\\mathrm{relu}(x)$', variables: ['x'], at: { x: -1 }, value: 0 },
    { text: '$\\operatorname{ReLU}(x - 1)$', variables: ['x'], at: { x: 3 }, value: 2 },
    { text: '$\\operatorname{sigmoid}(x)$', variables: ['x'], at: { x: 0 }, value: 0.5 },
    { text: '$\\operatorname{expit}(x)$', variables: ['x'], at: { x: 0 }, value: 0.5 },
    { text: '$\\sigma(x)$', variables: ['x'], at: { x: 0 }, value: 0.5 },
    { text: '$\\sigma\\left(w x\\right)$', variables: ['w', 'x'], at: { w: 2, x: 0.5 }, value: sigmoid(1) },
    { text: '$\\operatorname{LSE}(x, y)$', variables: ['x', 'y'], at: { x: 0, y: 0 }, value: Math.LN2 },
    {
      text: '$\\operatorname{logsumexp}(x, y, 0)$',
      variables: ['x', 'y'],
      at: { x: 0, y: 0 },
      value: Math.log(3),
    },
    { text: '$\\operatorname{Huber}(x)$', variables: ['x'], at: { x: 2 }, value: 1.5 },
    { text: '$\\operatorname{huber}(x, 0.5)$', variables: ['x'], at: { x: 2 }, value: 0.875 },
    { text: '$\\tanh x$', variables: ['x'], at: { x: 0.5 }, value: Math.tanh(0.5) },
    // With σ among the left side's names, σ(x + 1) is a product, as a(x + 1) is.
    { text: '$f(\\sigma, x) = \\sigma(x + 1)$', variables: ['sigma', 'x'], at: { sigma: 2, x: 1 }, value: 4 },
    { text: 'sigmoid(x)', variables: ['x'], at: { x: 0 }, value: 0.5 },
    { text: 'softplus(x)', variables: ['x'], at: { x: 0 }, value: Math.LN2 },
    { text: 'ReLU(x)', variables: ['x'], at: { x: 2.5 }, value: 2.5 },
    { text: 'σ(x)', variables: ['x'], at: { x: 0 }, value: 0.5 },
    { text: 'logsumexp(x, y)', variables: ['x', 'y'], at: { x: 1, y: 1 }, value: 1 + Math.LN2 },
    { text: 'np.maximum(0, x)', variables: ['x'], at: { x: -1 }, value: 0, notation: 'python' },
    { text: 'torch.sigmoid(x) + x**2', variables: ['x'], at: { x: 0 }, value: 0.5, notation: 'python' },
    { text: 'F.relu(x)', variables: ['x'], at: { x: 3 }, value: 3, notation: 'python' },
    { text: 'math.log1p(x**2)', variables: ['x'], at: { x: 1 }, value: Math.LN2 },
    { text: 'torch.nn.functional.softplus(x)', variables: ['x'], at: { x: 0 }, value: Math.LN2 },
    { text: 'scipy.special.expit(x)', variables: ['x'], at: { x: 0 }, value: 0.5 },
    { text: 'np.logaddexp(x, y)', variables: ['x', 'y'], at: { x: 0, y: 0 }, value: Math.LN2 },
    { text: 'jax.nn.relu(x - 1)', variables: ['x'], at: { x: 0 }, value: 0 },
    { text: 'torch.tanh(x)', variables: ['x'], at: { x: 1 }, value: Math.tanh(1) },
    { text: 'np.fmax(x, 1)', variables: ['x'], at: { x: 3 }, value: 3 },
    { text: 'lambda x: F.relu(x) ** 2', variables: ['x'], at: { x: -2 }, value: 0 },
  ]);
  refusedCases([
    { text: '$\\operatorname{gelu}(x)$', code: 'not-allowed', words: /^gelu is not a function this knows/ },
    { text: '$\\mathrm{swish}(x) + x$', code: 'not-allowed', words: /^swish is not a function/ },
    { text: 'gelu(x)', code: 'not-allowed', words: /^gelu\(\.\.\.\) is not a known function/ },
    { text: 'F.gelu(x)', code: 'not-allowed', words: /F\.gelu is not a supported function/ },
    { text: 'torch.erf(x) + x**2', code: 'not-allowed', words: /torch\.erf/ },
  ]);
});

describe('notation: Unicode constants, digit grouping and decimal commas', () => {
  readCases([
    { text: 'π x', variables: ['x'], at: { x: 2 }, value: 2 * Math.PI },
    { text: '2πr', variables: ['r'], at: { r: 0.5 }, value: Math.PI },
    { text: 'ℯ^x', variables: ['x'], at: { x: 2 }, value: Math.exp(2) },
    { text: '$ℯ^{x}$', variables: ['x'], at: { x: 2 }, value: Math.exp(2) },
    { text: '$π x$', variables: ['x'], at: { x: 1 }, value: Math.PI },
    { text: '1_000 x', variables: ['x'], at: { x: 2 }, value: 2000 },
    { text: 'x + 1_000_000', variables: ['x'], at: { x: 1 }, value: 1_000_001 },
    { text: '1_000 * x**2', variables: ['x'], at: { x: 3 }, value: 9000 },
    { text: '$1{,}5 x$', variables: ['x'], at: { x: 2 }, value: 3 },
    { text: '$0{,}25x$', variables: ['x'], at: { x: 2 }, value: 0.5 },
    { text: '$1{,}000{,}000 x$', variables: ['x'], at: { x: 2 }, value: 2e6 },
    { text: 'θ^2 + λ θ', variables: ['lambda', 'theta'], at: { lambda: 2, theta: 3 }, value: 15 },
    {
      text: 'x_1 + x_2 + x_10',
      variables: ['x_1', 'x_2', 'x_10'],
      at: { x_1: 1, x_2: 2, x_10: 3 },
      value: 6,
    },
  ]);
  refusedCases([{ text: '$1{,}500 x$', code: 'syntax', words: /1\.500 or 1500/ }]);
});

describe('notation: a vector on the left side stands for its components', () => {
  readCases([
    {
      text: '$f(\\mathbf{x}) = x_1^2 + x_2^2$',
      variables: ['x_1', 'x_2'],
      at: { x_1: 1, x_2: 2 },
      value: 5,
    },
    {
      text: '$L(\\mathbf{w}, b) = (w_1 + 2w_2 + b - 3)^2$',
      variables: ['w_1', 'w_2', 'b'],
      at: { w_1: 1, w_2: 1, b: 1 },
      value: 1,
    },
    {
      text: '$f(\\boldsymbol{\\theta}) = \\theta_1^2 + \\theta_{10} + \\theta_2$',
      variables: ['theta_1', 'theta_2', 'theta_10'],
      at: { theta_1: 3, theta_2: 1, theta_10: 2 },
      value: 12,
    },
    { text: 'f(x) = x_1^2 + 3x_2^2', variables: ['x_1', 'x_2'], at: { x_1: 1, x_2: 1 }, value: 4 },
    { text: 'lambda w: w_1**2 + w_2**2', variables: ['w_1', 'w_2'], at: { w_1: 3, w_2: 4 }, value: 25 },
    { text: 'f(x, y) = x^2', variables: ['x', 'y'], at: { x: 3, y: 7 }, value: 9 },
  ]);
});

describe('notation: matrix notation is refused in plain words', () => {
  refusedCases([
    { text: '$x^T A x$', code: 'not-allowed', words: /matrix notation \(a transpose\)/ },
    { text: 'x^T A x', code: 'not-allowed', words: /matrix notation/ },
    { text: '$\\mathbf{x}^\\top \\mathbf{A}\\mathbf{x}$', code: 'not-allowed', words: /matrix notation/ },
    { text: '$x^\\intercal y$', code: 'not-allowed', words: /matrix notation/ },
    { text: '$x^\\mathsf{T} y$', code: 'not-allowed', words: /matrix notation/ },
    { text: 'x^T*y + 1', code: 'not-allowed', words: /matrix notation/ },
  ]);
  readCases([
    { text: 'f(x, T) = x^T', variables: ['x', 'T'], at: { x: 2, T: 3 }, value: 8 },
    { text: '$f(x, T) = x^T$', variables: ['x', 'T'], at: { x: 2, T: 3 }, value: 8 },
  ]);
});
