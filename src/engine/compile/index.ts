// compileFormula: an allow-listed Formula in, a Problem of fast closures out. Partials are symbolic
// (mathjs derivative, simplify:false, with the chain rule for the functions it lacks) and share one CSE'd block with f; a partial mathjs cannot
// differentiate falls back to central differences. Generated code is built from the IR only.
import { simplifyNode, type MathNode } from '../math';
import { parameterSlots } from './parameterSlots';
import { derivative } from './derivative';
import { FormulaError, type Formula, type Problem } from '../types';
import { emitBlock, loadParameters, variableName } from './emit';
import { COMPILER_HELPERS } from './functionTable';
import { IrBuilder } from './ir';
import { registerKernel, type Kernel } from './kernel';
import { centralDifference } from './numeric';
import { additiveTerms, differentiationWork, type AdditiveTerm } from './terms';

/** Most tree nodes the symbolic partials may walk in all (Σ term size × its variables); ~1 s of mathjs derivative. */
export const MAX_DIFFERENTIATION_WORK = 150_000;

/** The tree nodes compileFormula's symbolic partials would walk: its cost, known before paying it. */
export function differentiationWorkOf(formula: Formula): number {
  return differentiationWork(additiveTerms(formula.expression, formula.variables));
}

export { kernelOf, type Kernel } from './kernel';

type Compiled<T> = (helpers: typeof COMPILER_HELPERS, parameters: Float64Array) => T;

function loadVariables(dimension: number): string {
  if (dimension === 0) return '';
  const loads = Array.from({ length: dimension }, (_, i) => `${variableName(i)} = x[${i}]`);
  return `const ${loads.join(', ')};`;
}

function build<T>(body: string, parameters: Float64Array): T {
  // The body is assembled only from emitBlock output and fixed text; see emit.ts.
  const factory = new Function('H', 'P', `"use strict";\n${body}`) as Compiled<T>;
  return factory(COMPILER_HELPERS, parameters);
}

/** Symbolic partial of one term, or undefined when mathjs has no derivative for a function in it. */
function symbolicPartial(expression: MathNode, variable: string): MathNode | undefined {
  try {
    return derivative(expression, variable);
  } catch {
    return undefined;
  }
}

/**
 * IR ids of ∂f/∂x_i, each summed over the terms that contain x_i in term order (the sum mathjs's
 * derivative of the whole tree gives, after the builder folds its zeros); undefined for a partial
 * that has to fall back to central differences. Throws a FormulaError when the symbolic work
 * would exceed MAX_DIFFERENTIATION_WORK.
 */
function symbolicPartials(
  builder: IrBuilder,
  terms: readonly AdditiveTerm[],
  variables: readonly string[],
): (number | undefined)[] {
  const dimension = variables.length;
  const work = differentiationWork(terms);
  if (work > MAX_DIFFERENTIATION_WORK) {
    throw new FormulaError(
      `The formula is too large to differentiate: its terms repeat the variables ${work.toLocaleString('en-US')} times over (the limit is ${MAX_DIFFERENTIATION_WORK.toLocaleString('en-US')}). Split it into smaller sums or use fewer variables per term.`,
      'too-long',
    );
  }
  const sums: (number | undefined)[] = new Array(dimension).fill(undefined);
  const failed = new Uint8Array(dimension);
  for (const term of terms) {
    for (const index of term.variables) {
      if (failed[index]) continue;
      const tree = symbolicPartial(term.node, variables[index]);
      let id: number | undefined;
      try {
        id = tree === undefined ? undefined : builder.fromMath(tree);
      } catch {
        id = undefined;
      }
      if (id === undefined) {
        failed[index] = 1;
        continue;
      }
      const sum = sums[index];
      if (sum === undefined) sums[index] = term.negated ? builder.op('neg', [id]) : id;
      else sums[index] = builder.op(term.negated ? 'sub' : 'add', [sum, id]);
    }
  }
  // A variable in no term at all (it cancelled out of the tree) has the partial 0.
  return sums.map((id, i) => (failed[i] ? undefined : (id ?? builder.constant(0))));
}

/**
 * Compiles a formula into value and value-and-gradient closures over a Float64Array of its
 * variables; its parameters are read from `problem.parameters.values` on every call.
 */
export function compileFormula(formula: Formula): Problem {
  try {
    return compileUnchecked(formula);
  } catch (error) {
    // The parser's depth limits keep the recursive walks inside the stack; this is the last line.
    if (error instanceof RangeError) {
      throw new FormulaError(
        'The formula is nested too deeply to differentiate; split it into smaller parts.',
        'too-long',
      );
    }
    throw error;
  }
}

function compileUnchecked(formula: Formula): Problem {
  if (formula.data !== undefined) {
    throw new FormulaError(
      `The loss sums over a data set (up to ${formula.data.count}): give it the data, a table in the note or a CSV file (--data FILE).`,
      'bad-option',
    );
  }
  const variables = [...formula.variables];
  const dimension = variables.length;
  const { names: parameterNames, slots, field: parameterField } = parameterSlots(formula);
  const load = `${loadVariables(dimension)}\n${loadParameters(parameterNames.length)}`;
  const builder = new IrBuilder(variables, parameterNames);
  let valueId: number;
  try {
    valueId = builder.fromMath(formula.expression);
  } catch (error) {
    throw new FormulaError(`Cannot compile the formula: ${(error as Error).message}`, 'not-allowed');
  }

  const partialIds = symbolicPartials(builder, additiveTerms(formula.expression, variables), variables);
  const numericIndices = partialIds.flatMap((id, i) => (id === undefined ? [i] : []));
  const symbolic = partialIds.flatMap((id, i) => (id === undefined ? [] : [{ id, index: i }]));

  const valueBlock = emitBlock(builder.nodes, [valueId]);
  const value = build<(x: Float64Array) => number>(
    `return function value(x) {\n${load}\n${valueBlock.statements.join('\n')}\nreturn ${valueBlock.expressions[0]};\n};`,
    slots,
  );

  const fullBlock = emitBlock(builder.nodes, [valueId, ...symbolic.map((s) => s.id)]);
  const writes = symbolic.map((s, k) => `out[${s.index}] = ${fullBlock.expressions[k + 1]};`);
  const symbolicValueAndGradient = build<(x: Float64Array, out: Float64Array) => number>(
    `return function valueAndGradient(x, out) {\n${load}\n${fullBlock.statements.join('\n')}\n${writes.join('\n')}\nreturn ${fullBlock.expressions[0]};\n};`,
    slots,
  );

  let valueAndGradient = symbolicValueAndGradient;
  if (numericIndices.length > 0) {
    const scratch = new Float64Array(dimension);
    valueAndGradient = (x: Float64Array, out: Float64Array): number => {
      const f = symbolicValueAndGradient(x, out);
      for (const i of numericIndices) out[i] = centralDifference(value, x, i, scratch);
      return f;
    };
  }

  let gradientText: readonly string[] | undefined;
  const problem: Problem = {
    variables,
    dimension,
    value,
    valueAndGradient,
    gradientMethod: numericIndices.length > 0 ? 'numeric' : 'symbolic',
    gradientText(): readonly string[] {
      gradientText ??= variables.map((variable, i) =>
        partialIds[i] === undefined
          ? describePartial(undefined, variable)
          : describePartial(symbolicPartial(formula.expression, variable), variable),
      );
      return gradientText;
    },
    ...parameterField,
  };
  // The fused loop needs every partial inline and at least one variable to move.
  if (numericIndices.length === 0 && dimension > 0) {
    const kernel: Kernel = {
      dimension,
      statements: fullBlock.statements,
      valueExpression: fullBlock.expressions[0],
      gradientExpressions: fullBlock.expressions.slice(1),
      parameters: slots,
    };
    registerKernel(problem, kernel);
  }
  return problem;
}

function describePartial(tree: MathNode | undefined, variable: string): string {
  if (tree === undefined) return `∂/∂${variable} by central differences (no symbolic derivative)`;
  try {
    return simplifyNode(tree).toString();
  } catch {
    return tree.toString();
  }
}
