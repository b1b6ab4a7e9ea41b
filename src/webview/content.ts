// Mounts the selected run's view (runs, learning-rate or compare) in the main and secondary areas and
// updates it with the run's scene; says what is missing when there is nothing to draw yet. A failed
// or re-running edit keeps the last good plot of the run on screen, dimmed as stale.
import type { MessageChannel } from '../shared/channel';
import type { HostMessage, RunSummary, WebviewMessage } from '../shared/protocol';
import type { Chrome } from './chrome';
import type { Details } from './details';
import { h, replaceChildren } from './dom';
import type { Layout } from './layout';
import type { RunIntents } from './runIntents';
import type { Store } from './store';
import { readPalette } from './theme';
import { sceneValues, type LocalState, type SceneValues, type ViewContext } from './views/context';
import { CompareView } from './views/compareView';
import { LearningRateView } from './views/learningRateView';
import { RunsView } from './views/runsView';

/** What the content draws with. */
export interface ContentDeps {
  readonly layout: Layout;
  readonly store: Store;
  readonly chrome: Chrome;
  readonly details: Details;
  readonly intents: RunIntents;
  readonly channel: MessageChannel<HostMessage, WebviewMessage>;
  readonly local: LocalState;
}

/** The main and secondary areas. */
export class Content {
  private readonly views = {
    runs: new RunsView(),
    'learning-rate': new LearningRateView(),
    compare: new CompareView(),
  };
  private readonly cleanups: (() => void)[] = [];
  /** The run whose plots are on screen. */
  private shown = 0;

  constructor(private readonly deps: ContentDeps) {}

  draw(): void {
    const { store, chrome, layout } = this.deps;
    const run = store.run;
    if (run) chrome.controls?.showStatus(run);
    if (!run) return this.drawEmpty();
    const scene = sceneValues(store, run);
    if (scene.formula) chrome.controls?.showParameters(scene.formula.parameters);
    chrome.controls?.showCritical(scene.curvature?.critical ?? scene.sweep?.criticalLearningRate);
    if (!scene.run) return this.drawWaiting(run);
    this.shown = run.id;
    const vc = this.viewContext(run, scene);
    const view = this.views[store.view];
    view.update(vc);
    if (layout.mainArea.firstChild !== view.element) {
      for (const fn of this.cleanups.splice(0)) fn();
      replaceChildren(layout.mainArea, view.element);
      replaceChildren(layout.secondaryArea, view.secondary);
      view.update(vc);
    }
    layout.mainArea.classList.toggle('stale', run.status !== 'ok' || !chrome.controlsValid);
    this.deps.details.draw(vc);
  }

  private drawEmpty(): void {
    const { layout } = this.deps;
    replaceChildren(
      layout.mainArea,
      h(
        'p',
        { class: 'empty', 'data-testid': 'empty' },
        'Select a formula in an editor and run "Gradient Descent: Run Gradient Descent".',
      ),
    );
    replaceChildren(layout.details);
  }

  /** The run has no result to draw (yet). */
  private drawWaiting(run: RunSummary): void {
    const { layout } = this.deps;
    // A failed or re-running edit keeps the last good plot of this run on screen, marked as stale.
    if (this.shown === run.id) {
      layout.mainArea.classList.add('stale');
      return;
    }
    const text =
      run.status === 'error'
        ? 'This formula could not be run; see the message beside the function.'
        : 'Running…';
    replaceChildren(layout.mainArea, h('p', { class: 'empty', 'data-testid': 'content-status' }, text));
    replaceChildren(layout.secondaryArea);
    replaceChildren(layout.details);
    this.deps.details.reset();
  }

  private viewContext(run: RunSummary, scene: SceneValues): ViewContext {
    const { store, intents, channel, layout, local } = this.deps;
    const ctx = { palette: readPalette(), width: Math.max(280, layout.mainArea.clientWidth - 8) };
    return {
      ctx,
      theme: document.body.className,
      run,
      scene,
      local,
      placeStart: intents.placeStart,
      setStarts: intents.setStarts,
      setRates: intents.setRates,
      explainAt: (iteration) => channel.notify({ type: 'explainAt', runId: run.id, iteration }),
      compared: store.compare,
      setCompared: (optimizers) => channel.notify({ type: 'setCompare', optimizers }),
      onCleanup: (fn) => this.cleanups.push(fn),
    };
  }
}
