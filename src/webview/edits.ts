// Live edits: what the person drags or types goes to the host as a `setInput` request, at most one in
// flight per run. Edits that come while one is in flight replace each other (the latest wins) and go
// out when its answer arrives, so the panel redraws as often as the host can answer and never waits
// behind work it no longer needs. The time of each edit is kept to measure input → redraw.
import type { MessageChannel } from '../shared/channel';
import type { HostMessage, RunControls, WebviewMessage } from '../shared/protocol';

/** A run's new input. */
export interface RunEdit {
  readonly formula: string;
  readonly controls: RunControls;
  readonly starts: readonly (readonly number[])[];
}

/** Sends edits, coalesced per run. */
export class Edits {
  private readonly latest = new Map<number, { edit: RunEdit; at: number }>();
  /** The newest edit the person made to each run, sent or not: what the controls and the plot build on. */
  private readonly proposed = new Map<number, RunEdit>();
  private readonly inFlight = new Set<number>();
  /** The newest edit the host has answered and that is not drawn yet: when it was made and answered. */
  answered: { readonly editedAt: number; readonly answeredAt: number } | undefined;

  constructor(
    private readonly channel: MessageChannel<HostMessage, WebviewMessage>,
    private readonly onAnswer: () => void,
    private readonly onBusy: (count: number) => void = () => undefined,
  ) {}

  /** True while an edit of this run is on its way or waiting to go. */
  busy(runId: number): boolean {
    return this.inFlight.has(runId) || this.latest.has(runId);
  }

  private report(): void {
    this.onBusy(this.inFlight.size + this.latest.size);
  }

  /**
   * The newest edit of a run (what its controls show), if the person made any: a click on the plot
   * builds on it even before the host has answered it.
   */
  pending(runId: number): RunEdit | undefined {
    return this.proposed.get(runId);
  }

  /** Proposes a new input for a run; it goes out now, or when the edit in flight is answered. */
  propose(runId: number, edit: RunEdit): void {
    this.latest.set(runId, { edit, at: performance.now() });
    this.proposed.set(runId, edit);
    this.send(runId);
    this.report();
  }

  private send(runId: number): void {
    if (this.inFlight.has(runId)) return;
    const next = this.latest.get(runId);
    if (!next) return;
    this.latest.delete(runId);
    this.inFlight.add(runId);
    const { edit, at } = next;
    const request: WebviewMessage = {
      type: 'setInput',
      runId,
      formula: edit.formula,
      controls: edit.controls,
      starts: edit.starts,
    };
    const done = (): void => {
      this.inFlight.delete(runId);
      this.answered = { editedAt: at, answeredAt: performance.now() };
      this.onAnswer();
      this.send(runId);
      this.report();
    };
    this.channel.request(request).then(done, done);
  }
}
