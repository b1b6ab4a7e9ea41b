// The panel's page: a header with the view tabs and the notice line, the main plot area, the side
// column (run list and controls), the secondary plots and the details (summary, worked steps, export).
import { h } from './dom';

/** The page's areas, each redrawn by its own part of the webview. */
export interface Layout {
  readonly tabs: HTMLElement;
  readonly notice: HTMLElement;
  readonly runList: HTMLElement;
  readonly controlsHolder: HTMLElement;
  readonly mainArea: HTMLElement;
  readonly secondaryArea: HTMLElement;
  readonly details: HTMLElement;
}

/** Builds the page in #app (the body when there is none). */
export function mountLayout(): Layout {
  const tabs = h('div', { class: 'tabs-holder' });
  const notice = h('div', {
    class: 'notice',
    'data-testid': 'notice',
    role: 'status',
    'aria-live': 'polite',
  });
  const runList = h('div', { class: 'runs-holder' });
  const controlsHolder = h('div', { class: 'controls-holder' });
  const mainArea = h('div', { class: 'area-main', 'data-testid': 'content' });
  const secondaryArea = h('div', { class: 'area-secondary' });
  const details = h('div', { class: 'area-details' });
  const app = document.getElementById('app') ?? document.body;
  app.append(
    h('header', {}, tabs, notice),
    h(
      'div',
      { class: 'layout' },
      mainArea,
      h('aside', { class: 'area-side' }, runList, controlsHolder),
      secondaryArea,
      details,
    ),
  );
  return { tabs, notice, runList, controlsHolder, mainArea, secondaryArea, details };
}
