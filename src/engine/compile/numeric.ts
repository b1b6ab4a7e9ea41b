// Central differences for partials that mathjs cannot differentiate symbolically.

/** Relative step ~ cbrt(machine epsilon), the usual optimum for central differences. */
export const RELATIVE_STEP = Math.cbrt(Number.EPSILON);

/** ∂f/∂x_i at x by central differences; `scratch` (same length as x) is overwritten, x is left untouched. */
export function centralDifference(
  value: (x: Float64Array) => number,
  x: Float64Array,
  index: number,
  scratch: Float64Array,
): number {
  scratch.set(x);
  const xi = x[index];
  const h = RELATIVE_STEP * Math.max(1, Math.abs(xi));
  const up = xi + h;
  const down = xi - h;
  scratch[index] = up;
  const fUp = value(scratch);
  scratch[index] = down;
  const fDown = value(scratch);
  // Dividing by the representable spacing (up - down) rather than 2h removes the rounding of xi ± h.
  return (fUp - fDown) / (up - down);
}
