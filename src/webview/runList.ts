// The view tabs and the run list: pick a view, pick or remove a run.
import { PANEL_VIEWS, type PanelView, type RunView } from '../shared/protocol';
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

const STATUS: Readonly<Record<RunView['status'], string>> = { pending: '…', ok: '✓', error: '⚠' };

/** The run list; the formula text is shown as text. */
export function renderRunList(
  runs: readonly RunView[],
  selected: number,
  select: (id: number) => void,
  remove: (id: number) => void,
): HTMLElement {
  return h(
    'ul',
    { class: 'run-list', 'data-testid': 'run-list', 'aria-label': 'Runs' },
    ...runs.map((run) =>
      h(
        'li',
        { class: run.id === selected ? 'selected' : undefined },
        h(
          'button',
          {
            type: 'button',
            class: 'run-item',
            'data-testid': 'run-item',
            'aria-current': run.id === selected ? 'true' : undefined,
            title: run.formula,
            onclick: () => select(run.id),
          },
          h('span', { class: `run-status ${run.status}`, 'aria-label': run.status }, STATUS[run.status]),
          h(
            'span',
            { class: 'run-formula' },
            run.formula.length > 60 ? `${run.formula.slice(0, 57)}…` : run.formula,
          ),
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
      ),
    ),
  );
}
