// A compiled problem from plain math text with the given variables, for the engine's unit tests.
import { compileFormula } from '../../src/engine/compile';
import { parseExpression } from '../../src/engine/math';
import type { Problem } from '../../src/engine/types';

/** `text` (mathjs syntax) compiled over `variables`, without parameters. */
export function problemOf(text: string, variables: readonly string[] = ['x']): Problem {
  return compileFormula({
    source: text,
    expression: parseExpression(text),
    variables: [...variables],
    notation: 'plain',
    parameters: [],
  });
}
