// Input → redraw times of live edits, kept in the page for `npm run bench:panel` and the E2E tests to
// read (window.__gdMetrics): each entry is how long after the person's edit its result was drawn.
interface Metrics {
  readonly latencies: number[];
  redraws: number;
  /** Edits sent and not yet answered, or waiting to be sent: 0 when the panel is idle. */
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
    w.__gdMetrics ??= { latencies: [], redraws: 0, busy: 0 };
    this.store = w.__gdMetrics;
  }

  /** How many edits are on their way. */
  set busy(count: number) {
    this.store.busy = count;
  }

  /** The result of the edit made at `editedAt` (performance.now()) was just drawn. */
  drawn(editedAt: number): void {
    this.store.redraws++;
    this.store.latencies.push(performance.now() - editedAt);
    if (this.store.latencies.length > 10_000) this.store.latencies.splice(0, 5_000);
  }
}
