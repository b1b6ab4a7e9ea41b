// A run's parameter values: the formula's defaults, overridden by name by RunOptions.parameters,
// written into the slots the compiled code reads, so that a slider re-runs without recompiling.
import { FormulaError, type Parameter, type Problem } from './types';

/** Writes the run's parameter values into `problem`'s slots and returns them; refuses unknown names and non-numbers. */
export function bindParameters(
  problem: Problem,
  overrides: Readonly<Record<string, number>> | undefined,
): readonly Parameter[] {
  const slots = problem.parameters;
  const names = slots?.names ?? [];
  const given = overrides === undefined || overrides === null ? {} : overrides;
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new FormulaError('Parameters must be given as names with numbers, such as a = 2.', 'bad-option');
  }
  for (const [name, value] of Object.entries(given)) {
    if (!names.includes(name)) {
      const known = names.length === 0 ? 'it has none' : `its parameters are ${names.join(', ')}`;
      throw new FormulaError(`The formula has no parameter named ${name} (${known}).`, 'bad-option');
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new FormulaError(
        `The parameter ${name} must be a finite number (got ${String(value)}).`,
        'bad-option',
      );
    }
  }
  if (slots === undefined) return [];
  return names.map((name, i) => {
    const value = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : slots.defaults[i];
    slots.values[i] = value;
    return { name, value };
  });
}
