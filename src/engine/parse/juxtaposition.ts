// Implicit products of plain math: `2x`, `sin x` (a call), `sin sin x` (a chain of calls), `5 cm` (a
// unit, refused) and `hello world` (prose, refused).
import { Unit } from '../math';
import { acceptsArity, CONSTANTS } from '../functions';
import type { MathNode } from '../math';
import { quote, notAllowed, syntaxError } from './errors';
import { canonicalFunction } from './functionNames';

type Operator = MathNode & { fn: string; args: MathNode[]; implicit?: boolean };

export function isImplicitProduct(node: MathNode): boolean {
  return (
    node.type === 'OperatorNode' &&
    (node as Operator).fn === 'multiply' &&
    (node as Operator).implicit === true &&
    (node as Operator).args.length === 2
  );
}

/** The factors of an implicit product chain, left to right (mathjs nests them to the left). */
export function implicitFactors(node: MathNode): MathNode[] {
  const factors: MathNode[] = [];
  let current = node;
  while (isImplicitProduct(current)) {
    const [left, right] = (current as Operator).args;
    factors.push(right);
    current = left;
  }
  factors.push(current);
  return factors.reverse();
}

/** The one-argument table function a factor names (`sin`, `ln`), if it is a bare name. */
export function unaryFunctionName(node: MathNode): string | undefined {
  if (node.type !== 'SymbolNode') return undefined;
  const name = canonicalFunction((node as MathNode & { name: string }).name);
  return name !== undefined && acceptsArity(name, 1) ? name : undefined;
}

/**
 * Refuses `5/π x` in plain text: mathjs reads it as 5/(π·x), a note copied from a page often means
 * (5/π)·x, and nothing in the text says which. (`1/2 x` is ½·x: a number over a number is a fraction.)
 */
export function refuseAmbiguousDivision(node: Operator, where: (needle: string) => number | undefined): void {
  const [numerator, denominator] = node.args;
  if (node.fn !== 'divide' || !isImplicitProduct(denominator)) return;
  const factors = implicitFactors(denominator);
  // `y / sqrt 2` (from y/√2) and `x / sin y` divide by a call: nothing to choose.
  if (unaryFunctionName(factors[0]) !== undefined) return;
  const [first, ...rest] = factors.map((factor) => factor.toString());
  const top = numerator.toString();
  throw notAllowed(
    `"${top} / ${first} ${rest.join(' ')}" could mean (${top} / ${first}) ${rest.join(' ')} or ${top} / (${first} ${rest.join(' ')}): write the brackets.`,
    where('/'),
  );
}

/** Refuses `5 cm` and `1 mm^2`: a number times a multi-letter mathjs unit name (single letters stay variables). */
export function refuseUnit(
  left: MathNode,
  right: MathNode,
  where: (needle: string) => number | undefined,
): void {
  if (left.type !== 'ConstantNode') return;
  const base =
    right.type === 'OperatorNode' && (right as Operator).fn === 'pow' ? (right as Operator).args[0] : right;
  if (base.type !== 'SymbolNode') return;
  const name = (base as MathNode & { name: string }).name;
  if (name.length > 1 && isUnitName(name)) {
    throw notAllowed(
      `${quote(name)} reads as a unit of measure; units are not supported in formulas.`,
      where(name),
    );
  }
}

/** A mathjs unit name (cm, ft, kg): a number before it is a measurement. */
export function isUnitName(name: string): boolean {
  try {
    return Unit.isValuelessUnit(name);
  } catch {
    return false;
  }
}

/** Plain text whose juxtaposed factors include two or more words (`Let f be convex`) is prose, not a formula. */
export function checkProse(root: MathNode, where: (needle: string) => number | undefined): void {
  const stack: { node: MathNode; inChain: boolean }[] = [{ node: root, inChain: false }];
  while (stack.length > 0) {
    const { node, inChain } = stack.pop() as { node: MathNode; inChain: boolean };
    const chain = node.type === 'OperatorNode' && (node as Operator).implicit === true;
    if (chain && !inChain) {
      const words = chainLeaves(node).filter(looksLikeWord);
      if (words.length >= 2) {
        throw syntaxError(
          'This looks like prose, not a formula: words follow each other without operators.',
          where(words[1]),
        );
      }
    }
    for (const child of childrenOf(node)) stack.push({ node: child, inChain: chain });
  }
}

/** Symbol names among the factors of one implicit product chain (through signs). */
function chainLeaves(root: MathNode): string[] {
  const names: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as MathNode;
    if (node.type === 'SymbolNode') names.push((node as MathNode & { name: string }).name);
    const fn = node.type === 'OperatorNode' ? (node as Operator).fn : '';
    const implicit = node.type === 'OperatorNode' && (node as Operator).implicit === true;
    if (implicit || fn === 'unaryMinus' || fn === 'unaryPlus') stack.push(...childrenOf(node));
  }
  return names;
}

export function childrenOf(node: MathNode): MathNode[] {
  if (node.type === 'OperatorNode' || node.type === 'FunctionNode') return [...(node as Operator).args];
  if (node.type === 'ParenthesisNode') return [(node as MathNode & { content: MathNode }).content];
  return [];
}

function looksLikeWord(name: string): boolean {
  return (
    name.length >= 2 &&
    /^\p{L}+$/u.test(name) &&
    !CONSTANTS.has(name) &&
    canonicalFunction(name) === undefined
  );
}
