// What each MathJSON construct a formula cannot hold is, in words, with what to write instead.
import { MATRIX_WORDS, notAllowed, quote } from './errors';
import { unknownFunction } from './latexCalls';
import type { FnView } from './mathjson';

const REFUSED: ReadonlyMap<string, string> = new Map([
  ['D', 'a derivative; write the function itself'],
  ['Derivative', 'a derivative; write the function itself'],
  ['PartialDerivative', 'a derivative; write the function itself'],
  ['Integrate', 'an integral, which is not read'],
  ['Limit', 'a limit, which is not read'],
  ['Matrix', 'a matrix; write the products out, as in a x_1^2 + b x_1 x_2'],
  ['Tuple', 'a tuple of values, not one formula'],
  ['Factorial', 'a factorial, which is not read; write the product out'],
  ['Subscript', 'a subscript that is not a name or a number (or an index of a surrounding \\sum)'],
  ['OverVector', 'an accent (\\vec, \\hat, \\bar); write a plain name such as x or x_1'],
  ['OverHat', 'an accent (\\vec, \\hat, \\bar); write a plain name such as x or x_1'],
  ['OverBar', 'an accent (\\vec, \\hat, \\bar); write a plain name such as x or x_1'],
  ['Prime', "a prime (x'); write a plain name such as x_1"],
  ['Norm', 'a norm; write it out, as in x_1^2 + x_2^2'],
  ['Transpose', MATRIX_WORDS],
  ['Equal', 'an equation inside a formula'],
  ['Less', 'an inequality'],
  ['Greater', 'an inequality'],
  ['LessEqual', 'an inequality'],
  ['GreaterEqual', 'an inequality'],
  ['NotEqual', 'an inequality'],
  ['Which', 'a case distinction; write it with max, min or abs'],
  ['At', 'indexing; write a plain name such as x_1'],
  ['Complex', 'a complex number'],
  ['Floor', 'a floor (rounding down), which has no gradient to descend'],
  ['Ceil', 'a ceiling (rounding up), which has no gradient to descend'],
  ['Round', 'rounding, which has no gradient to descend'],
  ['Binomial', 'a binomial coefficient, which is not read'],
]);

/** The refusal of a construct a formula cannot contain, at `column`. */
export function refusalOf(node: FnView, column: number | undefined): Error {
  const what = REFUSED.get(node.head);
  const named = NAMED_FUNCTION.exec(node.latex ?? '');
  if (what === undefined && named !== null) return unknownFunction(named[1] ?? named[2], column);
  // The parser's own head names (Equal, Element) are never shown: without the person's text, say what it is.
  const said =
    node.latex === undefined
      ? `The formula holds ${what ?? 'something it cannot contain'}`
      : `${quote(node.latex)} is ${what ?? 'not something a formula here can contain'}`;
  return notAllowed(
    what === undefined ? `${said}; write it with + − · / ^ and functions such as \\exp.` : `${said}.`,
    column,
  );
}

// `\operatorname{erf}(x)`, `\mathrm{sinc}(x)`: a named function the parser knows and we do not.
const NAMED_FUNCTION =
  /^\s*\\(?:operatorname\*?|mathrm)\s*\{\s*([A-Za-z]+)\s*\}|^\s*\\(Gamma|erf|erfc|sinc)(?![A-Za-z])/;
