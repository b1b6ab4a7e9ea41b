// Saves the panel's state with setState, for the serializer and for painting at once after a reload.
import type { Store } from './store';
import { vscode } from './vscodeApi';

/** At most one save per this many ms while things change quickly (a drag saves a few times, not 30). */
const PERSIST_EVERY_MS = 300;

/** Saves the store's runs, selection, view and scene, throttled. */
export class StateSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;

  constructor(private readonly store: Store) {}

  /**
   * Saves at once after a quiet spell (a reload right after an edit finds it), at most every
   * PERSIST_EVERY_MS while edits stream in.
   */
  soon(): void {
    if (this.timer !== undefined) return; // the save that is due reads the state as it is then
    const wait = Math.max(0, this.last + PERSIST_EVERY_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      this.save();
    }, wait);
  }

  private save(): void {
    const store = this.store;
    const scene = store.scene();
    vscode.setState({
      runs: store.runs.map((r) => ({
        id: r.id,
        formula: r.formula,
        controls: r.controls,
        starts: r.starts,
        ...(r.label ? { label: r.label } : {}),
      })),
      selected: store.selected,
      view: store.view,
      ...(store.compare ? { compare: store.compare } : {}),
      ...(scene ? { scene } : {}),
    });
  }
}
