// Mathematics that is not a function to minimise, said for what it is (the seed notes hold each
// kind): a step of an update rule, a derivative in slash notation, a value given to a name. And
// the look-alikes that are functions and must still be read.
import { readCases, refusedCases } from './formulaCases';

const STEP = /is a step of an update rule, not a function to minimize: select the function it descends on/;

describe('notation: a step of an update rule is named as one', () => {
  refusedCases([
    { text: '$w_{t+1} = w_t - \\eta \\nabla f(w_t)$', code: 'not-allowed', words: STEP, column: 2 },
    { text: '$\\mathbf{w}_{t+1} = \\mathbf{w}_t - \\eta g$', code: 'not-allowed', words: STEP },
    { text: '$w_{n+1} = w_{n} - \\alpha \\frac{dL}{dw}$', code: 'not-allowed', words: STEP },
    { text: '$\\theta_n = \\theta_{n-1} - \\alpha g$', code: 'not-allowed', words: STEP },
    { text: '$x^{(t+1)} = x^{(t)} - 0.1 g$', code: 'not-allowed', words: STEP },
    { text: 'x_{k+1} = x_k - 0.1*(4*x_k)', code: 'not-allowed', words: STEP, column: 1 },
    { text: 'w = w - 0.1*w', code: 'not-allowed', words: STEP },
    { text: '$t = t + 1$', code: 'not-allowed', words: /^"t = t \+ 1" is a step of an update rule/ },
  ]);
});

describe('notation: a derivative in slash notation is a derivative', () => {
  refusedCases([
    {
      text: '$dL/dw$',
      code: 'not-allowed',
      words: /^"dL\/dw" is a derivative; write the function itself/,
      column: 2,
    },
    { text: 'df/dx', code: 'not-allowed', words: /"df\/dx" is a derivative/, column: 1 },
    { text: '$d\\theta/dt$', code: 'not-allowed', words: /"d\\theta\/dt" is a derivative/ },
    { text: '$x^2 + dy / dx$', code: 'not-allowed', words: /"dy \/ dx" is a derivative/, column: 8 },
  ]);
});

describe('notation: a value given to a name is not a function', () => {
  refusedCases([
    {
      text: '$\\eta = 0.1$',
      code: 'not-allowed',
      words: /^"\\eta = 0.1" gives eta a value; select a function to minimize/,
    },
    { text: 'x=1', code: 'not-allowed', words: /^"x=1" gives x a value/ },
    { text: '$t = 0$', code: 'not-allowed', words: /gives t a value/ },
  ]);
});

describe('notation: look-alikes that are functions are still read', () => {
  readCases([
    // An = inside a sum's bound and x_{i+1} inside the sum are not a step.
    {
      text: '$\\sum_{i=1}^{3} x_{i+1}^2$',
      variables: ['x_2', 'x_3', 'x_4'],
      at: { x_2: 1, x_3: 2, x_4: 3 },
      value: 14,
    },
    { text: '$x_1 = 2 y^2 + y$', variables: ['y'], at: { y: 2 }, value: 10 },
    { text: '$a_n = y^2$', variables: ['y'], at: { y: 3 }, value: 9 },
    { text: 'y = 3x^2', variables: ['x'], at: { x: 2 }, value: 12 },
    // A name starting with d is not a differential unless both sides of a slash have one.
    { text: 'x / dy', variables: ['dy', 'x'], at: { x: 3, dy: 2 }, value: 1.5 },
    { text: 'dx^2 + 1', variables: ['dx'], at: { dx: 3 }, value: 10 },
    // Python names are names: dw/dt there is a quotient.
    { text: 'dw/dt + t**2', variables: ['dt', 'dw', 't'], at: { dw: 4, dt: 2, t: 1 }, value: 3 },
  ]);
});
