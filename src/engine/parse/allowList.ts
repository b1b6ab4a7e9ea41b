// The allow-list walk: the only way from a parsed tree to a Formula. It rebuilds a fresh tree from
// finite numbers, symbols, the allowed operators, parentheses and calls of the function table,
// and refuses everything else with a message that says what was found.
import { acceptsArity, ALLOWED_FUNCTIONS, ALLOWED_OPERATORS, CONSTANTS } from '../functions';
import { nodes, Unit, type MathNode } from '../math';
import { FormulaError } from '../types';
import { columnOf, notAllowed, quote, syntaxError } from './errors';

/** Deepest tree accepted: mathjs's own derivative and evaluation overflow the stack not far beyond. */
export const MAX_TREE_DEPTH = 1200;

/** A rebuilt tree and the variable names it uses (constants and function names excluded). */
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

// Other spellings people use for table functions.
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['ln', 'log'],
  ['arcsin', 'asin'],
  ['arccos', 'acos'],
  ['arctan', 'atan'],
  ['sgn', 'sign'],
  ['arcsinh', 'asinh'],
  ['arccosh', 'acosh'],
  ['arctanh', 'atanh'],
  ['power', 'pow'],
]);

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

// Names that mean something else to mathjs or to JavaScript objects: never variables.
const RESERVED: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
  'constructor',
  'Infinity',
  'NaN',
  'true',
  'false',
  'null',
  'undefined',
  'i',
  'this',
  'eval',
  'Function',
]);

// Keywords of the code people select: `return x**2` is a statement, not a product. LaTeX has no
// such words, and there `\lambda` is the Greek letter of a regularisation weight or an eigenvalue.
const CODE_KEYWORDS: ReadonlySet<string> = new Set([
  'return',
  'def',
  'lambda',
  'import',
  'from',
  'for',
  'while',
  'if',
  'else',
  'let',
  'const',
  'var',
  'function',
  'new',
  'class',
  'await',
  'yield',
  'print',
  'async',
]);

const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

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
}

/** Rebuilds `root` from allow-listed nodes only; `source` is the user's text, for columns in errors. */
export function allowListed(root: MathNode, source: string, options: AllowListOptions): AllowedTree {
  const symbols = new Set<string>();
  const where = (needle: string): number | undefined => columnOf(source, needle);

  const walk = (node: MathNode, depth: number): MathNode => {
    if (depth > MAX_TREE_DEPTH) {
      throw new FormulaError(
        `The formula is too deeply nested (more than ${MAX_TREE_DEPTH} operations inside each other); shorten long chains of sums or products.`,
        'too-long',
      );
    }
    switch (node.type) {
      case 'ConstantNode':
        return constant(node as MathNode & { value: unknown });
      case 'SymbolNode':
        return symbol((node as MathNode & { name: string }).name);
      case 'ParenthesisNode':
        return new nodes.ParenthesisNode(walk((node as MathNode & { content: MathNode }).content, depth + 1));
      case 'OperatorNode':
        return operator(
          node as MathNode & { fn: string; op: string; args: MathNode[]; implicit: boolean },
          depth,
        );
      case 'FunctionNode':
        return call(node as MathNode & { fn: MathNode; args: MathNode[] }, depth);
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

  const constant = (node: { value: unknown }): MathNode => {
    const { value } = node;
    if (typeof value === 'number' && Number.isFinite(value)) return new nodes.ConstantNode(value);
    if (typeof value === 'number' || value === null) {
      throw notAllowed(
        'A number in the formula is infinite, undefined or too large to compute with.',
        undefined,
      );
    }
    if (typeof value === 'string') {
      throw notAllowed(`Text such as ${quote(value)} cannot be part of a formula.`, where(value));
    }
    throw notAllowed(
      `${quote(String(value))} is not a number a formula can compute with.`,
      where(String(value)),
    );
  };

  const symbol = (name: string): MathNode => {
    checkName(name);
    if (ALLOWED_FUNCTIONS.has(name) || ALIASES.has(name)) {
      throw notAllowed(
        `${name} is a function: write it with its argument in parentheses, as in ${name}(x).`,
        where(name),
      );
    }
    if (!CONSTANTS.has(name)) symbols.add(name);
    return new nodes.SymbolNode(name);
  };

  const checkName = (name: string): void => assertVariableName(name, source, options.codeKeywords);

  const operator = (
    node: { fn: string; op: string; args: MathNode[]; implicit: boolean },
    depth: number,
  ): MathNode => {
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
    if (fn === 'multiply' && node.implicit && node.args.length === 2) {
      const special = implicitProduct(node.args[0], node.args[1], depth);
      if (special) return special;
    }
    const args = node.args.map((arg) => walk(arg, depth + 1));
    const op = OPERATOR_SYMBOLS[fn] as '+';
    // Implicit products print as `2 x`; only after a number, since mathjs reads `x (y)` back as a call of x.
    const implicit = fn === 'multiply' && node.implicit === true && args[0].type === 'ConstantNode';
    return new nodes.OperatorNode(op, fn as 'add', args, implicit);
  };

  /** `sin x` is sin(x); `5 cm` is a unit; `hello world` is prose. */
  const implicitProduct = (left: MathNode, right: MathNode, depth: number): MathNode | undefined => {
    if (left.type === 'SymbolNode') {
      const name = canonicalFunction((left as MathNode & { name: string }).name);
      if (name !== undefined && acceptsArity(name, 1)) {
        return new nodes.FunctionNode(new nodes.SymbolNode(name), [walk(right, depth + 1)]);
      }
    }
    const unit = unitName(left, right);
    if (unit !== undefined) {
      throw notAllowed(
        `${quote(unit)} reads as a unit of measure; units are not supported in formulas.`,
        where(unit),
      );
    }
    return undefined;
  };

  const call = (node: { fn: MathNode; args: MathNode[] }, depth: number): MathNode => {
    if (node.fn.type !== 'SymbolNode') {
      throw notAllowed(
        'Only functions called by their plain name, such as sin(x), are allowed.',
        nodeColumn(node.fn),
      );
    }
    const written = (node.fn as MathNode & { name: string }).name;
    if (DANGEROUS_CALLS.has(written)) {
      throw notAllowed(`${written}(...) is not allowed in a formula.`, where(written));
    }
    const name = canonicalFunction(written);
    if (name === undefined) {
      checkName(written);
      throw notAllowed(
        `${written}(...) is not a known function. Known functions: ${[...ALLOWED_FUNCTIONS.keys()].join(', ')}.`,
        where(written),
      );
    }
    if (VARIADIC.has(name) && node.args.length > 2) {
      // Math.max(0, x, y) and Python's max(x, y, 0) take any count; the table's max takes two, so fold.
      const args = node.args.map((arg) => walk(arg, depth + 1));
      return args.reduce((acc, arg) => new nodes.FunctionNode(new nodes.SymbolNode(name), [acc, arg]));
    }
    if (!acceptsArity(name, node.args.length)) {
      throw notAllowed(
        `${written} cannot take ${node.args.length} argument${node.args.length === 1 ? '' : 's'}.`,
        where(written),
      );
    }
    return new nodes.FunctionNode(
      new nodes.SymbolNode(name),
      node.args.map((arg) => walk(arg, depth + 1)),
    );
  };

  if (options.proseCheck) checkProse(root, where);
  const expression = walk(root, 0);
  return { expression, symbols };
}

/** Throws 'not-allowed' for names that cannot be variables: object-property names, reserved words, odd characters. */
export function assertVariableName(name: string, source: string, codeKeywords = true): void {
  if (RESERVED.has(name) || (codeKeywords && CODE_KEYWORDS.has(name))) {
    throw notAllowed(`${quote(name)} is a reserved name and cannot be a variable.`, columnOf(source, name));
  }
  if (!NAME.test(name)) {
    throw notAllowed(`${quote(name)} cannot be used as a variable name.`, columnOf(source, name));
  }
}

/** Functions that take any number of arguments (two or more) in every notation. */
const VARIADIC: ReadonlySet<string> = new Set(['max', 'min']);

function canonicalFunction(name: string): string | undefined {
  if (ALLOWED_FUNCTIONS.has(name)) return name;
  return ALIASES.get(name);
}

function isUnitName(name: string): boolean {
  try {
    return Unit.isValuelessUnit(name);
  } catch {
    return false;
  }
}

/** The unit in `5 cm` or `1 mm^2`: a number times a multi-letter mathjs unit name (single letters stay variables). */
function unitName(left: MathNode, right: MathNode): string | undefined {
  if (left.type !== 'ConstantNode') return undefined;
  const base =
    right.type === 'OperatorNode' && (right as MathNode & { fn: string }).fn === 'pow'
      ? (right as MathNode & { args: MathNode[] }).args[0]
      : right;
  if (base.type !== 'SymbolNode') return undefined;
  const name = (base as MathNode & { name: string }).name;
  return name.length > 1 && isUnitName(name) ? name : undefined;
}

/** Plain text whose juxtaposed factors include two or more words (`Let f be convex`) is prose, not a formula. */
function checkProse(root: MathNode, where: (needle: string) => number | undefined): void {
  const stack: { node: MathNode; inChain: boolean }[] = [{ node: root, inChain: false }];
  while (stack.length > 0) {
    const { node, inChain } = stack.pop() as { node: MathNode; inChain: boolean };
    const chain = isImplicitProduct(node);
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

function isImplicitProduct(node: MathNode): boolean {
  return node.type === 'OperatorNode' && (node as MathNode & { implicit?: boolean }).implicit === true;
}

/** Symbol names among the factors of one implicit product chain (through signs). */
function chainLeaves(root: MathNode): string[] {
  const names: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as MathNode;
    if (node.type === 'SymbolNode') names.push((node as MathNode & { name: string }).name);
    const fn = node.type === 'OperatorNode' ? (node as MathNode & { fn: string }).fn : '';
    if (isImplicitProduct(node) || fn === 'unaryMinus' || fn === 'unaryPlus') stack.push(...childrenOf(node));
  }
  return names;
}

function childrenOf(node: MathNode): MathNode[] {
  if (node.type === 'OperatorNode' || node.type === 'FunctionNode') {
    return [...(node as MathNode & { args: MathNode[] }).args];
  }
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

function safeText(node: MathNode): string | undefined {
  try {
    const text = node.toString();
    return text.length > 0 && text.length <= 200 ? text : undefined;
  } catch {
    return undefined;
  }
}
