// A grid of starting points for several starts at once (the panel's basins view builds its own
// here). Pure arithmetic, so the webview bundles it without the rest of the engine.

/** Most points a grid of starts may have. */
export const MAX_GRID_STARTS = 2_500;

/**
 * A grid of starts: `perAxis` evenly spaced values on each axis's [lo, hi], every combination,
 * first axis fastest. `perAxis` is reduced so the grid has at most MAX_GRID_STARTS points.
 */
export function gridOfStarts(ranges: readonly (readonly [number, number])[], perAxis: number): number[][] {
  if (ranges.length === 0) return [];
  let n = Math.max(1, Math.floor(perAxis));
  while (n > 1 && n ** ranges.length > MAX_GRID_STARTS) n--;
  const axes = ranges.map(([lo, hi]) =>
    n === 1 ? [(lo + hi) / 2] : Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1)),
  );
  let grid: number[][] = [[]];
  for (const values of axes) {
    const next: number[][] = [];
    for (const v of values) for (const prefix of grid) next.push([...prefix, v]);
    grid = next;
  }
  return grid;
}
