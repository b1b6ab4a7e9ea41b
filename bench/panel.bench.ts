// `npm run bench:panel`: how live the panel is in the real VS Code (code-server + headless Chromium),
// beside the engine's own time for the same work, so a reader sees how much is messaging and drawing.
// Prints figures (median and p95 over several repetitions); it asserts nothing (issue 8's table).
import type { Frame } from 'playwright-core';
import { resolveLimits } from '../src/engine/limits';
import { createProblemCache } from '../src/host/problemCache';
import { computeJob, type JobContext } from '../src/usecases/jobs';
import { resolveRunOptions } from '../src/usecases/runOptions';
import { comparisonOptions, regimeOptions } from '../src/usecases/sideRuns';
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

async function firstPlot(session: Session, firstInWindow: number[], later: number[]): Promise<Workbench> {
  const workbench = await session.newWorkbench();
  await workbench.openFile('quick-tour.md');
  await workbench.selectText(FORMULA);
  const t0 = await pressCommand(workbench, 'Run Gradient Descent');
  const view = workbench.webview();
  await view.locator('[data-testid="plot-main"] svg.gd-plot').first().waitFor({ timeout: WAIT });
  firstInWindow.push(performance.now() - t0);
  await workbench.selectText(LATER);
  const t1 = await pressCommand(workbench, 'Run Gradient Descent');
  await view.getByTestId('summary-formula').filter({ hasText: 'x ^ 2 - y ^ 2' }).waitFor({ timeout: WAIT });
  later.push(performance.now() - t1);
  return workbench;
}

async function viewSwitch(
  workbench: Workbench,
  tab: 'learning-rate' | 'compare',
  ready: string,
): Promise<number> {
  const view = workbench.webview();
  await view.getByTestId('tab-runs').click();
  await view.locator('[data-testid="plot-main"] svg.gd-plot').first().waitFor({ timeout: WAIT });
  const t0 = performance.now();
  await view.getByTestId(`tab-${tab}`).click();
  await view.locator(ready).first().waitFor({ timeout: WAIT });
  return performance.now() - t0;
}

/** A person's 0.7 s drag of the η slider over 40 steps; the page's input → redraw times and redraw count. */
async function drag(workbench: Workbench): Promise<{ latencies: number[]; redraws: number }> {
  const view = workbench.webview();
  await view.getByTestId('tab-runs').click();
  const frame = await panelFrame(workbench);
  const box = await view.getByTestId('lr-slider').boundingBox();
  if (!box) throw new Error('no slider');
  await frame.evaluate(
    'window.__gdMetrics && (window.__gdMetrics.latencies.length = 0, window.__gdMetrics.redraws = 0)',
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
  const metrics = (await frame.evaluate('window.__gdMetrics')) as { latencies: number[]; redraws: number };
  return { latencies: [...metrics.latencies], redraws: metrics.redraws };
}

async function reload(workbench: Workbench): Promise<number> {
  const reloaded = workbench.page.waitForEvent('load', { timeout: WAIT });
  const t0 = await pressCommand(workbench, 'Developer: Reload Window');
  await reloaded;
  await workbench.panelTab(PANEL_TITLE).first().waitFor({ timeout: WAIT });
  await workbench
    .webview()
    .locator('[data-testid="plot-main"] svg.gd-plot')
    .first()
    .waitFor({ timeout: WAIT });
  return performance.now() - t0;
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
  const figures = {
    first: [] as number[],
    later: [] as number[],
    lr: [] as number[],
    compare: [] as number[],
    reload: [] as number[],
  };
  const latencies: number[] = [];
  const redraws: number[] = [];
  try {
    for (let r = 0; r < REPEATS; r++) {
      const workbench = await firstPlot(session, figures.first, figures.later);
      // Back to the first run, picked in the run list, for the drag.
      await workbench.webview().getByTestId('run-item').first().click();
      await workbench
        .webview()
        .getByTestId('summary-formula')
        .filter({ hasText: 'L(w, b)' })
        .waitFor({ timeout: WAIT });
      const dragged = await drag(workbench);
      latencies.push(...dragged.latencies);
      redraws.push(dragged.redraws);
      figures.lr.push(
        await viewSwitch(workbench, 'learning-rate', '[data-testid="plot-regimes"] svg.gd-plot'),
      );
      figures.compare.push(await viewSwitch(workbench, 'compare', '[data-testid="compare-legend"]'));
      figures.reload.push(await reload(workbench));
      console.log(`round ${r + 1} of ${REPEATS} done`);
    }
  } finally {
    await session.end();
  }
  const engine = engineTimes();
  console.log('');
  console.log('figure                                          measured in VS Code                goal');
  console.log(
    `η slider drag: input → path redrawn            ${stats(latencies).padEnd(34)} ≤ 16 ms (p95 ≤ 50)`,
  );
  console.log(`redraws during a 40-step, 0.7 s drag           ${redraws.join(', ').padEnd(34)} ≥ 12`);
  console.log(`palette → first plot, first run in a window    ${stats(figures.first).padEnd(34)} ≤ 300 ms`);
  console.log(`a later run with the panel open                ${stats(figures.later).padEnd(34)} ≤ 100 ms`);
  console.log(`view switch to learning-rate                   ${stats(figures.lr).padEnd(34)} ≤ 150 ms`);
  console.log(`view switch to comparison                      ${stats(figures.compare).padEnd(34)} ≤ 250 ms`);
  console.log(`Reload Window → panel plot back                ${stats(figures.reload).padEnd(34)} ≤ 1500 ms`);
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
