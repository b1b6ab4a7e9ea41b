// The panel's webview script. The host owns the panel's state; this draws what it reports and turns
// the person's actions into intents and requests. It paints at once from what it saved before a
// reload, posts `ready`, and from then on redraws once per animation frame at most, only what changed.
import { MessageChannel } from '../shared/channel';
import {
  hostMessage,
  persistedState,
  type HostMessage,
  type PanelView,
  type WebviewMessage,
} from '../shared/protocol';
import { h, replaceChildren } from './dom';
import { Edits, type RunEdit } from './edits';
import { renderExportBar, savePlot } from './exportBar';
import { SAVE_FIGURE_EVENT } from './plots/common';
import { DrawMetrics } from './metrics';
import { renderControls, type ControlsView } from './controls';
import { renderRunList, renderTabs } from './runList';
import { renderSteps } from './steps';
import { figureHeading } from './summary';
import { Store } from './store';
import { renderSummary } from './summary';
import { readPalette } from './theme';
import { sceneValues, type LocalState, type ViewContext } from './views/context';
import { CompareView } from './views/compareView';
import { LearningRateView } from './views/learningRateView';
import { RunsView } from './views/runsView';
import { PICK_DATA_EVENT } from './views/dataView';
import { vscode } from './vscodeApi';

const store = new Store();
const saved = persistedState.parse(vscode.getState());
if (saved.ok) store.restore(saved.value);

const channel = new MessageChannel<HostMessage, WebviewMessage>({
  post: (m) => vscode.postMessage(m),
  incoming: hostMessage,
  handle: (m) => {
    onHost(m);
    return undefined;
  },
  reject: (reason) => console.warn(`Gradient Descent panel: ignored ${reason}`),
});
window.addEventListener('message', (event: MessageEvent<unknown>) => channel.receive(event.data));
const metrics = new DrawMetrics();
const edits = new Edits(
  channel,
  () => schedule('content'),
  (count) => {
    editsOnTheirWay = count;
    reportBusy();
  },
);

let editsOnTheirWay = 0;
function reportBusy(): void {
  metrics.busy(editsOnTheirWay, (store.run?.waiting?.length ?? 0) > 0 || frame !== 0);
}

const tabs = h('div', { class: 'tabs-holder' });
const notice = h('div', { class: 'notice', 'data-testid': 'notice', role: 'status', 'aria-live': 'polite' });
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

const views = { runs: new RunsView(), 'learning-rate': new LearningRateView(), compare: new CompareView() };
const local: LocalState = { frames: new Map(), rolling: new Set() };
let controls: ControlsView | undefined;
const cleanups: (() => void)[] = [];
const dirty = new Set<'chrome' | 'content'>();
let frame = 0;

function schedule(what: 'chrome' | 'content'): void {
  dirty.add(what);
  if (what === 'chrome') dirty.add('content');
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    draw();
    reportBusy();
  });
  reportBusy();
}

function onHost(message: HostMessage): void {
  const change = store.apply(message);
  if (change === 'state') schedule('chrome');
  else if (change === 'run' || change === 'part') schedule('content');
  else if (change === 'notice') notice.textContent = store.notice;
  if (change === 'run') {
    const missing = store.missing().filter((id) => !requested.has(id));
    if (missing.length > 0) {
      for (const id of missing) requested.add(id);
      channel.notify({ type: 'need', ids: missing });
    }
  }
  reportBusy();
  persistSoon();
}
const requested = new Set<number>();

/** The selected run's input as the controls show it (an unanswered edit first). */
function currentEdit(): RunEdit | undefined {
  const run = store.run;
  if (!run) return undefined;
  return edits.pending(run.id) ?? { formula: run.formula, controls: run.controls, starts: run.starts };
}

function placeStart(point: number[], how: 'click' | 'drag' | 'release'): void {
  const run = store.run;
  const edit = currentEdit();
  if (!run || !edit) return;
  // A pointer is not precise to 15 digits: 4 significant ones keep the start box readable.
  const start = point.map((v) => Number(v.toPrecision(4)));
  if (how === 'click') local.rolling.add(run.id);
  controls?.showStart(start);
  edits.propose(run.id, { ...edit, controls: { ...edit.controls, start } });
}

/** η and β picked on the momentum map: the run takes the map's optimizer with them (3 significant digits). */
function setRates(optimizer: 'momentum' | 'nesterov' | 'adam', lr: number, beta: number): void {
  const run = store.run;
  const edit = currentEdit();
  if (!run || !edit) return;
  const current = edit.controls.optimizer;
  const rate = Number(lr.toPrecision(3));
  const b = Number(beta.toPrecision(3));
  const same = current.name === optimizer ? current : {};
  const beta2 = Array.isArray(current.betas) ? Number(current.betas[1]) : 0.999;
  // torch refuses Nesterov without momentum; at β = 0 both momentum variants are plain gd.
  const next =
    optimizer === 'adam'
      ? { ...same, name: 'adam', lr: rate, betas: [b, beta2] as const }
      : b === 0
        ? { name: 'gd', lr: rate }
        : { ...same, name: optimizer, lr: rate, momentum: b };
  edits.propose(run.id, { ...edit, controls: { ...edit.controls, optimizer: next } });
  // The controls show the edit only when drawn again.
  controls = undefined;
  schedule('chrome');
}

function setStarts(starts: number[][]): void {
  const run = store.run;
  const edit = currentEdit();
  if (run && edit) edits.propose(run.id, { ...edit, starts });
}

/** The view the person just chose, until it is drawn complete (for the metrics). */
let switching: { readonly view: PanelView; readonly at: number } | undefined;

function chooseView(view: PanelView): void {
  switching = { view, at: performance.now() };
  channel.notify({ type: 'setView', view });
}

function drawChrome(): void {
  replaceChildren(tabs, renderTabs(store.view, chooseView));
  replaceChildren(
    runList,
    store.runs.length > 1
      ? renderRunList(
          store.runs,
          store.run?.id ?? 0,
          (id) => {
            store.notice = '';
            notice.textContent = '';
            channel.notify({ type: 'select', runId: id });
          },
          (id) => channel.notify({ type: 'remove', runId: id }),
        )
      : null,
  );
  const run = store.run;
  if (!run) {
    controls = undefined;
    replaceChildren(controlsHolder);
  } else if (controls?.runId !== run.id) {
    controlsValid = true;
    controls = renderControls(
      run,
      edits.pending(run.id),
      (edit) => edits.propose(run.id, edit),
      // While a control holds something that cannot run, the plots are the last good run's: dimmed.
      (valid) => {
        controlsValid = valid;
        mainArea.classList.toggle('stale', !valid || store.run?.status !== 'ok');
      },
    );
    replaceChildren(controlsHolder, controls.element);
  }
}

/** Whether every control holds something that can run (else the plots are dimmed as stale). */
let controlsValid = true;

function drawContent(): void {
  const run = store.run;
  if (run) controls?.showStatus(run);
  if (!run) {
    replaceChildren(
      mainArea,
      h(
        'p',
        { class: 'empty', 'data-testid': 'empty' },
        'Select a formula in an editor and run "Gradient Descent: Run Gradient Descent".',
      ),
    );
    replaceChildren(details);
    return;
  }
  const scene = sceneValues(store, run);
  if (scene.formula) controls?.showParameters(scene.formula.parameters);
  controls?.showCritical(scene.curvature?.critical ?? scene.sweep?.criticalLearningRate);
  if (!scene.run) {
    // A failed or re-running edit keeps the last good plot of this run on screen, marked as stale.
    if (shown === run.id) {
      mainArea.classList.add('stale');
      return;
    }
    const text =
      run.status === 'error'
        ? 'This formula could not be run; see the message beside the function.'
        : 'Running…';
    replaceChildren(mainArea, h('p', { class: 'empty', 'data-testid': 'content-status' }, text));
    replaceChildren(secondaryArea);
    replaceChildren(details);
    detailsKey = '';
    return;
  }
  shown = run.id;
  const ctx = { palette: readPalette(), width: Math.max(280, mainArea.clientWidth - 8) };
  const vc: ViewContext = {
    ctx,
    theme: document.body.className,
    run,
    scene,
    local,
    placeStart,
    setStarts,
    setRates,
    explainAt: (iteration) => channel.notify({ type: 'explainAt', runId: run.id, iteration }),
    compared: store.compare,
    setCompared: (optimizers) => channel.notify({ type: 'setCompare', optimizers }),
    onCleanup: (fn) => cleanups.push(fn),
  };
  const view = views[store.view];
  view.update(vc);
  if (mainArea.firstChild !== view.element) {
    for (const fn of cleanups.splice(0)) fn();
    replaceChildren(mainArea, view.element);
    replaceChildren(secondaryArea, view.secondary);
    view.update(vc);
  }
  mainArea.classList.toggle('stale', run.status !== 'ok' || !controlsValid);
  drawDetails(vc);
}

/** The saved figures' heading for the run on screen (set when its details are drawn). */
let heading: () => readonly string[] = () => [];

// The data view's "Use a CSV file…": the host shows the file picker and binds the file to the run.
document.addEventListener(PICK_DATA_EVENT, () => {
  const runId = store.run?.id;
  if (!runId) return;
  void channel
    .request({ type: 'pickData', runId })
    .then((reply) => (reply.type === 'done' ? reply.notice : ''))
    .catch(() => '')
    .then((text) => {
      if (!text) return;
      store.notice = text;
      notice.textContent = text;
    });
});

// A figure's own save button (plots/common.ts): that figure, with the run's heading and its caption.
document.addEventListener(SAVE_FIGURE_EVENT, (event) => {
  const fig = event.target instanceof Element ? event.target.closest('figure') : null;
  const svg = fig?.querySelector<SVGSVGElement>('svg.gd-plot');
  const format = (event as CustomEvent<unknown>).detail;
  if (!fig || !svg || (format !== 'svg' && format !== 'png')) return;
  const caption = fig.querySelector('figcaption > span')?.textContent?.trim();
  void savePlot(svg, format, {
    ask: (m) => channel.request(m).then((reply) => (reply.type === 'done' ? reply.notice : '')),
    background: readPalette().background,
    heading: [...heading(), ...(caption ? [caption] : [])],
    notify: (text) => {
      store.notice = text;
      notice.textContent = text;
    },
  });
});

let detailsKey = '';
/** The run whose plots are on screen. */
let shown = 0;
function drawDetails(vc: ViewContext): void {
  const { run, formula, steps } = vc.scene;
  const key = [
    vc.run.parts?.run,
    vc.run.parts?.formula,
    vc.run.parts?.gradientText,
    vc.run.parts?.steps,
    vc.run.parts?.explain,
    vc.run.status,
  ].join('|');
  // While an edit is on its way the summary and worked steps wait (dimmed): the path is what moves.
  const editing = edits.busy(vc.run.id);
  details.classList.toggle('stale', editing);
  if (editing || key === detailsKey || !run || !formula) return;
  detailsKey = key;
  heading = () => figureHeading(formula, run);
  const mainSvg = (): SVGSVGElement | null =>
    mainArea.querySelector('[data-testid="plot-main"] svg.gd-plot, [data-testid="plot-sweep"] svg.gd-plot');
  replaceChildren(
    details,
    renderSummary({
      run,
      formula,
      ...(vc.scene.gradientText ? { gradient: vc.scene.gradientText } : {}),
      pickable: vc.scene.landscape?.kind !== 'none',
      // |1 − ηλ| is plain gd's factor; a converged run needs no excuse.
      ...(run.optimizer === 'gd' && vc.run.outcome !== 'converged' && vc.scene.explain
        ? { effects: vc.scene.explain.effects }
        : {}),
      restart: (start) => vc.placeStart(start, 'click'),
    }),
    steps
      ? renderSteps(steps, run, vc.run.controls.maximize, {
          fn: formula.name ?? 'f',
          fnTex: formula.nameTex ?? 'f',
          variables: formula.variablesText,
          variablesTex: formula.variablesTex,
        })
      : null,
    renderExportBar(
      vc.run.id,
      (m) => channel.request(m).then((reply) => (reply.type === 'done' ? reply.notice : '')),
      mainSvg,
      () => vc.ctx.palette.background,
      (text) => {
        store.notice = text;
        notice.textContent = text;
      },
      heading,
    ),
  );
}

function draw(): void {
  const began = performance.now();
  if (dirty.has('chrome')) drawChrome();
  if (dirty.has('content')) drawContent();
  dirty.clear();
  notice.textContent = store.notice;
  const run = store.run;
  if (switching && store.view === switching.view && run?.status === 'ok' && run.waiting?.length === 0) {
    metrics.viewShown(switching.at);
    switching = undefined;
  }
  const answered = edits.answered;
  if (answered !== undefined) {
    edits.answered = undefined;
    metrics.drawn(answered.editedAt, answered.answeredAt, began);
  }
}

let persistTimer: ReturnType<typeof setTimeout> | undefined;
let lastPersisted = -Infinity;
/** At most one save per this many ms while things change quickly (a drag saves a few times, not 30). */
const PERSIST_EVERY_MS = 300;
/**
 * Saves the state for the serializer and for painting at once after a reload: at once after a quiet
 * spell (a reload right after an edit finds it), at most every PERSIST_EVERY_MS while edits stream in.
 */
function persistSoon(): void {
  if (persistTimer !== undefined) return; // the save that is due reads the state as it is then
  const wait = Math.max(0, lastPersisted + PERSIST_EVERY_MS - performance.now());
  persistTimer = setTimeout(() => {
    persistTimer = undefined;
    lastPersisted = performance.now();
    const scene = store.scene();
    vscode.setState({
      runs: store.runs.map((r) => ({
        id: r.id,
        formula: r.formula,
        controls: r.controls,
        starts: r.starts,
        ...(r.label ? { label: r.label } : {}),
      })),
      selected: store.selected,
      view: store.view,
      ...(store.compare ? { compare: store.compare } : {}),
      ...(scene ? { scene } : {}),
    });
  }, wait);
}

let lastWidth = 0;
new ResizeObserver(() => {
  if (Math.abs(mainArea.clientWidth - lastWidth) < 24) return;
  lastWidth = mainArea.clientWidth;
  schedule('content');
}).observe(mainArea);

// VS Code swaps the body's theme class when the colour theme changes: redraw with new colours.
new MutationObserver(() => {
  detailsKey = '';
  schedule('content');
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

schedule('chrome');
channel.notify({ type: 'ready', ...(saved.ok && saved.value.runs.length > 0 ? { saved: saved.value } : {}) });
