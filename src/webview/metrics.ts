// Input → redraw times of live edits, kept in the page for `npm run bench:panel` and the E2E tests to
// read (window.__gdMetrics): each entry is how long after the person's edit its result was drawn.
interface Metrics {
  readonly latencies: number[];
  /** For the same edits: how long after the edit the host's answer arrived (the rest is waiting for a frame and drawing). */
  readonly roundTrips: number[];
  /** How long each drawing of an answered edit took. */
  readonly draws: number[];
  /** From a click on a view's tab to that view drawn with all its parts. */
  readonly viewSwitches: number[];
  redraws: number;
  /**
   * Edits sent and not yet answered or waiting to be sent, plus one while the host is still computing
   * parts of the selected run's view or a drawing is due: 0 when the panel is idle.
   */
  busy: number;
}

interface MetricsWindow {
  __gdMetrics?: Metrics;
}

/** Records when an answered edit's result reaches the screen. */
export class DrawMetrics {
  private readonly store: Metrics;

  constructor() {
    const w = window as unknown as MetricsWindow;
    w.__gdMetrics ??= { latencies: [], roundTrips: [], draws: [], viewSwitches: [], redraws: 0, busy: 0 };
    this.store = w.__gdMetrics;
  }

  /** How many edits are on their way, and whether parts of the view are still to come or to draw. */
  busy(edits: number, computing: boolean): void {
    this.store.busy = edits + (computing ? 1 : 0);
  }

  /**
   * The result of the edit made at `editedAt` (performance.now()), answered at `answeredAt`, was just
   * drawn; drawing began at `drawStart`.
   */
  drawn(editedAt: number, answeredAt: number, drawStart: number): void {
    const now = performance.now();
    this.store.redraws++;
    this.store.latencies.push(now - editedAt);
    this.store.roundTrips.push(answeredAt - editedAt);
    this.store.draws.push(now - drawStart);
    if (this.store.latencies.length > 10_000) {
      for (const list of [this.store.latencies, this.store.roundTrips, this.store.draws]) {
        list.splice(0, 5_000);
      }
    }
  }

  /** A view chosen at `chosenAt` is drawn complete. */
  viewShown(chosenAt: number): void {
    this.store.viewSwitches.push(performance.now() - chosenAt);
  }
}
