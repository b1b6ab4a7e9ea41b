// The values a note writes for a formula's parameters (`$\lambda = 0.1$` or a line `a = 2` near
// `f(x) = a x^2 + \lambda x`): a surface with the document (the run command, the hover) seeds the
// run's RunOptions.parameters with them; values the options set already win.
import { parseFormula } from '../engine/parse';
import type { RunOptions } from '../engine/types';

/** The values a note writes for some of `names` (the formula's parameters), by name. */
export type NotedValues = (names: readonly string[]) => Readonly<Record<string, number>>;

/** `options` with the values the note gives the formula's parameters, beneath those the options set. */
export function withNotedValues(
  options: RunOptions,
  parameters: readonly { readonly name: string }[],
  noted: NotedValues | undefined,
): RunOptions {
  if (noted === undefined || parameters.length === 0) return options;
  const values = noted(parameters.map((p) => p.name));
  if (Object.keys(values).length === 0) return options;
  return { ...options, parameters: { ...values, ...options.parameters } };
}

/** As withNotedValues for formula text not parsed yet; text that does not parse keeps `options` (its run says why). */
export function notedOptions(formula: string, options: RunOptions, noted: NotedValues): RunOptions {
  let parameters;
  try {
    parameters = parseFormula(formula).parameters;
  } catch {
    return options;
  }
  return withNotedValues(options, parameters, noted);
}
