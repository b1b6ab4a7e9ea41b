// A start that shows descent, offered when the one given is already stationary (the README's
// Rosenbrock example starts at its minimum (1, 1) by default: nothing moves).

/** The first coordinate moved to −1.2 times itself (Rosenbrock's classic (−1.2, 1) from (1, 1)), or to 1 from 0. */
export function descendingStart(start: readonly number[]): number[] {
  const [first = 0, ...rest] = start;
  return [first === 0 ? 1 : Number((-1.2 * first).toPrecision(12)), ...rest];
}
