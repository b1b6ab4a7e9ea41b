// Play/pause and an iteration slider to step the ball through the iterates.
import { h } from './dom';

/** The player's element and its controls. */
export interface Player {
  readonly element: HTMLElement;
  /** Plays from the current frame (from the first when at the end). */
  play(): void;
  stop(): void;
}

/** A player over `count` frames starting at `frame`; `show` draws a frame. */
export function createPlayer(count: number, frame: number, show: (frame: number) => void): Player {
  const last = Math.max(0, count - 1);
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
  });
  const label = h('output', { for: 'iteration-slider', 'data-testid': 'iteration-label' });
  const button = h('button', { type: 'button', 'data-testid': 'play-pause' }, 'Play');
  const set = (k: number): void => {
    current = Math.max(0, Math.min(last, k));
    slider.value = String(current);
    label.textContent = `iterate ${current} of ${last}`;
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
    const stepEvery = Math.max(1, Math.ceil(last / 120));
    timer = setInterval(() => {
      if (current >= last) stop();
      else set(current + stepEvery);
    }, 80);
  };
  button.addEventListener('click', () => (timer === undefined ? play() : stop()));
  slider.addEventListener('input', () => {
    stop();
    set(Number(slider.value));
  });
  label.textContent = `iterate ${current} of ${last}`;
  const element = h(
    'div',
    { class: 'player', 'data-testid': 'player' },
    button,
    h('label', { for: 'iteration-slider', class: 'sr-only' }, 'Iteration'),
    slider,
    label,
  );
  return { element, play, stop };
}
