// The run's details under its plots: the summary, the worked steps and the export bar, drawn again
// only when a part they show changes, and held (dimmed) while an edit is on its way.
import type { WebviewMessage } from '../shared/protocol';
import { replaceChildren } from './dom';
import type { Edits } from './edits';
import { renderExportBar } from './exportBar';
import type { Layout } from './layout';
import { renderSteps } from './steps';
import { figureHeading, renderSummary } from './summary';
import type { ViewContext } from './views/context';

/** The details area. */
export class Details {
  /** The parts the details were last drawn from. */
  private key = '';
  /** The saved figures' heading for the run on screen (set when its details are drawn). */
  heading: () => readonly string[] = () => [];

  constructor(
    private readonly layout: Layout,
    private readonly edits: Edits,
    /** Sends a copy or save request; what to tell the person. */
    private readonly ask: (message: WebviewMessage) => Promise<string>,
    private readonly tell: (text: string) => void,
  ) {}

  /** Has the details drawn again next time (the colour theme changed). */
  reset(): void {
    this.key = '';
  }

  draw(vc: ViewContext): void {
    const { run, formula, steps } = vc.scene;
    const parts = vc.run.parts;
    const key = [
      parts?.run,
      parts?.formula,
      parts?.gradientText,
      parts?.steps,
      parts?.explain,
      vc.run.status,
    ].join('|');
    // While an edit is on its way the summary and worked steps wait (dimmed): the path is what moves.
    const editing = this.edits.busy(vc.run.id);
    this.layout.details.classList.toggle('stale', editing);
    if (editing || key === this.key || !run || !formula) return;
    this.key = key;
    this.heading = () => figureHeading(formula, run);
    const mainArea = this.layout.mainArea;
    const mainSvg = (): SVGSVGElement | null =>
      mainArea.querySelector('[data-testid="plot-main"] svg.gd-plot, [data-testid="plot-sweep"] svg.gd-plot');
    replaceChildren(
      this.layout.details,
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
      renderExportBar(vc.run.id, this.ask, mainSvg, () => vc.ctx.palette.background, this.tell, this.heading),
    );
  }
}
