// How the comparison tells its runs apart (DOM-free, tested in Node).
import { DASH_COUNT, seriesDash } from '../plots/dashes';

/**
 * The colour and dash of the compared run in `slot` (0 for the person's own): their own run keeps the
 * runs view's path colour and the only solid line; the others take the other colours and dashes,
 * shifting the dash each round through the colours, so no two runs share both.
 */
export function styleOf(slot: number, colours: readonly string[]): { color: string; dash: string } {
  if (slot === 0) return { color: colours[0]!, dash: seriesDash(0) };
  const others = Math.max(1, colours.length - 1);
  const dashes = Math.max(1, DASH_COUNT - 1);
  const place = (slot - 1) % others;
  const round = Math.floor((slot - 1) / others);
  return { color: colours[1 + place]!, dash: seriesDash(1 + ((place + round) % dashes)) };
}
