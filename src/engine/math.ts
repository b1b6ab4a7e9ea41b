// The project's one mathjs instance, hardened as mathjs's security notes recommend: the functions
// that could reach code or mutate the instance are replaced, and the project keeps private
// references to the few it needs. User text only ever goes through `parseExpression`, and the
// resulting tree is checked against the allow-list before anything else sees it.
//
// The instance is built from the factories the engine uses, not from `all`: parse, derivative,
// simplify, the node classes, Unit (whose name table tells `5 cm` from a product), the constants
// and the functions of the formula table (functions.ts) and of derivatives, which simplify folds and
// a tree's own compile() evaluates. A table function missing here would still parse and compile
// (generated code never calls mathjs), but simplify would leave sin(0) unfolded.
import {
  absDependencies,
  acosDependencies,
  acoshDependencies,
  addDependencies,
  asinDependencies,
  asinhDependencies,
  atan2Dependencies,
  atanDependencies,
  atanhDependencies,
  cbrtDependencies,
  cosDependencies,
  coshDependencies,
  cotDependencies,
  cothDependencies,
  create,
  cscDependencies,
  cschDependencies,
  derivativeDependencies,
  divideDependencies,
  eDependencies,
  expDependencies,
  expm1Dependencies,
  log10Dependencies,
  log1pDependencies,
  log2Dependencies,
  logDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  parseDependencies,
  piDependencies,
  powDependencies,
  secDependencies,
  sechDependencies,
  signDependencies,
  simplifyDependencies,
  sinDependencies,
  sinhDependencies,
  sqrtDependencies,
  subtractDependencies,
  tanDependencies,
  tanhDependencies,
  tauDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  UnitDependencies,
  type MathNode,
} from 'mathjs';

const math = create(
  {
    parseDependencies,
    derivativeDependencies,
    simplifyDependencies,
    UnitDependencies,
    eDependencies,
    piDependencies,
    tauDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    powDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    sinDependencies,
    cosDependencies,
    tanDependencies,
    secDependencies,
    cscDependencies,
    cotDependencies,
    asinDependencies,
    acosDependencies,
    atanDependencies,
    atan2Dependencies,
    sinhDependencies,
    coshDependencies,
    tanhDependencies,
    sechDependencies,
    cschDependencies,
    cothDependencies,
    asinhDependencies,
    acoshDependencies,
    atanhDependencies,
    expDependencies,
    expm1Dependencies,
    logDependencies,
    log1pDependencies,
    log10Dependencies,
    log2Dependencies,
    sqrtDependencies,
    cbrtDependencies,
    absDependencies,
    signDependencies,
    maxDependencies,
    minDependencies,
  },
  {},
);

// Taken before the overrides below: these are the only doors into parsing and calculus.
const privateParse = math.parse;
const privateDerivative = math.derivative;
const privateSimplify = math.simplify;

function disabled(name: string): () => never {
  return () => {
    throw new Error(`Function ${name} is disabled`);
  };
}

math.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    reviver: disabled('reviver'),
    evaluate: disabled('evaluate'),
    parse: disabled('parse'),
    simplify: disabled('simplify'),
    derivative: disabled('derivative'),
    resolve: disabled('resolve'),
    compile: disabled('compile'),
  },
  { override: true },
);

/** Parses plain mathjs syntax into a tree; the caller must run the allow-list check on it. */
export function parseExpression(text: string): MathNode {
  return privateParse(text);
}

/**
 * Symbolic derivative without simplification (fast; for evaluation). abs′(u) is sign(u), as in
 * torch, where mathjs writes abs(u)/u: that is 0/0 at the kink, and a descent that lands exactly on
 * the minimum of |x| (1 − 4·0.25) would stop there as non-finite.
 */
export function differentiate(node: MathNode, variable: string): MathNode {
  return privateDerivative(node, variable, { simplify: false }).transform((n) => signForAbsOverItself(n));
}

function signForAbsOverItself(node: MathNode): MathNode {
  if (!isOperator(node) || node.fn !== 'divide' || node.args.length !== 2) return node;
  const [numerator, denominator] = node.args;
  if (!isFunction(numerator) || numerator.fn.name !== 'abs' || numerator.args.length !== 1) return node;
  if (!numerator.args[0].equals(denominator)) return node;
  return new math.FunctionNode(new math.SymbolNode('sign'), [denominator]);
}

function isOperator(node: MathNode): node is MathNode & { fn: string; args: MathNode[] } {
  return node.type === 'OperatorNode';
}

function isFunction(node: MathNode): node is MathNode & { fn: { name: string }; args: MathNode[] } {
  return node.type === 'FunctionNode';
}

/** Simplified text of a tree, for people; costs milliseconds, so call it lazily. */
export function simplifyNode(node: MathNode): MathNode {
  return privateSimplify(node);
}

/** Node constructors of the hardened instance, for building trees from other notations. */
export const nodes = {
  ConstantNode: math.ConstantNode,
  SymbolNode: math.SymbolNode,
  OperatorNode: math.OperatorNode,
  FunctionNode: math.FunctionNode,
  ParenthesisNode: math.ParenthesisNode,
} as const;

/** The instance's Unit class: the allow-list asks it whether a name is a unit (`cm` in `5 cm`). */
export const Unit = math.Unit;

export type { MathNode };
