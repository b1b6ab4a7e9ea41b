// The panel's webview script: keeps the state the host sends, renders it and turns the person's
// actions into typed messages. The engine runs in the extension host; this only draws.
import { parseHostMessage, parsePersistedState } from '../shared/messageGuards';
import { viewLacksData, type PanelView, type RunInput } from '../shared/protocol';
import { renderControls, type ControlsView } from './controls';
import { h, replaceChildren } from './dom';
import { renderExportBar } from './exportBar';
import { renderRunList, renderTabs } from './runList';
import { applyHostMessage, editRun, initialState, persisted, selectedRun, type Change } from './state';
import { renderSteps } from './steps';
import { renderSummary } from './summary';
import { readPalette } from './theme';
import { renderCompareView } from './viewCompare';
import { renderLearningRateView } from './viewLearningRate';
import { renderRunsView } from './viewRuns';
import { vscode } from './vscodeApi';

const state = initialState(parsePersistedState(vscode.getState()));
const app = document.getElementById('app') ?? document.body;
const tabs = h('div', { class: 'tabs-holder' });
const notice = h('div', { class: 'notice', 'data-testid': 'notice', role: 'status', 'aria-live': 'polite' });
const runList = h('div', { class: 'runs-holder' });
const controlsHolder = h('aside', { class: 'side' });
const content = h('div', { class: 'content', 'data-testid': 'content' });
app.append(
  h('header', {}, tabs, notice),
  h('div', { class: 'layout' }, h('div', { class: 'side-column' }, runList, controlsHolder), content),
);

let controls: ControlsView | undefined;
let cleanups: (() => void)[] = [];

function save(): void {
  vscode.setState(persisted(state));
}

function edit(input: RunInput, fromControls: boolean): void {
  const revision = editRun(state, input);
  vscode.postMessage({
    type: 'updateRun',
    runId: input.id,
    formula: input.formula,
    options: input.options,
    starts: input.starts,
    revision,
  });
  save();
  if (!fromControls) render('all');
  else renderChrome();
}

function renderChrome(): void {
  replaceChildren(tabs, renderTabs(state.view, chooseView));
  replaceChildren(
    runList,
    state.runs.length > 1
      ? renderRunList(state.runs, selectedRun(state)?.id ?? 0, selectRun, removeRun)
      : null,
  );
  const run = selectedRun(state);
  if (run) controls?.showStatus(run);
}

function chooseView(view: PanelView): void {
  state.view = view;
  vscode.postMessage({ type: 'setView', view });
  save();
  render('all');
}

function selectRun(id: number): void {
  state.selected = id;
  // A notice ("Copied 12 rows…") is about what was done to the run shown before.
  state.notice = '';
  vscode.postMessage({ type: 'selectRun', runId: id });
  save();
  render('all');
}

function removeRun(id: number): void {
  vscode.postMessage({ type: 'removeRun', runId: id });
}

function showNotice(text: string): void {
  state.notice = text;
  notice.textContent = text;
}

function renderContent(): void {
  for (const fn of cleanups) fn();
  cleanups = [];
  const run = selectedRun(state);
  const analysis = run?.analysis;
  if (!run) {
    replaceChildren(
      content,
      h(
        'p',
        { class: 'empty', 'data-testid': 'empty' },
        'Select a formula in an editor and run "Gradient Descent: Run Gradient Descent".',
      ),
    );
    return;
  }
  // A failed run keeps its last analysis for the plots, but no new sweep or comparison will come for it.
  if (!analysis || (run.status === 'error' && viewLacksData(state.view, analysis))) {
    const text =
      run.status === 'error'
        ? 'This formula could not be run; see the message beside the function.'
        : 'Running…';
    replaceChildren(content, h('p', { class: 'empty', 'data-testid': 'content-status' }, text));
    return;
  }
  const ctx = { palette: readPalette(), width: Math.max(280, content.clientWidth - 24) };
  const editLatest = (update: (current: RunInput) => RunInput): void => {
    const latest = state.runs.find((r) => r.id === run.id);
    if (latest) {
      edit(
        update({ id: latest.id, formula: latest.formula, options: latest.options, starts: latest.starts }),
        false,
      );
    }
  };
  const deps = {
    ctx,
    frames: state.frames,
    rolling: state.rolling,
    edit: editLatest,
    onCleanup: (fn: () => void) => cleanups.push(fn),
  };
  const charts =
    state.view === 'learning-rate'
      ? renderLearningRateView(analysis, ctx)
      : state.view === 'compare'
        ? renderCompareView(analysis, ctx)
        : renderRunsView(run, analysis, deps);
  const mainSvg = (): SVGSVGElement | null =>
    content.querySelector('[data-testid="plot-main"] svg.gd-plot, [data-testid="plot-sweep"] svg.gd-plot');
  replaceChildren(
    content,
    ...charts,
    renderSummary(analysis),
    renderSteps(analysis, run.options.maximize),
    renderExportBar(
      run.id,
      (m) => vscode.postMessage(m),
      mainSvg,
      () => ctx.palette.background,
      showNotice,
    ),
  );
  content.classList.toggle('stale', run.status !== 'ok');
}

function render(change: Change): void {
  if (change === 'all') {
    const run = selectedRun(state);
    controls = run ? renderControls(run, (input) => edit(input, true)) : undefined;
    replaceChildren(controlsHolder, controls?.element ?? null);
  }
  renderChrome();
  notice.textContent = state.notice;
  if (change !== 'notice') renderContent();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data, (reason) =>
    console.warn(`Gradient Descent panel: ignored ${reason}`),
  );
  if (!message) return;
  render(applyHostMessage(state, message));
  save();
});

let lastWidth = 0;
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  if (Math.abs(content.clientWidth - lastWidth) < 24) return;
  lastWidth = content.clientWidth;
  if (resizeTimer !== undefined) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(renderContent, 120);
}).observe(content);

// VS Code swaps the body's theme class when the colour theme changes: redraw with new colours.
new MutationObserver(() => renderContent()).observe(document.body, {
  attributes: true,
  attributeFilter: ['class'],
});

render('all');
vscode.postMessage({ type: 'ready', ...(state.runs.length > 0 ? { saved: persisted(state) } : {}) });
