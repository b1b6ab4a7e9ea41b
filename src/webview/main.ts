// The panel's webview script. The host owns the panel's state; this draws what it reports and turns
// the person's actions into intents and requests. It paints at once from what it saved before a
// reload, posts `ready`, and from then on redraws once per animation frame at most, only what changed.
// This module wires the parts together: the host's messages (hostMessages.ts), the chrome (tabs, run
// list, controls), the content (the view's plots), the details, the plots' requests and the saved state.
import { MessageChannel } from '../shared/channel';
import {
  hostMessage,
  persistedState,
  type HostMessage,
  type PanelView,
  type WebviewMessage,
} from '../shared/protocol';
import { Chrome } from './chrome';
import { Content } from './content';
import { Details } from './details';
import { Edits } from './edits';
import { hostMessageHandler } from './hostMessages';
import { mountLayout } from './layout';
import { DrawMetrics } from './metrics';
import { StateSaver } from './persist';
import { listenForPlotRequests } from './plotRequests';
import { RunIntents } from './runIntents';
import { Store } from './store';
import type { LocalState } from './views/context';
import { vscode } from './vscodeApi';

const store = new Store();
const saved = persistedState.parse(vscode.getState());
if (saved.ok) store.restore(saved.value);
const saver = new StateSaver(store);

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

const layout = mountLayout();
/** Tells the person, on the notice line. */
function tell(text: string): void {
  store.notice = text;
  layout.notice.textContent = text;
}
/** Sends a copy or save request; resolves to what to tell the person. */
const ask = (m: WebviewMessage): Promise<string> =>
  channel.request(m).then((reply) => (reply.type === 'done' ? reply.notice : ''));

const local: LocalState = { frames: new Map(), rolling: new Set() };
const chrome = new Chrome(layout, store, edits, channel, chooseView);
const intents = new RunIntents(store, edits, local, chrome, schedule);
const details = new Details(layout, edits, ask, tell);
const content = new Content({ layout, store, chrome, details, intents, channel, local });
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

const onHost = hostMessageHandler({
  store,
  schedule,
  showNotice: () => {
    layout.notice.textContent = store.notice;
  },
  need: (ids) => channel.notify({ type: 'need', ids }),
  afterwards: () => {
    reportBusy();
    saver.soon();
  },
});

/** The view the person just chose, until it is drawn complete (for the metrics). */
let switching: { readonly view: PanelView; readonly at: number } | undefined;

function chooseView(view: PanelView): void {
  switching = { view, at: performance.now() };
  channel.notify({ type: 'setView', view });
}

listenForPlotRequests({ store, channel, ask, tell, heading: () => details.heading() });

function draw(): void {
  const began = performance.now();
  if (dirty.has('chrome')) chrome.draw();
  if (dirty.has('content')) content.draw();
  dirty.clear();
  layout.notice.textContent = store.notice;
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

let lastWidth = 0;
new ResizeObserver(() => {
  if (Math.abs(layout.mainArea.clientWidth - lastWidth) < 24) return;
  lastWidth = layout.mainArea.clientWidth;
  schedule('content');
}).observe(layout.mainArea);

// VS Code swaps the body's theme class when the colour theme changes: redraw with new colours.
new MutationObserver(() => {
  details.reset();
  schedule('content');
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

schedule('chrome');
channel.notify({ type: 'ready', ...(saved.ok && saved.value.runs.length > 0 ? { saved: saved.value } : {}) });
