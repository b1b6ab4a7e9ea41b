// Table-driven checks of what a selection is read as: its variables, parameters and value at a
// point (compiled, so the new functions count too), or the refusal it gets.
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { bindParameters } from '../../src/engine/parameters';
import { parseFormula } from '../../src/engine/parse';
import { FormulaError, type FormulaErrorCode, type Notation } from '../../src/engine/types';

/** A selection and what it must mean; `value` is worked out by hand at `at` (variables and parameters by name). */
export interface ReadCase {
  readonly text: string;
  readonly variables: readonly string[];
  readonly at: Readonly<Record<string, number>>;
  readonly value: number;
  readonly parameters?: readonly string[];
  readonly notation?: Notation;
}

/** A selection that must be refused with `code` and a message matching `words`. */
export interface RefusedCase {
  readonly text: string;
  readonly code: FormulaErrorCode;
  readonly words: RegExp;
  readonly column?: number;
}

/** f at `at`, through the compiler (parameters set by name, the rest at their defaults). */
export function compiledValue(text: string, at: Readonly<Record<string, number>>): number {
  const formula = parseFormula(text);
  const problem = compileFormula(formula);
  const names = new Set(formula.parameters.map((p) => p.name));
  bindParameters(problem, Object.fromEntries(Object.entries(at).filter(([name]) => names.has(name))));
  return problem.value(Float64Array.from(formula.variables.map((v) => at[v] ?? NaN)));
}

export function readCases(cases: readonly ReadCase[]): void {
  for (const c of cases) {
    it(JSON.stringify(c.text), () => {
      const formula = parseFormula(c.text);
      assert.deepEqual(formula.variables, c.variables, 'variables');
      assert.deepEqual(
        formula.parameters.map((p) => p.name),
        c.parameters ?? [],
        'parameters',
      );
      if (c.notation !== undefined) assert.equal(formula.notation, c.notation);
      const value = compiledValue(c.text, c.at);
      const tolerance = 1e-12 * Math.max(1, Math.abs(c.value));
      assert.ok(Math.abs(value - c.value) <= tolerance, `value ${value}, expected ${c.value}`);
    });
  }
}

/** The FormulaError parseFormula throws for `text` (fails the test when it returns). */
export function refusalOf(text: string): FormulaError {
  try {
    const formula = parseFormula(text);
    assert.fail(`${JSON.stringify(text)} was read as ${formula.expression.toString()}`);
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    return error;
  }
}

export function refusedCases(cases: readonly RefusedCase[]): void {
  for (const c of cases) {
    it(`refuses ${JSON.stringify(c.text)}`, () => {
      const error = refusalOf(c.text);
      assert.equal(error.code, c.code, error.message);
      assert.match(error.message, c.words);
      assert.doesNotMatch(error.message, /\n/, 'one line');
      if (c.column !== undefined) assert.equal(error.column, c.column, 'column');
    });
  }
}
