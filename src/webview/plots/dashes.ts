// The dash patterns that tell overlaid series apart (DOM-free, so host-side tests can read them).
// Themes give six chart colours, two of them close (orange and yellow); a dash pattern per series
// keeps overlaid paths apart for every eye and theme.
const DASHES = ['', '7 3', '2 2', '9 3 2 3', '4 4', '1 3'] as const;

/** How many dash patterns seriesDash cycles through (the first is solid). */
export const DASH_COUNT = DASHES.length;

/** The dash pattern of the i-th overlaid series ('' is solid). */
export function seriesDash(i: number): string {
  return DASHES[i % DASHES.length] ?? '';
}
