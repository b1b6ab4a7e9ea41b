// Selections that are mathematics but not a function to minimise, recognised by their shape so the
// message says what they are: a step of an update rule (`w_{t+1} = w_t - η∇f(w_t)`), a derivative in
// Leibniz's slash notation (`dL/dw`), and a value given to a name (`η = 0.1`).
import { notAllowed, quote } from './errors';

const UPDATE_RULE_WORDS =
  'is a step of an update rule, not a function to minimize: select the function it descends on, such as f(x) = 2x^2';

// The left side of the first lone `=`: `w_{t+1}`, `\mathbf{w}_{k+1}`, `\theta_n`, `x^{(t+1)}`.
const LEFT_OF_EQUALS = /^([^=<>!]*?)(?<![<>!=:])=(?!=)/;
const STEP_INDEX =
  /^\s*(?:\\(?:mathbf|boldsymbol|vec|bm)\s*\{)?\s*\\?[A-Za-z]+\s*\}?\s*(?:_|\^)\s*\{?\s*\(?\s*([a-z])\s*(?:([+-])\s*1)?\s*\)?\s*\}?\s*$/;
// `dL/dw`, `df/dx`, `d\theta/dt`: a d before a name on each side of a slash.
const LEIBNIZ = /(?<![A-Za-z\\])d\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*\/\s*d\s*(?:[A-Za-z]|\\[A-Za-z]+)(?![A-Za-z])/;

/** Throws when `body` (in plain or LaTeX notation) is an update rule's step or a Leibniz derivative. */
export function refuseNotFunctions(body: string, offset: number): void {
  const leibniz = LEIBNIZ.exec(body);
  if (leibniz !== null) {
    throw notAllowed(
      `${quote(leibniz[0])} is a derivative; write the function itself.`,
      offset + leibniz.index + 1,
    );
  }
  const left = LEFT_OF_EQUALS.exec(body);
  // `\sum_{i=1}` holds an = inside braces: that is a bound, not a left side.
  if (left === null || count(left[1], '{') !== count(left[1], '}')) return;
  const step = STEP_INDEX.exec(left[1]);
  if (step === null) return;
  const [, index, sign] = step;
  // θ_n = θ_{n-1} − …: the next value from the one before, whichever side carries the ±1.
  const before = new RegExp(`[_^]\\s*\\{?\\s*\\(?\\s*${index}\\s*[+-]\\s*1`);
  if (sign !== undefined || before.test(body.slice(left[0].length))) {
    throw updateRule(body, offset + 1);
  }
}

/** `text` (the whole rule, or `w = w - 0.1 w`) refused as a step of an update rule. */
export function updateRule(text: string, column?: number): Error {
  return notAllowed(`${quote(text)} ${UPDATE_RULE_WORDS}.`, column);
}

/** `η = 0.1` (the selection `text`) has nothing to descend on: it gives `name` a value. */
export function valueGiven(name: string, text: string): Error {
  return notAllowed(
    `${quote(text)} gives ${name} a value; select a function to minimize (next to one, such a line sets a parameter).`,
  );
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
