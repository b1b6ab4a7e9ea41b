// What the person does on the plots, as edits of the selected run: place the start (click, drag), ask
// for the basins' starts, pick (η, β) on the momentum map. Each builds on the run's newest edit.
import type { RunControls } from '../shared/protocol';
import type { Chrome } from './chrome';
import type { Edits, RunEdit } from './edits';
import type { Store } from './store';
import type { LocalState } from './views/context';

/** The selected run's edits from the plots. */
export class RunIntents {
  constructor(
    private readonly store: Store,
    private readonly edits: Edits,
    private readonly local: LocalState,
    private readonly chrome: Chrome,
    private readonly schedule: (what: 'chrome' | 'content') => void,
  ) {}

  /** The person placed (click), is dragging (drag) or let go of (release) the start at a point. */
  readonly placeStart = (point: number[], how: 'click' | 'drag' | 'release'): void => {
    const run = this.store.run;
    const edit = this.currentEdit();
    if (!run || !edit) return;
    // A pointer is not precise to 15 digits: 4 significant ones keep the start box readable.
    const start = point.map((v) => Number(v.toPrecision(4)));
    if (how === 'click') this.local.rolling.add(run.id);
    this.chrome.controls?.showStart(start);
    this.edits.propose(run.id, { ...edit, controls: { ...edit.controls, start } });
  };

  /** η and β picked on the momentum map: the run takes the map's optimizer with them (3 significant digits). */
  readonly setRates = (optimizer: 'momentum' | 'nesterov' | 'adam', lr: number, beta: number): void => {
    const run = this.store.run;
    const edit = this.currentEdit();
    if (!run || !edit) return;
    const next = mapOptimizer(edit.controls.optimizer, optimizer, lr, beta);
    this.edits.propose(run.id, { ...edit, controls: { ...edit.controls, optimizer: next } });
    // The controls show the edit only when drawn again.
    this.chrome.forgetControls();
    this.schedule('chrome');
  };

  /** The person asked for (or cleared) the basins' starts. */
  readonly setStarts = (starts: number[][]): void => {
    const run = this.store.run;
    const edit = this.currentEdit();
    if (run && edit) this.edits.propose(run.id, { ...edit, starts });
  };

  /** The selected run's input as the controls show it (an unanswered edit first). */
  private currentEdit(): RunEdit | undefined {
    const run = this.store.run;
    if (!run) return undefined;
    return this.edits.pending(run.id) ?? { formula: run.formula, controls: run.controls, starts: run.starts };
  }
}

/** The optimizer settings for (η, β) picked on `optimizer`'s map, from the run's `current` ones. */
function mapOptimizer(
  current: RunControls['optimizer'],
  optimizer: 'momentum' | 'nesterov' | 'adam',
  lr: number,
  beta: number,
): RunControls['optimizer'] {
  const rate = Number(lr.toPrecision(3));
  const b = Number(beta.toPrecision(3));
  const same = current.name === optimizer ? current : {};
  const beta2 = Array.isArray(current.betas) ? Number(current.betas[1]) : 0.999;
  // torch refuses Nesterov without momentum; at β = 0 both momentum variants are plain gd.
  return optimizer === 'adam'
    ? { ...same, name: 'adam', lr: rate, betas: [b, beta2] as const }
    : b === 0
      ? { name: 'gd', lr: rate }
      : { ...same, name: optimizer, lr: rate, momentum: b };
}
