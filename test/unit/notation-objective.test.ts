// How papers write what is minimised: `\min_{w,b} J`, `\arg\min_x f`, the equation number and
// label after it, and the conditions and unknown named functions that are refused by name.
// Values are worked out by hand.
import { readCases, refusedCases } from './formulaCases';

describe('notation: a minimum over named variables is the function under it', () => {
  readCases([
    { text: '$\\min_{x} (x-1)^2$', variables: ['x'], at: { x: 3 }, value: 4 },
    { text: '$\\min_x x^2 + 1$', variables: ['x'], at: { x: 2 }, value: 5 },
    { text: '$\\arg\\min_{x} (x-1)^2$', variables: ['x'], at: { x: 0 }, value: 1 },
    { text: '$\\min_{w,b} (w-1)^2 + b^2$', variables: ['w', 'b'], at: { w: 2, b: 3 }, value: 10 },
    // The subscript's order is the variables' order, as a definition's left side gives it.
    { text: '$\\min_{b, w} w^2 + 2b$', variables: ['b', 'w'], at: { w: 3, b: 1 }, value: 11 },
    { text: '$\\operatorname*{arg\\,min}_w w^2$', variables: ['w'], at: { w: -3 }, value: 9 },
    { text: '$\\operatorname{argmin}_{w} (w+1)^2$', variables: ['w'], at: { w: 1 }, value: 4 },
    { text: '$\\mathop{\\mathrm{argmin}}_{x} x^2$', variables: ['x'], at: { x: 0.5 }, value: 0.25 },
    { text: '$\\underset{w}{\\arg\\min}\\, (w-2)^2$', variables: ['w'], at: { w: 5 }, value: 9 },
    { text: '$\\underset{x, y}{\\min} x^2 + y$', variables: ['x', 'y'], at: { x: 2, y: 1 }, value: 5 },
    { text: '$\\argmin_\\theta (\\theta-1)^2$', variables: ['theta'], at: { theta: 4 }, value: 9 },
    { text: '$\\min\\limits_{x} x^4$', variables: ['x'], at: { x: 2 }, value: 16 },
    {
      text: '$\\min_{\\mathbf{w}} w_1^2 + w_2^2$',
      variables: ['w_1', 'w_2'],
      at: { w_1: 1, w_2: 2 },
      value: 5,
    },
    // Named variables make the other symbols parameters, 1 until set.
    {
      text: '$\\min_x a x^2 + b$',
      variables: ['x'],
      parameters: ['a', 'b'],
      at: { x: 2, a: 3, b: 1 },
      value: 13,
    },
    // \min with arguments and no subscript is still the smaller of its arguments.
    { text: '$\\min(x, 1) + x^2$', variables: ['x'], at: { x: 3 }, value: 10 },
  ]);
  refusedCases([
    {
      text: '$\\max_x -x^2$',
      code: 'not-allowed',
      words: /"\\max_x" asks for a maximum: .*Maximize/,
      column: 2,
    },
    { text: '$\\arg\\max_{w} \\log w$', code: 'not-allowed', words: /asks for a maximum/ },
    { text: '$\\min_x$', code: 'not-allowed', words: /"\\min_x" needs the function to minimize after it/ },
    { text: '$\\min_{i} a_i$', code: 'not-allowed', words: /minimum over an index/ },
    { text: '$\\min_x f(x) = x^2$', code: 'not-allowed', words: /after the minimum alone/ },
  ]);
});

describe('notation: an equation number or label is not part of the formula', () => {
  readCases([
    { text: '$x^2 \\tag{1}$', variables: ['x'], at: { x: 3 }, value: 9 },
    { text: '$$x^2 + y \\tag*{(2.1)}$$', variables: ['x', 'y'], at: { x: 1, y: 2 }, value: 3 },
    {
      text: '$$L(\\theta) = (\\theta - 1)^2 \\label{eq:loss}$$',
      variables: ['theta'],
      at: { theta: 3 },
      value: 4,
    },
    { text: '$$\\label{eq:q} q(x) = 2x^2 \\nonumber$$', variables: ['x'], at: { x: 2 }, value: 8 },
    { text: '$$x^2 - 1 \\notag$$', variables: ['x'], at: { x: 2 }, value: 3 },
  ]);
});

describe('notation: conditions and unknown named functions are refused by what they are', () => {
  refusedCases([
    {
      text: '$f(x) = x^2, x \\in [0, 1]$',
      code: 'not-allowed',
      words: /"x \\in ?\[0, ?1\]" after the formula is a constraint, .*select the formula alone/,
    },
    {
      text: '$x^2 + y^2, \\; x > 0$',
      code: 'not-allowed',
      words: /"x ?> ?0" after the formula is a constraint/,
    },
    { text: '$\\operatorname{sinc}(x)$', code: 'not-allowed', words: /^sinc is not a function this knows/ },
    {
      text: '$\\operatorname{erf}(x) + x^2$',
      code: 'not-allowed',
      words: /^erf is not a function this knows/,
    },
    { text: '$\\mathrm{gelu}(x)$', code: 'not-allowed', words: /^gelu is not a function this knows/ },
    { text: '$\\lfloor x \\rfloor + x^2$', code: 'not-allowed', words: /is a floor .*no gradient/ },
    { text: '$\\lceil x \\rceil$', code: 'not-allowed', words: /is a ceiling .*no gradient/ },
    { text: '$\\binom{x}{2}$', code: 'not-allowed', words: /binomial coefficient/ },
  ]);
});
