// Debounced, latest-wins engine runs per panel run: a new request for a run cancels its pending
// and in-flight ones, and only the newest request's outcome is reported.
import type { Analysis, AnalysisRequest } from '../../engine/types';
import type { RunError } from '../../shared/protocol';

/** Runs the engine; rejects with a FormulaError-like error ({ message, column }) on bad input. */
export type Analyzer = (request: AnalysisRequest, signal: AbortSignal) => Promise<Analysis>;

/** The outcome of one engine run, as a value. */
export type Outcome =
  { readonly ok: true; readonly analysis: Analysis } | { readonly ok: false; readonly error: RunError };

/** Hooks the panel uses: the outcome, and a started run it may show progress for (and cancel). */
export interface SchedulerHooks {
  outcome(key: number, outcome: Outcome): void;
  started?(key: number, cancel: () => void, finished: Promise<void>): void;
}

/** Turns anything an analyzer threw into a message a person can read; never a stack trace. */
export function toRunError(error: unknown): RunError {
  if (error instanceof Error && error.name === 'FormulaError') {
    const column = (error as Error & { column?: unknown }).column;
    return typeof column === 'number' ? { message: error.message, column } : { message: error.message };
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { message: `The engine could not run this formula: ${message.slice(0, 300)}` };
}

interface Slot {
  timer?: ReturnType<typeof setTimeout>;
  controller?: AbortController;
  generation: number;
}

/** Schedules engine runs keyed by run id. */
export class RunScheduler {
  private readonly slots = new Map<number, Slot>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly hooks: SchedulerHooks,
    private readonly debounceMs = 150,
  ) {}

  /** Runs `request` for `key` after the debounce delay, replacing anything pending for that key. */
  schedule(key: number, request: AnalysisRequest, immediate = false): void {
    const slot = this.cancelSlot(key);
    const generation = slot.generation;
    const go = (): void => void this.execute(key, request, generation);
    if (immediate || this.debounceMs <= 0) go();
    else slot.timer = setTimeout(go, this.debounceMs);
  }

  /** Cancels what is pending or running for `key`. */
  cancel(key: number): void {
    this.cancelSlot(key);
    this.slots.delete(key);
  }

  /** Cancels everything. */
  dispose(): void {
    for (const key of [...this.slots.keys()]) this.cancel(key);
  }

  private cancelSlot(key: number): Slot {
    const slot = this.slots.get(key) ?? { generation: 0 };
    if (slot.timer !== undefined) clearTimeout(slot.timer);
    slot.controller?.abort();
    slot.timer = undefined;
    slot.controller = undefined;
    slot.generation += 1;
    this.slots.set(key, slot);
    return slot;
  }

  private async execute(key: number, request: AnalysisRequest, generation: number): Promise<void> {
    const slot = this.slots.get(key);
    if (!slot || slot.generation !== generation) return;
    slot.timer = undefined;
    const controller = new AbortController();
    slot.controller = controller;
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    this.hooks.started?.(key, () => controller.abort(), finished);
    let outcome: Outcome;
    try {
      outcome = { ok: true, analysis: await this.analyzer(request, controller.signal) };
    } catch (error) {
      outcome = { ok: false, error: toRunError(error) };
    } finally {
      finish();
    }
    if (slot.generation !== generation || this.slots.get(key) !== slot) return;
    slot.controller = undefined;
    if (controller.signal.aborted) {
      this.hooks.outcome(key, { ok: false, error: { message: 'Run cancelled.' } });
      return;
    }
    this.hooks.outcome(key, outcome);
  }
}
