// What both script generators need from a run: its settings resolved as the engine resolves them,
// the start, Python names for the variables, and f and ∇f as Python expressions.
import { derivative } from '../compile/derivative';
import { startPoint } from '../descent';
import type { HyperParameter, HyperValue } from '../hyper';
import { optimizerDescriptor } from '../optimizers/registry';
import { resolveScheduler, type ResolvedScheduler } from '../schedulers/registry';
import { resolveOptimizer, resolveStop } from '../settings';
import type { Formula, OptimizerSettings, RunOptions } from '../types';
import { fold, pythonNames, pythonNumber, PythonPrinter, type Flavour } from './python';

/** A run to write out: the formula's allow-listed tree, the run's options and how many steps it took. */
export interface ExportedRun {
  readonly formula: Formula;
  readonly options: RunOptions;
  /** Optimizer steps to take: the engine run's `iterations`. */
  readonly iterations: number;
}

/** The run as the scripts need it. */
export interface Prepared {
  readonly settings: OptimizerSettings;
  readonly scheduler: ResolvedScheduler | undefined;
  readonly start: readonly number[];
  readonly names: readonly string[];
  readonly iterations: number;
  readonly maximize: boolean;
  /** OneCycleLR's steps when the run left total_steps to its iterations (a script must name them). */
  readonly runIterations: number;
}

export function prepare(run: ExportedRun): Prepared {
  const { formula, options } = run;
  if (!Number.isInteger(run.iterations) || run.iterations < 0) {
    throw new Error('iterations must be a whole number');
  }
  return {
    settings: resolveOptimizer(options.optimizer),
    scheduler: options.scheduler === undefined ? undefined : resolveScheduler(options.scheduler),
    start: Array.from(startPoint(options.start, formula.variables.length, options.fitStart)),
    names: pythonNames(formula.variables),
    iterations: run.iterations,
    maximize: options.maximize,
    runIterations: resolveStop(options.stop).maxIterations,
  };
}

/** A hyper-parameter's value as a Python literal; strings come from the descriptor's fixed choices. */
export function pythonValue(value: HyperValue, param?: HyperParameter): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') {
    const choice = param?.choices?.find((c) => c === value);
    if (choice === undefined) throw new Error(`Unexpected text value for ${param?.torch ?? 'a parameter'}`);
    return `'${choice}'`;
  }
  const items = (value as readonly unknown[]).map((v) => pythonValue(v as HyperValue));
  return param?.kind === 'pair' ? `(${items.join(', ')})` : `[${items.join(', ')}]`;
}

/** `name=value` for the optimizer's torch arguments (the engine's own ones, such as line_search, left out). */
export function optimizerArguments(settings: OptimizerSettings): string[] {
  const values = settings as unknown as Readonly<Record<string, HyperValue>>;
  return optimizerDescriptor(settings.name)
    .params.filter((p) => p.key !== 'lineSearch')
    .map((p) => `${p.torch}=${pythonValue(values[p.key]!, p)}`);
}

/** Python for f over the named variables. */
export function valueExpression(formula: Formula, names: readonly string[], flavour: Flavour): string {
  const slots = new Map(formula.variables.map((v, i) => [v, i] as const));
  return new PythonPrinter(flavour, names).print(fold(formula.expression, slots));
}

/**
 * Python for each partial derivative from the engine's symbolic derivative (mathjs's rules and the
 * engine's own for sigmoid, ReLU, Huber …: the trees the engine compiles), or undefined where the
 * engine, too, falls back to central differences.
 */
export function gradientExpressions(formula: Formula, names: readonly string[]): (string | undefined)[] {
  const slots = new Map(formula.variables.map((v, i) => [v, i] as const));
  const printer = new PythonPrinter('numpy', names);
  return formula.variables.map((variable) => {
    try {
      return printer.print(fold(derivative(formula.expression, variable), slots));
    } catch {
      return undefined;
    }
  });
}

/** `x, y = params[0], params[1]`: the variables unpacked from the parameter vector. */
export function unpack(names: readonly string[], vector: string): string {
  if (names.length === 0) return '';
  return `${names.join(', ')} = ${names.map((_, i) => `${vector}[${i}]`).join(', ')}`;
}

/** The start as a Python list of floats. */
export function pythonList(values: readonly number[]): string {
  return `[${values.map((v) => pythonNumber(v)).join(', ')}]`;
}
