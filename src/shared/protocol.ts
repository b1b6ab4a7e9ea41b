// The typed message protocol between the extension host and the panel's webview. Both sides
// import these types; the runtime guards that check untrusted messages live in messageGuards.ts.
import { HARD_LIMITS } from '../engine/limits';
import type { Analysis, RunOptions } from '../engine/types';

/** What the panel shows: the run list, the learning-rate effects, or an optimizer comparison. */
export type PanelView = 'runs' | 'learning-rate' | 'compare';

/** All panel views, in tab order. */
export const PANEL_VIEWS: readonly PanelView[] = ['runs', 'learning-rate', 'compare'];

/** True when `view` draws a part `analysis` lacks: the learning-rate sweep or the optimizer comparison. */
export function viewLacksData(view: PanelView, analysis: Analysis | undefined): boolean {
  return (view === 'learning-rate' && !analysis?.sweep) || (view === 'compare' && !analysis?.comparison);
}

/** A run as other parts of the extension hand it to the panel. */
export interface PanelRun {
  readonly formula: string;
  readonly options: RunOptions;
}

/** The input of one run in the panel's run list. */
export interface RunInput {
  readonly id: number;
  readonly formula: string;
  readonly options: RunOptions;
  /** Extra starting points, for the basins view of 2-variable functions. */
  readonly starts: readonly (readonly number[])[];
}

/** A user-facing error of one run: message and, when known, the 1-based column. */
export interface RunError {
  readonly message: string;
  readonly column?: number;
}

/** One run with its latest outcome, as the host reports it. */
export interface RunView extends RunInput {
  /** How many edits of the webview's this outcome includes; an answer to an older edit never undoes a newer one. */
  readonly revision?: number;
  readonly status: 'pending' | 'ok' | 'error';
  readonly analysis?: Analysis;
  readonly error?: RunError;
}

/** The part of the panel's state the webview keeps with setState and the serializer restores. */
export interface PersistedState {
  readonly runs: readonly RunInput[];
  readonly selected: number;
  readonly view: PanelView;
}

// ---- host -> webview ----

/** The whole panel state, sent in answer to `ready` and when the run list changes. */
export interface StateMessage {
  readonly type: 'state';
  readonly runs: readonly RunView[];
  readonly selected: number;
  readonly view: PanelView;
}

/** One run's new outcome (or that it is pending again). */
export interface RunUpdateMessage {
  readonly type: 'runUpdate';
  readonly run: RunView;
}

/** A short status line for the person, e.g. "Copied 12 rows as Markdown". */
export interface NoticeMessage {
  readonly type: 'notice';
  readonly text: string;
}

/** Every message the host sends to the webview. */
export type HostMessage = StateMessage | RunUpdateMessage | NoticeMessage;

// ---- webview -> host ----

/** The webview script has loaded and wants the state; it sends what it saved, for a host that has none. */
export interface ReadyMessage {
  readonly type: 'ready';
  readonly saved?: PersistedState;
}

/** A control changed: re-run this run with new input. */
export interface UpdateRunMessage {
  readonly type: 'updateRun';
  readonly runId: number;
  readonly formula: string;
  readonly options: RunOptions;
  readonly starts: readonly (readonly number[])[];
  /** The webview's edit count for this run, echoed back in the run's outcome. */
  readonly revision: number;
}

/** The person picked another run in the run list. */
export interface SelectRunMessage {
  readonly type: 'selectRun';
  readonly runId: number;
}

/** The person removed a run from the run list. */
export interface RemoveRunMessage {
  readonly type: 'removeRun';
  readonly runId: number;
}

/** The person switched the view. */
export interface SetViewMessage {
  readonly type: 'setView';
  readonly view: PanelView;
}

/** Copy the selected run's iterations to the clipboard. */
export interface CopyIterationsMessage {
  readonly type: 'copyIterations';
  readonly runId: number;
  readonly format: 'markdown' | 'csv';
}

/** Save a plot: SVG text, or a PNG as a base64 data URL. */
export interface SavePlotMessage {
  readonly type: 'savePlot';
  readonly format: 'svg' | 'png';
  readonly data: string;
  readonly name: string;
}

/** Every message the webview sends to the host. */
export type WebviewMessage =
  | ReadyMessage
  | UpdateRunMessage
  | SelectRunMessage
  | RemoveRunMessage
  | SetViewMessage
  | CopyIterationsMessage
  | SavePlotMessage;

/** Limits the guards enforce on untrusted messages. */
export const LIMITS = {
  formulaLength: HARD_LIMITS.maxFormulaLength,
  variables: 1_000,
  starts: 64,
  runs: 32,
  // As high as the settings may raise the engine's limits; the engine's current limits cap each run.
  maxIterations: HARD_LIMITS.maxIterations,
  timeBudgetMs: HARD_LIMITS.timeBudgetMs,
  traceLimit: 100_000,
  coordinate: 1e12,
  learningRate: { min: 1e-12, max: 1e6 },
  plotDataLength: 20_000_000,
  nameLength: 120,
  noticeLength: 500,
  errorLength: 2_000,
} as const;
