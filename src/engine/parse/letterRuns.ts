// Plain math copied from a rendered page writes a product of letters side by side: `xy` in Beale's
// (1.5 − x + xy)², `0.48xy` in Matyas's function, `xyz`. LaTeX reads them so already; in plain
// text mathjs reads one name. A short run of Latin letters that is no word this knows (a function,
// a constant, a Greek letter, a unit, a keyword, a name the left side declares) is that product.
import { CONSTANTS } from '../functions';
import { nodes, type MathNode } from '../math';
import { canonicalFunction } from './functionNames';
import { isGreekName } from './greek';
import { isUnitName } from './juxtaposition';
import { isVariableName } from './names';

const RUN = /^[A-Za-z]{2,3}$/;

// Short names that are one quantity, never a product: a learning rate, and differentials such as
// dy or dt (a quotient of them is refused as a derivative in notFunctions.ts).
const WORD = /^(?:lr|d[A-Za-z])$/;

/** The letters of `name` when it is a run to read as their product, else undefined. */
export function runLetters(name: string, declared: ReadonlySet<string>): string[] | undefined {
  if (!RUN.test(name) || WORD.test(name) || declared.has(name) || CONSTANTS.has(name)) return undefined;
  if (canonicalFunction(name) !== undefined || isGreekName(name) || isUnitName(name)) return undefined;
  const letters = [...name];
  return letters.every((letter) => isVariableName(letter)) ? letters : undefined;
}

/** The implicit product of `letters`, the last one raised to `exponent` when given (xy^2 is x·y²). */
export function letterProduct(letters: readonly string[], exponent?: MathNode): MathNode {
  const factors: MathNode[] = letters.map((letter) => new nodes.SymbolNode(letter));
  if (exponent !== undefined) {
    factors[factors.length - 1] = new nodes.OperatorNode('^', 'pow', [factors[factors.length - 1], exponent]);
  }
  return factors.reduce((acc, factor) => new nodes.OperatorNode('*', 'multiply', [acc, factor], true));
}
