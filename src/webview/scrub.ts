// Scrubbing: dragging a number field's label sideways changes its value, as in drawing programs, so a
// parameter can be swept by hand without typing. The learning rate and tolerances scale by powers of
// ten (a fifth of a decade per 20 px); other fields step by their size.
import { formatNumber } from '../shared/numberText';

/** Pixels of drag per step (or per fifth of a decade). */
const PIXELS_PER_STEP = 20;

/** True when the field is better moved in ratios than in steps (a positive value with a small minimum). */
function multiplicative(input: HTMLInputElement): boolean {
  return Number(input.min) >= 0 && input.step === 'any' && Number(input.value) > 0;
}

/** Makes dragging `label` sideways change `input` (and fire its input event). */
export function scrubbable(label: HTMLElement, input: HTMLInputElement): void {
  label.classList.add('scrub');
  label.setAttribute('title', 'Drag sideways to change the value');
  let from: { x: number; value: number } | undefined;
  label.addEventListener('pointerdown', (event: PointerEvent) => {
    const value = Number(input.value);
    if (!Number.isFinite(value)) return;
    from = { x: event.clientX, value };
    label.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  });
  label.addEventListener('pointermove', (event: PointerEvent) => {
    if (!from) return;
    const steps = (event.clientX - from.x) / PIXELS_PER_STEP;
    const size = Number(input.step) > 0 ? Number(input.step) : 1;
    const raw = multiplicative(input)
      ? from.value * 10 ** (steps / 5)
      : from.value + Math.round(steps) * size;
    const min = input.min === '' ? -Infinity : Number(input.min);
    const max = input.max === '' ? Infinity : Number(input.max);
    const next = Math.min(max, Math.max(min, raw));
    const text = formatNumber(next, { digits: 4, minus: '-' });
    if (text === input.value) return;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const end = (): void => {
    from = undefined;
  };
  label.addEventListener('pointerup', end);
  label.addEventListener('pointercancel', end);
}
