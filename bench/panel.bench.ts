// `npm run bench:panel`: how live the panel is in the real VS Code (code-server + headless Chromium),
// beside the engine's own time for the same work, so a reader sees how much is messaging and drawing.
// Prints figures (median and p95 over several repetitions); it asserts nothing (issue 8's table).
import type { Frame } from 'playwright-core';
import { resolveLimits } from '../src/engine/limits';
import { createProblemCache } from '../src/host/problemCache';
import { computeJob, type JobContext } from '../src/usecases/jobs';
import { resolveRunOptions } from '../src/usecases/runOptions';
import { comparisonOptions, regimeOptions } from '../src/usecases/sideRuns';
import { readActivation } from '../test/e2e/support/activation';
import { PANEL_TITLE } from '../test/e2e/support/panel-checks';
import { Session, extensionUnderTest } from '../test/e2e/support/session';
import type { Workbench } from '../test/e2e/support/workbench';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const FORMULA = 'L(w, b) = (w - 3)^2 + 10b^2';
const LATER = 'f(x, y) = x^2 - y^2';
const WAIT = 60_000;

function stats(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n = ${sorted.length})`;
}

/** The panel's own document, where window.__gdMetrics lives. */
async function panelFrame(workbench: Workbench): Promise<Frame> {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const frame of workbench.page.frames()) {
      if (
        (await frame.evaluate('!!document.querySelector("[data-testid=app]")').catch(() => false)) === true
      ) {
        return frame;
      }
    }
    await workbench.page.waitForTimeout(50);
  }
  throw new Error('no panel frame');
}

/** Runs a palette command and resolves with the time its Enter was pressed. */
async function pressCommand(workbench: Workbench, title: string): Promise<number> {
  const { page } = workbench;
  await workbench.focusWorkbench();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: title })
    .waitFor({ timeout: WAIT });
  const t0 = performance.now();
  await page.keyboard.press('Enter');
  return t0;
}

interface Phases {
  /** The panel's tab shown. */
  tab: number[];
  /** The plot drawn. */
  plot: number[];
}

const phases = (): Phases => ({ tab: [], plot: [] });

/** Waits for the panel's tab, then its plot, recording both times after `t0`. */
async function panelBack(workbench: Workbench, t0: number, into: Phases): Promise<void> {
  await workbench.panelTab(PANEL_TITLE).first().waitFor({ timeout: WAIT });
  into.tab.push(performance.now() - t0);
  await workbench
    .webview()
    .locator('[data-testid="plot-main"] svg.gd-plot')
    .first()
    .waitFor({ timeout: WAIT });
  into.plot.push(performance.now() - t0);
}

async function firstPlot(session: Session, first: Phases, later: number[]): Promise<Workbench> {
  const workbench = await session.newWorkbench();
  await workbench.openFile('quick-tour.md');
  // A person opens the note, reads, then runs: the extension has activated (on the Markdown file) by then.
  const activation = await readActivation(workbench, 'Gradient Descent Lab');
  console.log(`  activation ${activation.ms} ms`);
  await workbench.openFile('quick-tour.md');
  await workbench.selectText(FORMULA);
  const t0 = await pressCommand(workbench, 'Run Gradient Descent');
  await panelBack(workbench, t0, first);
  const view = workbench.webview();
  await workbench.selectText(LATER);
  const t1 = await pressCommand(workbench, 'Run Gradient Descent');
  await view.getByTestId('summary-formula').filter({ hasText: 'x ^ 2 - y ^ 2' }).waitFor({ timeout: WAIT });
  later.push(performance.now() - t1);
  return workbench;
}

/** A view switch: click → ready as Playwright sees it, and tab click → view complete as the page measured it. */
async function viewSwitch(
  workbench: Workbench,
  tab: 'learning-rate' | 'compare',
  ready: string,
): Promise<{ seen: number; page: number }> {
  const view = workbench.webview();
  await view.getByTestId('tab-runs').click();
  await view.locator('[data-testid="plot-main"] svg.gd-plot').first().waitFor({ timeout: WAIT });
  // A person looks at the runs view a moment before switching.
  await workbench.page.waitForTimeout(1000);
  const frame = await panelFrame(workbench);
  const before = Number(await frame.evaluate('window.__gdMetrics.viewSwitches.length'));
  const t0 = performance.now();
  await view.getByTestId(`tab-${tab}`).click();
  await view.locator(ready).first().waitFor({ timeout: WAIT });
  const seen = performance.now() - t0;
  for (let i = 0; i < 100; i++) {
    const switches = (await frame.evaluate('window.__gdMetrics.viewSwitches')) as number[];
    if (switches.length > before) return { seen, page: switches.at(-1) ?? NaN };
    await workbench.page.waitForTimeout(50);
  }
  return { seen, page: NaN };
}

interface DragFigures {
  readonly latencies: number[];
  readonly roundTrips: number[];
  readonly draws: number[];
  readonly redraws: number;
}

/** A person's 0.7 s drag of the η slider over 40 steps; the page's input → redraw times and redraw count. */
async function drag(workbench: Workbench): Promise<DragFigures> {
  const view = workbench.webview();
  await view.getByTestId('tab-runs').click();
  const frame = await panelFrame(workbench);
  const box = await view.getByTestId('lr-slider').boundingBox();
  if (!box) throw new Error('no slider');
  await frame.evaluate(
    'window.__gdMetrics && (["latencies", "roundTrips", "draws"].forEach((k) => (window.__gdMetrics[k].length = 0)), window.__gdMetrics.redraws = 0)',
  );
  const y = box.y + box.height / 2;
  const { page } = workbench;
  await page.mouse.move(box.x + box.width * 0.75, y);
  await page.mouse.down();
  const started = performance.now();
  for (let step = 1; step <= 40; step++) {
    await page.mouse.move(box.x + box.width * (0.75 - (0.5 * step) / 40), y);
    const due = started + (700 * step) / 40;
    const wait = due - performance.now();
    if (wait > 0) await page.waitForTimeout(wait);
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  const metrics = (await frame.evaluate('window.__gdMetrics')) as DragFigures;
  return {
    latencies: [...metrics.latencies],
    roundTrips: [...metrics.roundTrips],
    draws: [...metrics.draws],
    redraws: metrics.redraws,
  };
}

async function reload(workbench: Workbench, into: Phases, editor: number[]): Promise<void> {
  const reloaded = workbench.page.waitForEvent('load', { timeout: WAIT });
  const t0 = await pressCommand(workbench, 'Developer: Reload Window');
  await reloaded;
  // VS Code's own part: the workbench back with the note's editor.
  await workbench.page.locator('.tab', { hasText: 'quick-tour.md' }).first().waitFor({ timeout: WAIT });
  editor.push(performance.now() - t0);
  await panelBack(workbench, t0, into);
}

/** The engine's own time for the work behind each figure, in this process (warm). */
function engineTimes(): Record<string, number> {
  const limits = resolveLimits();
  const ctx: JobContext = { problems: createProblemCache(limits), limits };
  const base = {
    start: [1],
    optimizer: { name: 'gd' as const, lr: 0.1 },
    stop: {},
    maximize: false,
    traceLimit: 4000,
    fitStart: true,
  };
  const time = (work: () => unknown): number => {
    work();
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) work();
    return (performance.now() - t0) / 20;
  };
  const options = resolveRunOptions(base, 2, limits);
  // computeJob caches nothing but the compiled formula, so each call does the whole work again.
  const run = () =>
    computeJob(
      {
        kind: 'run',
        formula: FORMULA,
        options: { ...options, optimizer: { ...options.optimizer, lr: 0.05 } },
      },
      ctx,
    );
  const sweep = () => {
    const s = computeJob({ kind: 'sweep', formula: FORMULA, options, sweep: {} }, ctx);
    for (const o of regimeOptions(options, s)) computeJob({ kind: 'run', formula: FORMULA, options: o }, ctx);
  };
  const compare = () => {
    const c = computeJob({ kind: 'curvature', formula: FORMULA, start: [1, 1], maximize: false }, ctx);
    for (const o of comparisonOptions(options, c)) {
      if (o !== 'own') computeJob({ kind: 'run', formula: FORMULA, options: o }, ctx);
    }
  };
  return {
    'one run (a new η)': time(run),
    'sweep and its regimes': time(sweep),
    'comparison runs': time(compare),
  };
}

async function main(): Promise<void> {
  const session = await Session.start(extensionUnderTest());
  const first = phases();
  const restored = phases();
  const later: number[] = [];
  const lr = { seen: [] as number[], page: [] as number[] };
  const compare = { seen: [] as number[], page: [] as number[] };
  const record = (into: typeof lr, figure: { seen: number; page: number }): void => {
    into.seen.push(figure.seen);
    into.page.push(figure.page);
  };
  const editorBack: number[] = [];
  const drags: DragFigures[] = [];
  try {
    for (let r = 0; r < REPEATS; r++) {
      const workbench = await firstPlot(session, first, later);
      // Back to the first run, picked in the run list, for the drag.
      await workbench.webview().getByTestId('run-item').first().click();
      await workbench
        .webview()
        .getByTestId('summary-formula')
        .filter({ hasText: 'L(w, b)' })
        .waitFor({ timeout: WAIT });
      drags.push(await drag(workbench));
      record(lr, await viewSwitch(workbench, 'learning-rate', '[data-testid="plot-regimes"] svg.gd-plot'));
      record(compare, await viewSwitch(workbench, 'compare', '[data-testid="compare-legend"]'));
      await reload(workbench, restored, editorBack);
      console.log(`round ${r + 1} of ${REPEATS} done`);
    }
  } finally {
    await session.end();
  }
  const engine = engineTimes();
  const all = (key: 'latencies' | 'roundTrips' | 'draws'): number[] => drags.flatMap((d) => d[key]);
  const row = (what: string, figure: string, goal: string): void =>
    console.log(`${what.padEnd(50)}${figure.padEnd(42)}${goal}`);
  console.log('');
  row('figure', 'measured in VS Code', 'goal');
  row('η slider drag: input → path redrawn', stats(all('latencies')), '≤ 16 ms (p95 ≤ 50)');
  row('  of which: input → host answer arrived', stats(all('roundTrips')), '');
  row('  of which: drawing', stats(all('draws')), '');
  row('redraws during a 40-step, 0.7 s drag', drags.map((d) => d.redraws).join(', '), '≥ 12');
  row('palette → first plot, first run in a window', stats(first.plot), '≤ 300 ms');
  row('  of which: palette → panel tab shown', stats(first.tab), '');
  row('a later run with the panel open', stats(later), '≤ 100 ms');
  row('view switch to learning-rate, in the page', stats(lr.page), '≤ 150 ms');
  row('  seen by Playwright (its click and lookups too)', stats(lr.seen), '');
  row('view switch to comparison, in the page', stats(compare.page), '≤ 250 ms');
  row('  seen by Playwright (its click and lookups too)', stats(compare.seen), '');
  row('Reload Window → panel plot back', stats(restored.plot), '≤ 1500 ms');
  row('  of which: the note’s editor back (VS Code)', stats(editorBack), '');
  row('  of which: the panel’s tab back', stats(restored.tab), '');
  console.log('');
  console.log('the engine alone, for the same work (this process, warm):');
  for (const [what, ms] of Object.entries(engine)) console.log(`  ${what.padEnd(28)} ${ms.toFixed(2)} ms`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
