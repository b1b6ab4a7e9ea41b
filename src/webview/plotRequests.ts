// Requests the plots raise as DOM events, sent to the host: a figure's own save button (that figure,
// with the run's heading and its caption) and the data view's "Use a CSV file…" (the host shows the
// file picker and binds the file to the run).
import type { MessageChannel } from '../shared/channel';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { savePlot } from './exportBar';
import { SAVE_FIGURE_EVENT } from './plots/common';
import type { Store } from './store';
import { readPalette } from './theme';
import { PICK_DATA_EVENT } from './views/dataView';

/** What the plots' requests need. */
export interface PlotRequestDeps {
  readonly store: Store;
  readonly channel: MessageChannel<HostMessage, WebviewMessage>;
  /** Sends a copy or save request; what to tell the person. */
  readonly ask: (message: WebviewMessage) => Promise<string>;
  /** Tells the person (the notice line). */
  readonly tell: (text: string) => void;
  /** The saved figures' heading for the run on screen. */
  readonly heading: () => readonly string[];
}

/** Listens for the plots' requests on the document. */
export function listenForPlotRequests(deps: PlotRequestDeps): void {
  const { store, channel, tell } = deps;
  document.addEventListener(PICK_DATA_EVENT, () => {
    const runId = store.run?.id;
    if (!runId) return;
    void channel
      .request({ type: 'pickData', runId })
      .then((reply) => (reply.type === 'done' ? reply.notice : ''))
      .catch(() => '')
      .then((text) => {
        if (!text) return;
        tell(text);
      });
  });
  document.addEventListener(SAVE_FIGURE_EVENT, (event) => {
    const fig = event.target instanceof Element ? event.target.closest('figure') : null;
    const svg = fig?.querySelector<SVGSVGElement>('svg.gd-plot');
    const format = (event as CustomEvent<unknown>).detail;
    if (!fig || !svg || (format !== 'svg' && format !== 'png')) return;
    const caption = fig.querySelector('figcaption > span')?.textContent?.trim();
    void savePlot(svg, format, {
      ask: deps.ask,
      background: readPalette().background,
      heading: [...deps.heading(), ...(caption ? [caption] : [])],
      notify: tell,
    });
  });
}
