// The derivative helpers the engine's symbolic derivatives call (compile/derivative.ts: ReLU's step,
// max's and min's slope, Huber's), written for NumPy as compile/functionTable.ts computes them, so
// an exported gradient is the engine's rather than a central difference beside it.

/** `name(args)` in NumPy, for the helpers only derivatives use; undefined for any other name. Each argument comes as an atom (parenthesised unless it is one). */
export function numpySlope(name: string, args: readonly string[]): string | undefined {
  const [a, b] = args;
  if (args.length === 1 && name === 'step') return `np.where(${a} > 0, 1.0, 0.0)`;
  if (args.length !== 2) return undefined;
  switch (name) {
    case 'maxSlope':
      // 1 where a is the larger, ½ on a tie (the engine's choice), 0 otherwise and for NaN.
      return `np.where(${a} > ${b}, 1.0, np.where(${a} == ${b}, 0.5, 0.0))`;
    case 'huberSlope':
      return `np.where(${b} > 0, np.clip(${a}, -${b}, ${b}), np.nan)`;
    case 'huberDeltaSlope':
      return `np.where(${b} > 0, np.maximum(0.0, np.abs(${a}) - ${b}), np.nan)`;
    default:
      return undefined;
  }
}
