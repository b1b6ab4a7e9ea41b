// The allow-list walk: the only way from a parsed tree to a Formula. It rebuilds a fresh tree from
// finite numbers, symbols, the allowed operators, parentheses and calls of the function table,
// expands sums and products with numeric bounds, and refuses everything else with a message that
// says what was found.
import { acceptsArity, ALLOWED_OPERATORS, CONSTANTS } from '../functions';
import { nodes, type MathNode } from '../math';
import { FormulaError } from '../types';
import { columnOf, MATRIX_WORDS, notAllowed, quote, syntaxError } from './errors';
import { canonicalFunction, knownFunctionNames } from './functionNames';
import { latinName } from './greek';
import { assertVariableName } from './names';
import {
  checkProse,
  refuseAmbiguousDivision,
  implicitFactors,
  isImplicitProduct,
  refuseUnit,
  unaryFunctionName,
} from './juxtaposition';
import { dataSumNode, isDataPart, readDataSum } from './dataSum';
import { readNorm } from './norm';
import { letterProduct as runProduct, runLetters } from './letterRuns';
import { expandReductions, isReductionPart, MAX_REDUCTION_TERMS } from './reduction';

/** Deepest tree accepted, long sums included: mathjs's evaluation and the compiler's walks survive it. */
export const MAX_TREE_DEPTH = 1200;
/** Deepest nesting of anything but a chain of sums (x^x^…, \sin\sin…, (a/(b/…))): the symbolic derivative recurses through it. */
export const MAX_NESTING_DEPTH = 250;

/** A rebuilt tree and the names it uses (constants and function names excluded), in order of first use. */
export interface AllowedTree {
  readonly expression: MathNode;
  readonly symbols: ReadonlySet<string>;
}

const OPERATOR_SYMBOLS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  unaryMinus: '-',
  unaryPlus: '+',
};
const UNARY_OPERATORS: ReadonlySet<string> = new Set(['unaryMinus', 'unaryPlus']);
const ADDITIVE: ReadonlySet<string> = new Set(['add', 'subtract']);

const DANGEROUS_CALLS: ReadonlySet<string> = new Set([
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'derivative',
  'resolve',
  'reviver',
  'config',
]);

const NODE_WORDS: Readonly<Record<string, string>> = {
  AccessorNode: 'property access or indexing (as in a.b or a[1])',
  ArrayNode: 'a matrix or list ([...])',
  AssignmentNode: 'an assignment',
  BlockNode: 'several statements',
  ConditionalNode: 'a condition (a ? b : c)',
  FunctionAssignmentNode: 'a function definition inside a formula',
  IndexNode: 'indexing',
  ObjectNode: 'an object ({...})',
  RangeNode: 'a range (a:b)',
  RelationalNode: 'a comparison',
};

/** How the notation the tree came from is checked. */
export interface AllowListOptions {
  /** Refuse prose read as a product of letters (plain text). */
  readonly proseCheck: boolean;
  /** Refuse code keywords such as `return` or `lambda` as variables (all notations but LaTeX). */
  readonly codeKeywords: boolean;
  /** Names the definition's left side gives (there `x^T` is x to the power T, not a transpose). */
  readonly declared?: ReadonlySet<string>;
  /** Read a one-letter name before parentheses, `a(x - h)^2`, as a product, as math notes and LaTeX do (plain text). */
  readonly letterProducts?: boolean;
}

type Operator = MathNode & { fn: string; op: string; args: MathNode[]; implicit: boolean };
type Call = MathNode & { fn: MathNode; args: MathNode[] };
type Named = MathNode & { name: string };

/** Rebuilds `root` from allow-listed nodes only; `source` is the user's text, for columns in errors. */
export function allowListed(root: MathNode, source: string, options: AllowListOptions): AllowedTree {
  const symbols = new Set<string>();
  const where = (needle: string): number | undefined => columnOf(source, needle);
  const declared = options.declared ?? new Set<string>();
  const budget = { terms: MAX_REDUCTION_TERMS };

  // `depth` counts every level, `nesting` every level but the links of a chain of sums.
  const walk = (node: MathNode, depth: number, nesting: number): MathNode => {
    checkDepth(depth, nesting);
    switch (node.type) {
      case 'ConstantNode':
        return constant((node as MathNode & { value: unknown }).value);
      case 'SymbolNode': {
        const run = letterRun(node);
        return run === undefined ? symbol((node as Named).name) : walk(runProduct(run), depth, nesting);
      }
      case 'ParenthesisNode':
        return new nodes.ParenthesisNode(
          walk((node as MathNode & { content: MathNode }).content, depth + 1, nesting + 1),
        );
      case 'OperatorNode':
        return operator(node as Operator, depth, nesting);
      case 'FunctionNode':
        if (isReductionPart(node)) return walk(expandReductions(node, budget), depth, nesting);
        if (isDataPart(node)) return dataPart(node, depth, nesting);
        // A norm of a name is written out once the names are known (norm.ts).
        if (readNorm(node) !== undefined) return node;
        return call(node as Call, depth, nesting);
      case 'ArrayNode':
        return bracketGroup(node as MathNode & { items: MathNode[] }, depth, nesting);
      default: {
        const words = NODE_WORDS[node.type] ?? `a ${node.type}`;
        throw notAllowed(`A formula cannot contain ${words}.`, nodeColumn(node));
      }
    }
  };

  const nodeColumn = (node: MathNode): number | undefined => {
    const text = safeText(node);
    return text === undefined ? undefined : where(text);
  };

  const constant = (value: unknown): MathNode => {
    if (Number.isFinite(value)) return new nodes.ConstantNode(value as number);
    if (typeof value === 'number' || value === null) {
      throw notAllowed('A number in the formula is infinite, undefined or too large to compute with.');
    }
    if (typeof value === 'string') {
      throw notAllowed(`Text such as ${quote(value)} cannot be part of a formula.`, where(value));
    }
    throw notAllowed(
      `${quote(String(value))} is not a number a formula can compute with.`,
      where(String(value)),
    );
  };

  const symbol = (written: string): MathNode => {
    assertVariableName(written, source, options.codeKeywords);
    if (canonicalFunction(written) !== undefined) {
      throw notAllowed(
        `${written} is a function: write it with its argument in parentheses, as in ${written}(x).`,
        where(written),
      );
    }
    const name = latinName(written);
    if (!CONSTANTS.has(name)) symbols.add(name);
    return new nodes.SymbolNode(name);
  };

  const operator = (node: Operator, depth: number, nesting: number): MathNode => {
    const fn = node.fn;
    if (!ALLOWED_OPERATORS.has(fn)) {
      throw notAllowed(`The operator ${quote(node.op)} is not allowed in a formula.`, where(node.op));
    }
    const unary = UNARY_OPERATORS.has(fn);
    if (
      unary
        ? node.args.length !== 1
        : node.args.length < 2 || (fn !== 'add' && fn !== 'multiply' && node.args.length !== 2)
    ) {
      throw syntaxError(`The operator ${quote(node.op)} has the wrong number of operands.`, where(node.op));
    }
    if (fn === 'pow') refuseTranspose(node.args, declared, source);
    if (isImplicitProduct(node)) return juxtaposed(node, depth, nesting);
    if (options.letterProducts === true) refuseAmbiguousDivision(node, where);
    const run = fn === 'pow' ? letterRun(node.args[0]) : undefined;
    if (run !== undefined) return walk(runProduct(run, node.args[1]), depth, nesting);
    const product = fn === 'pow' ? letterProduct(node.args[0]) : undefined;
    if (product !== undefined) {
      // mathjs reads a(x - h)^2 as (a(x - h))^2; the letter multiplies the power: a·(x − h)^2.
      const [letter, group] = product;
      const power = new nodes.OperatorNode('^', 'pow', [new nodes.ParenthesisNode(group), node.args[1]]);
      return walk(new nodes.OperatorNode('*', 'multiply', [letter, power]), depth, nesting);
    }
    const args = node.args.map((arg) =>
      walk(arg, depth + 1, ADDITIVE.has(fn) && isAdditive(arg) ? nesting : nesting + 1),
    );
    return new nodes.OperatorNode(OPERATOR_SYMBOLS[fn] as '+', fn as 'add', args);
  };

  /** `2x`, `sin x` (a call) and `sin sin x` (calls of calls): each function name applies to the factor after it. */
  const juxtaposed = (node: MathNode, depth: number, nesting: number): MathNode => {
    const factors = implicitFactors(node);
    for (let i = 0; i + 1 < factors.length; i += 1) refuseUnit(factors[i], factors[i + 1], where);
    const units: MathNode[] = [];
    for (let i = 0; i < factors.length; i += 1) {
      const calls: string[] = [];
      for (let name = unaryFunctionName(factors[i]); name !== undefined && i + 1 < factors.length;) {
        calls.push(name);
        i += 1;
        name = unaryFunctionName(factors[i]);
      }
      let unit = walk(factors[i], depth + calls.length + 1, nesting + calls.length + 1);
      for (const name of calls.reverse()) unit = new nodes.FunctionNode(new nodes.SymbolNode(name), [unit]);
      units.push(unit);
    }
    // Printed as `2 x` only after a number: mathjs reads `x (y)` back as a call of x.
    return units.reduce(
      (acc, unit) => new nodes.OperatorNode('*', 'multiply', [acc, unit], acc.type === 'ConstantNode'),
    );
  };

  /** The table function a written name calls: σ(x) is the logistic sigmoid, as in LaTeX, unless σ is a left-side name. */
  const calledFunction = (written: string): string | undefined =>
    latinName(written) === 'sigma' && !declared.has('sigma') ? 'sigmoid' : canonicalFunction(written);

  /** `xy` in plain text: the letters of a short run that is no known word, to multiply (letterRuns.ts). */
  const letterRun = (node: MathNode): string[] | undefined =>
    options.letterProducts === true && node.type === 'SymbolNode'
      ? runLetters((node as Named).name, declared)
      : undefined;

  /** `a(x - h)` in plain text: a one-letter name that is no function, before one group, is a factor. */
  const letterProduct = (node: MathNode): [MathNode, MathNode] | undefined => {
    if (options.letterProducts !== true || node.type !== 'FunctionNode') return undefined;
    const { fn, args } = node as Call;
    if (fn.type !== 'SymbolNode' || args.length !== 1) return undefined;
    const name = (fn as Named).name;
    if (!isLetter(name) || calledFunction(name) !== undefined) return undefined;
    return [new nodes.SymbolNode(name), args[0]];
  };

  const call = (node: Call, depth: number, nesting: number): MathNode => {
    if (node.fn.type !== 'SymbolNode') {
      throw notAllowed(
        'Only functions called by their plain name, such as sin(x), are allowed.',
        nodeColumn(node.fn),
      );
    }
    const written = (node.fn as Named).name;
    if (DANGEROUS_CALLS.has(written)) {
      throw notAllowed(`${written}(...) is not allowed in a formula.`, where(written));
    }
    const name = calledFunction(written);
    if (name === undefined) {
      assertVariableName(written, source, options.codeKeywords);
      const product = letterProduct(node);
      if (product !== undefined) {
        const [letter, group] = product;
        return walk(
          new nodes.OperatorNode('*', 'multiply', [letter, new nodes.ParenthesisNode(group)]),
          depth,
          nesting,
        );
      }
      throw notAllowed(
        `${written}(...) is not a known function. Known functions: ${knownFunctionNames()}.`,
        where(written),
      );
    }
    const args = node.args.map((arg) => walk(arg, depth + 1, nesting + 1));
    // Math.max(0, x, y) and Python's max(x, y, 0) take any count; the table's max takes two, so fold.
    if (VARIADIC.has(name) && args.length > 2) {
      return args.reduce((acc, arg) => new nodes.FunctionNode(new nodes.SymbolNode(name), [acc, arg]));
    }
    if (!acceptsArity(name, args.length)) {
      throw notAllowed(
        `${written} cannot take ${args.length} argument${args.length === 1 ? '' : 's'}.`,
        where(written),
      );
    }
    return new nodes.FunctionNode(new nodes.SymbolNode(name), args);
  };

  /** A sum over the rows of a data set keeps its form (its body walked); a column reference stays as it is. */
  const dataPart = (node: MathNode, depth: number, nesting: number): MathNode => {
    const sum = readDataSum(node);
    if (sum === undefined) return node;
    return dataSumNode({ ...sum, body: walk(sum.body, depth + 1, nesting + 1) });
  };

  /** `[x + 1]^2`: square brackets around one expression group it, as parentheses do. */
  const bracketGroup = (node: MathNode & { items: MathNode[] }, depth: number, nesting: number): MathNode => {
    const [only] = node.items;
    if (node.items.length !== 1 || only.type === 'ArrayNode') {
      throw notAllowed(`A formula cannot contain ${NODE_WORDS.ArrayNode}.`, nodeColumn(node));
    }
    return new nodes.ParenthesisNode(walk(only, depth + 1, nesting + 1));
  };

  if (options.proseCheck) checkProse(root, where);
  const expression = walk(root, 0, 0);
  return { expression, symbols };
}

/** A name of one letter (x, a, λ), possibly subscripted (w_1). */
function isLetter(name: string): boolean {
  return /^\p{L}(?:_[\p{L}\p{N}]+)?$/u.test(name);
}

function checkDepth(depth: number, nesting: number): void {
  const limit =
    depth > MAX_TREE_DEPTH ? MAX_TREE_DEPTH : nesting > MAX_NESTING_DEPTH ? MAX_NESTING_DEPTH : undefined;
  if (limit === undefined) return;
  throw new FormulaError(
    `The formula is nested more than ${limit} operations deep; split long chains such as x^x^x or \\sin\\sin x.`,
    'too-long',
  );
}

/** A sum or difference: only an operator node has a string `fn` (a call's is a node), so no type test is needed. */
function isAdditive(node: MathNode): boolean {
  return ADDITIVE.has((node as Operator).fn);
}

/** `x^T A x` in plain math: T as an exponent that the left side does not name is a transpose. */
function refuseTranspose(args: readonly MathNode[], declared: ReadonlySet<string>, source: string): void {
  const exponent = args[1];
  if (exponent.type !== 'SymbolNode' || (exponent as Named).name !== 'T' || declared.has('T')) return;
  throw notAllowed(`"^T" is ${MATRIX_WORDS}.`, columnOf(source, '^T') ?? columnOf(source, 'T'));
}

/** Functions that take any number of arguments (two or more) in every notation. */
const VARIADIC: ReadonlySet<string> = new Set(['max', 'min']);

function safeText(node: MathNode): string | undefined {
  try {
    const text = node.toString();
    // An empty text needs no test here: columnOf finds no column for it.
    return text.length <= 200 ? text : undefined;
  } catch {
    return undefined;
  }
}
