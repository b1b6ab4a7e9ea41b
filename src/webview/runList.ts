// The view tabs and the run list: pick a view, pick or remove a run. Each run shows how it went
// (converged, stopped, diverged, error, or still running) and where its formula came from.
import { describeBound } from '../engine/data/bound';
import { PANEL_VIEWS, type PanelView, type RunSummary } from '../shared/protocol';
import { h } from './dom';

const VIEW_LABELS: Readonly<Record<PanelView, string>> = {
  runs: 'Runs',
  'learning-rate': 'Learning rate',
  compare: 'Compare optimizers',
};

/** The view tabs. */
export function renderTabs(current: PanelView, choose: (view: PanelView) => void): HTMLElement {
  return h(
    'nav',
    { class: 'tabs', role: 'tablist', 'aria-label': 'View' },
    ...PANEL_VIEWS.map((view) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': String(view === current),
          'data-testid': `tab-${view}`,
          onclick: () => choose(view),
        },
        VIEW_LABELS[view],
      ),
    ),
  );
}

/** A run's state in one word, with its mark. */
function stateOf(run: RunSummary): { mark: string; word: string; className: string } {
  if (run.status === 'pending') return { mark: '…', word: 'running', className: 'pending' };
  if (run.status === 'error') return { mark: '⚠', word: 'error', className: 'error' };
  switch (run.outcome) {
    case 'diverged':
      return { mark: '✗', word: 'diverged', className: 'diverged' };
    case 'stopped':
      return { mark: '◐', word: 'stopped', className: 'stopped' };
    default:
      return { mark: '✓', word: 'converged', className: 'ok' };
  }
}

/** The run list; the formula text is shown as text. */
export function renderRunList(
  runs: readonly RunSummary[],
  selected: number,
  select: (id: number) => void,
  remove: (id: number) => void,
): HTMLElement {
  return h(
    'ul',
    { class: 'run-list', 'data-testid': 'run-list', 'aria-label': 'Runs' },
    ...runs.map((run) => {
      const state = stateOf(run);
      return h(
        'li',
        { class: run.id === selected ? 'selected' : undefined },
        h(
          'button',
          {
            type: 'button',
            class: 'run-item',
            'data-testid': 'run-item',
            'aria-current': run.id === selected ? 'true' : undefined,
            title: run.label ? `${describeBound(run.formula)} (${run.label})` : describeBound(run.formula),
            onclick: () => select(run.id),
          },
          h(
            'span',
            { class: `run-status ${state.className}`, 'aria-label': state.word, title: state.word },
            state.mark,
          ),
          h('span', { class: 'run-formula' }, describeBound(run.formula)),
          run.label ? h('span', { class: 'run-label hint' }, run.label) : null,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'icon',
            'data-testid': 'run-remove',
            'aria-label': 'Remove run',
            title: 'Remove run',
            onclick: () => remove(run.id),
          },
          '×',
        ),
      );
    }),
  );
}
