// Play/pause and an iteration slider to step the ball through the kept iterates (the label names the
// iteration itself: a long run's trace keeps a faithful sample of its iterates).
import { h } from './dom';

/** The player's element and its controls. */
export interface Player {
  readonly element: HTMLElement;
  /** Plays from the current frame (from the first when at the end). */
  play(): void;
  stop(): void;
}

/** Frames per second of the player, and how many frames a whole run takes at most. */
const FRAME_MS = 80;
const MAX_FRAMES = 120;

/** A player over the kept iterates numbered `iterations`, starting at `frame`; `show` draws a frame. */
export function createPlayer(
  iterations: ArrayLike<number>,
  frame: number,
  show: (frame: number) => void,
): Player {
  const last = Math.max(0, iterations.length - 1);
  const lastIteration = iterations[last] ?? 0;
  let current = Math.min(frame, last);
  let timer: ReturnType<typeof setInterval> | undefined;
  const slider = h('input', {
    type: 'range',
    min: 0,
    max: last,
    step: 1,
    value: String(current),
    'data-testid': 'iteration-slider',
    id: 'iteration-slider',
    'aria-label': 'Iteration',
  });
  const label = h('output', { for: 'iteration-slider', 'data-testid': 'iteration-label' });
  const button = h('button', { type: 'button', 'data-testid': 'play-pause' }, 'Play');
  const caption = (): string => `iterate ${iterations[current] ?? 0} of ${lastIteration}`;
  const set = (k: number): void => {
    current = Math.max(0, Math.min(last, k));
    slider.value = String(current);
    label.textContent = caption();
    show(current);
  };
  const stop = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    button.textContent = 'Play';
  };
  const play = (): void => {
    if (current >= last) set(0);
    button.textContent = 'Pause';
    const stepEvery = Math.max(1, Math.ceil(last / MAX_FRAMES));
    timer = setInterval(() => {
      if (current >= last) stop();
      else set(current + stepEvery);
    }, FRAME_MS);
  };
  button.addEventListener('click', () => (timer === undefined ? play() : stop()));
  slider.addEventListener('input', () => {
    stop();
    set(Number(slider.value));
  });
  label.textContent = caption();
  const element = h('div', { class: 'player', 'data-testid': 'player' }, button, slider, label);
  return { element, play, stop };
}
