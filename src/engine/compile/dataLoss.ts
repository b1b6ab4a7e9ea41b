// compileDataLoss: a loss with sums over a data set (`\frac{1}{2m}\sum_{i=1}^{m} (w x_i + b - y_i)^2`)
// to a Problem whose generated code loops over the rows of the current batch, never a formula with m
// copies. Each sum's body is differentiated once, symbolically; the loss outside the sums is a function
// of the variables, the sums' values S_k and the row count m, so ∂J/∂θ = ∂J̃/∂θ + Σ_k ∂J̃/∂S_k · Σ_rows ∂body_k/∂θ.
import { nodes, simplifyNode, type MathNode } from '../math';
import { columnSymbol, dataSumsOf, readColumn, readDataSum, type ColumnRef } from '../parse/dataSum';
import { FormulaError, type Formula, type Problem } from '../types';
import type { DataTable } from '../data/table';
import { parameterSlots } from './parameterSlots';
import { derivative } from './derivative';
import { emitBlock, loadParameters, variableName } from './emit';
import { COMPILER_HELPERS } from './functionTable';
import { IrBuilder } from './ir';

/** The rows a data loss reads at its next evaluation: the batch, set by the mini-batch loop. */
export interface DataBinding {
  readonly table: DataTable;
  /** The columns the loss reads, in the order of Formula.data.columns. */
  readonly columns: readonly Float64Array[];
  /** Row numbers (0-based) of the batch; only the first `count` are read. */
  rows: Uint32Array;
  count: number;
  /** Rows 0 … rows−1 in file order: with `rows` set to it, the loop reads the columns directly. */
  readonly all: Uint32Array;
}

/** A compiled loss over data with the binding its generated code reads. */
export interface DataProblem {
  readonly problem: Problem;
  readonly binding: DataBinding;
}

const bindings = new WeakMap<Problem, DataBinding>();

/** The binding of a problem made by compileDataLoss, else undefined. */
export function dataBindingOf(problem: Problem): DataBinding | undefined {
  return bindings.get(problem);
}

/** Makes the problem read every row of its table in file order (the full-data loss). */
export function useAllRows(binding: DataBinding): void {
  binding.rows = binding.all;
  binding.count = binding.table.rows;
}

function identityRows(count: number): Uint32Array {
  const rows = new Uint32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

/** The table column a reference reads: `x` for x_i; `x2`, `x_2` or `x_{2}` for x_{i,2}. */
function resolveColumn(ref: ColumnRef, table: DataTable, index: string): number {
  const names =
    ref.feature === undefined ? [ref.base] : [`${ref.base}${ref.feature}`, `${ref.base}_${ref.feature}`];
  const found = table.columns.findIndex((c) => names.includes(c));
  if (found >= 0) return found;
  const written =
    ref.feature === undefined ? `${ref.base}_${index}` : `${ref.base}_{${index},${ref.feature}}`;
  throw new FormulaError(
    `The loss reads column ${names.join(' or ')} (${written}), but ${table.origin} has the columns ${table.columns.join(', ')}.`,
    'bad-option',
  );
}

const columnSlotName = (k: number): string => `__c${k}`;
const sumSlotName = (k: number): string => `__S${k}`;

/** `tree` with column references and inner data sums replaced by the symbols `rename` gives. */
function replaced(tree: MathNode, rename: (node: MathNode) => string | undefined): MathNode {
  return tree.transform((node) => {
    const name = rename(node);
    return name === undefined ? node : new nodes.SymbolNode(name);
  });
}

function partial(tree: MathNode, variable: string): MathNode {
  try {
    return derivative(tree, variable);
  } catch {
    throw new FormulaError(
      `The loss has no symbolic derivative with respect to ${variable}; sums over data need one.`,
      'not-allowed',
    );
  }
}

/** Compiles a formula whose sums run over `table`'s rows; the problem reads all rows until the binding changes. */
export function compileDataLoss(formula: Formula, table: DataTable): DataProblem {
  const spec = formula.data;
  if (spec === undefined) throw new FormulaError('The formula has no sum over a data set.', 'bad-option');
  const variables = [...formula.variables];
  const d = variables.length;
  const { names: parameterNames, slots, field: parameterField } = parameterSlots(formula);
  const sums = dataSumsOf(formula.expression);
  const index = sums[0]?.index ?? 'i';
  const refs = spec.columns;
  const columnIndex = refs.map((ref) => resolveColumn(ref, table, index));
  const slotOf = (node: MathNode): string | undefined => {
    const ref = readColumn(node);
    if (ref === undefined) return undefined;
    return columnSlotName(refs.findIndex((r) => r.base === ref.base && r.feature === ref.feature));
  };
  let sumCount = 0;
  // transform visits outer nodes first, in the order dataSumsOf lists the sums.
  const outer = formula.expression.transform((node) =>
    readDataSum(node) === undefined ? node : new nodes.SymbolNode(sumSlotName(sumCount++)),
  );
  const bodies = sums.map((s) => replaced(s.body, slotOf));

  // Inside the loop: θ at slots 0…d−1, the columns after them, then the row count.
  const bodyBuilder = new IrBuilder(
    [...variables, ...refs.map((_, k) => columnSlotName(k)), spec.count],
    parameterNames,
  );
  const bodyRoots = bodies.flatMap((body) => [
    bodyBuilder.fromMath(body),
    ...variables.map((v) => bodyBuilder.fromMath(partial(body, v))),
  ]);
  // After it: θ, the sums' values, then the row count.
  const outerBuilder = new IrBuilder(
    [...variables, ...bodies.map((_, k) => sumSlotName(k)), spec.count],
    parameterNames,
  );
  const outerRoots = [
    outerBuilder.fromMath(outer),
    ...variables.map((v) => outerBuilder.fromMath(partial(outer, v))),
    ...bodies.map((_, k) => outerBuilder.fromMath(partial(outer, sumSlotName(k)))),
  ];

  const all = identityRows(table.rows);
  const binding: DataBinding = {
    table,
    columns: columnIndex.map((c) => table.values[c]),
    rows: all,
    count: table.rows,
    all,
  };
  const source = (withGradient: boolean): string =>
    loopSource(
      { d, columns: refs.length, sums: bodies.length, withGradient, parameters: parameterNames.length },
      {
        body: emitBlock(bodyBuilder.nodes, bodyRoots, 't'),
        outer: emitBlock(outerBuilder.nodes, outerRoots, 'u'),
      },
    );
  const build = <T>(text: string): T =>
    // The text is assembled only from emitBlock output and fixed text; see emit.ts.
    (
      new Function('H', 'P', 'D', `"use strict";\n${text}`) as (
        h: typeof COMPILER_HELPERS,
        p: Float64Array,
        b: DataBinding,
      ) => T
    )(COMPILER_HELPERS, slots, binding);
  const value = build<(x: Float64Array) => number>(source(false));
  const valueAndGradient = build<(x: Float64Array, out: Float64Array) => number>(source(true));

  let gradientText: readonly string[] | undefined;
  const problem: Problem = {
    variables,
    dimension: d,
    value,
    valueAndGradient,
    gradientMethod: 'symbolic',
    gradientText(): readonly string[] {
      const names = refs.map((ref) => columnSymbol(ref, index));
      gradientText ??= variables.map((v) => describe(outer, bodies, v, index, names));
      return gradientText;
    },
    ...parameterField,
  };
  bindings.set(problem, binding);
  return { problem, binding };
}

interface LoopShape {
  readonly d: number;
  readonly columns: number;
  readonly sums: number;
  readonly withGradient: boolean;
  readonly parameters: number;
}

interface LoopBlocks {
  readonly body: { statements: readonly string[]; expressions: readonly string[] };
  readonly outer: { statements: readonly string[]; expressions: readonly string[] };
}

/** The generated function: θ loaded once, one loop over the batch accumulating each sum and its partials, then the outer loss. */
function loopSource(shape: LoopShape, blocks: LoopBlocks): string {
  const { d, columns, sums, withGradient } = shape;
  const lines: string[] = [`return function ${withGradient ? 'valueAndGradient(x, out)' : 'value(x)'} {`];
  lines.push(loadParameters(shape.parameters));
  if (d > 0) {
    lines.push(`const ${Array.from({ length: d }, (_, i) => `${variableName(i)} = x[${i}]`).join(', ')};`);
  }
  lines.push('const rows = D.rows, n = D.count, C = D.columns;');
  if (columns > 0) {
    lines.push(`const ${Array.from({ length: columns }, (_, k) => `c${k} = C[${k}]`).join(', ')};`);
  }
  const acc = (k: number, j?: number): string => (j === undefined ? `a${k}` : `a${k}_${j}`);
  const accumulators = Array.from({ length: sums }, (_, k) => [
    acc(k),
    ...(withGradient ? Array.from({ length: d }, (_, j) => acc(k, j)) : []),
  ]).flat();
  lines.push(`let ${accumulators.map((a) => `${a} = 0`).join(', ')};`);
  const body: string[] = [];
  const rowLoads = [
    ...Array.from({ length: columns }, (_, k) => `${variableName(d + k)} = c${k}[q]`),
    `${variableName(d + columns)} = n`,
  ];
  body.push(`const ${rowLoads.join(', ')};`, ...blocks.body.statements);
  for (let k = 0; k < sums; k++) {
    const base = k * (d + 1);
    body.push(`${acc(k)} += ${blocks.body.expressions[base]};`);
    if (withGradient) {
      for (let j = 0; j < d; j++) body.push(`${acc(k, j)} += ${blocks.body.expressions[base + 1 + j]};`);
    }
  }
  // All rows in file order read the columns directly; a batch reads them through its row numbers.
  lines.push('if (rows === D.all) {', 'for (let q = 0; q < n; q++) {', ...body, '}', '} else {');
  lines.push('for (let r = 0; r < n; r++) {', 'const q = rows[r];', ...body, '}', '}');
  lines.push('{');
  const outerLoads = [
    ...Array.from({ length: sums }, (_, k) => `${variableName(d + k)} = ${acc(k)}`),
    `${variableName(d + sums)} = n`,
  ];
  lines.push(`const ${outerLoads.join(', ')};`, ...blocks.outer.statements);
  if (withGradient) {
    const e = blocks.outer.expressions;
    for (let j = 0; j < d; j++) {
      const chain = Array.from({ length: sums }, (_, k) => ` + ${e[1 + d + k]} * ${acc(k, j)}`).join('');
      lines.push(`out[${j}] = ${e[1 + j]}${chain};`);
    }
  }
  lines.push(`return ${blocks.outer.expressions[0]};`, '}', '};');
  return lines.join('\n');
}

/** ∂J/∂v for people: the outer partial plus each sum's factor times Σᵢ of the body's partial. */
function describe(
  outer: MathNode,
  bodies: readonly MathNode[],
  variable: string,
  index: string,
  columns: readonly string[],
): string {
  const text = (tree: MathNode): string => {
    let shown: string;
    try {
      shown = simplifyNode(tree).toString();
    } catch {
      shown = tree.toString();
    }
    return shown.replace(/__c(\d+)/g, (_, k: string) => columns[Number(k)]).replace(/__S(\d+)/g, 'S$1');
  };
  const parts = [text(partial(outer, variable))];
  bodies.forEach((body, k) => {
    parts.push(`(${text(partial(outer, sumSlotName(k)))}) * sum_${index}(${text(partial(body, variable))})`);
  });
  return parts.filter((p) => p !== '0').join(' + ');
}
