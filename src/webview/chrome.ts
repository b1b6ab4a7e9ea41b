// The panel's chrome: the view tabs, the run list (when there is more than one run) and the selected
// run's controls, drawn again only when the run changes (a control keeps its focus while it is edited).
import type { MessageChannel } from '../shared/channel';
import type { HostMessage, PanelView, WebviewMessage } from '../shared/protocol';
import { replaceChildren } from './dom';
import type { Edits } from './edits';
import { renderControls, type ControlsView } from './controls';
import type { Layout } from './layout';
import { renderRunList, renderTabs } from './runList';
import type { Store } from './store';

/** The tabs, the run list and the controls. */
export class Chrome {
  /** The selected run's controls, while drawn. */
  controls: ControlsView | undefined;
  /** Whether every control holds something that can run (else the plots are dimmed as stale). */
  controlsValid = true;

  constructor(
    private readonly layout: Layout,
    private readonly store: Store,
    private readonly edits: Edits,
    private readonly channel: MessageChannel<HostMessage, WebviewMessage>,
    private readonly chooseView: (view: PanelView) => void,
  ) {}

  /** Has the controls drawn again at the next chrome drawing (they show an edit made elsewhere). */
  forgetControls(): void {
    this.controls = undefined;
  }

  draw(): void {
    const { layout, store, channel } = this;
    replaceChildren(layout.tabs, renderTabs(store.view, this.chooseView));
    replaceChildren(
      layout.runList,
      store.runs.length > 1
        ? renderRunList(
            store.runs,
            store.run?.id ?? 0,
            (id) => {
              store.notice = '';
              layout.notice.textContent = '';
              channel.notify({ type: 'select', runId: id });
            },
            (id) => channel.notify({ type: 'remove', runId: id }),
          )
        : null,
    );
    const run = store.run;
    if (!run) {
      this.controls = undefined;
      replaceChildren(layout.controlsHolder);
    } else if (this.controls?.runId !== run.id) {
      this.controlsValid = true;
      this.controls = renderControls(
        run,
        this.edits.pending(run.id),
        (edit) => this.edits.propose(run.id, edit),
        // While a control holds something that cannot run, the plots are the last good run's: dimmed.
        (valid) => {
          this.controlsValid = valid;
          layout.mainArea.classList.toggle('stale', !valid || store.run?.status !== 'ok');
        },
      );
      replaceChildren(layout.controlsHolder, this.controls.element);
    }
  }
}
