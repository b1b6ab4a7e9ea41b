// The webview's model of the panel: the runs the host reported, the selection, the view and the
// animation frame; updated from host messages and from the person's edits.
import type { HostMessage, PanelView, PersistedState, RunInput, RunView } from '../shared/protocol';

/** Everything the webview renders from. */
export interface WebviewState {
  runs: RunView[];
  selected: number;
  view: PanelView;
  notice: string;
  /** Which trace index the player shows, per run id (absent: the last). */
  frames: Map<number, number>;
  /** Runs whose next result plays from its first iterate: the ball was just placed by a click. */
  rolling: Set<number>;
}

/** What changed, so that the renderer redraws only what it must. */
export type Change = 'all' | 'run' | 'notice';

/** A fresh state, from what the webview saved before a reload when there is something. */
export function initialState(saved: PersistedState | undefined): WebviewState {
  return {
    runs: (saved?.runs ?? []).map((r) => ({ ...r, status: 'pending' })),
    selected: saved?.selected ?? 0,
    view: saved?.view ?? 'runs',
    notice: '',
    frames: new Map(),
    rolling: new Set(),
  };
}

/** Applies a host message; returns what changed. */
export function applyHostMessage(state: WebviewState, message: HostMessage): Change {
  switch (message.type) {
    case 'state':
      state.runs = message.runs.map((run) =>
        keepNewerEdit(
          state.runs.find((r) => r.id === run.id),
          run,
        ),
      );
      state.selected = message.selected;
      state.view = message.view;
      return 'all';
    case 'runUpdate': {
      const index = state.runs.findIndex((r) => r.id === message.run.id);
      if (index < 0) return 'notice';
      state.runs[index] = keepNewerEdit(state.runs[index], message.run);
      state.frames.delete(message.run.id);
      return message.run.id === state.selected ? 'run' : 'notice';
    }
    case 'notice':
      state.notice = message.text;
      return 'notice';
  }
}

/**
 * The host's report of a run, unless it answers an older edit than the person's latest (the answer
 * crossed a newer edit of the formula, η or any other control on its way): then the edited input
 * stays, still pending, with the reported analysis drawn as stale. Otherwise the controls' next
 * change, or a click on the plot, would re-send the older input.
 */
function keepNewerEdit(local: RunView | undefined, reported: RunView): RunView {
  if (!local || local.status !== 'pending' || (reported.revision ?? 0) >= (local.revision ?? 0)) {
    return reported;
  }
  const analysis = reported.analysis ?? local.analysis;
  const { id, formula, options, starts, revision } = local;
  return { id, formula, options, starts, revision, status: 'pending', ...(analysis ? { analysis } : {}) };
}

/** The selected run, or the first. */
export function selectedRun(state: WebviewState): RunView | undefined {
  return state.runs.find((r) => r.id === state.selected) ?? state.runs[0];
}

/**
 * Replaces the selected run's input (the person edited a control); it is pending until the host
 * answers. Returns the edit's revision, one more than the run's last, for the host to echo back.
 */
export function editRun(state: WebviewState, input: RunInput): number {
  const index = state.runs.findIndex((r) => r.id === input.id);
  if (index < 0) return 0;
  const previous = state.runs[index];
  const revision = (previous.revision ?? 0) + 1;
  state.runs[index] = {
    ...input,
    revision,
    status: 'pending',
    ...(previous.analysis ? { analysis: previous.analysis } : {}),
  };
  return revision;
}

/** The part kept with setState. */
export function persisted(state: WebviewState): PersistedState {
  return {
    runs: state.runs.map(({ id, formula, options, starts }) => ({ id, formula, options, starts })),
    selected: state.selected,
    view: state.view,
  };
}
