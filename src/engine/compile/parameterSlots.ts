// A formula's parameters as compiled code reads them: their names, one slot each for the value a
// run binds, and the problem's field that exposes both (absent without parameters).
import type { Formula, Problem } from '../types';

/** Names, value slots and the `parameters` field of the compiled problem, for `formula`. */
export function parameterSlots(formula: Formula): {
  readonly names: readonly string[];
  readonly slots: Float64Array;
  readonly field: Pick<Problem, 'parameters'>;
} {
  const names = formula.parameters.map((p) => p.name);
  const slots = new Float64Array(formula.parameters.map((p) => p.value));
  const field =
    names.length > 0
      ? { parameters: { names, defaults: formula.parameters.map((p) => p.value), values: slots } }
      : {};
  return { names, slots, field };
}
