// Opening a formula in the Gradient Descent panel and steering its controls, for the specs about
// the panel's views and the screenshots.
import type { Frame, FrameLocator } from 'playwright-core';
import { PANEL_TITLE } from './panel-checks';
import type { Workbench } from './workbench';

const WAIT = 30_000;

/** Selects `formula` in the workspace file `file`, runs "Run Gradient Descent" and waits for the main plot. */
export async function runFormula(workbench: Workbench, file: string, formula: string): Promise<FrameLocator> {
  await workbench.openFile(file);
  await workbench.selectText(formula);
  await workbench.runCommand('Run Gradient Descent');
  await workbench.panelTab(PANEL_TITLE).first().waitFor({ timeout: WAIT });
  const view = workbench.webview();
  await view.locator('[data-testid="plot-main"] svg').first().waitFor({ timeout: WAIT });
  await view.getByTestId('summary-iterations').waitFor({ timeout: WAIT });
  return view;
}

/**
 * Types `value` into the control with `testId` and waits until the run re-ran: the summary's
 * `watch` row (the final value by default) shows something else than before.
 */
export async function setControl(
  view: FrameLocator,
  testId: string,
  value: string,
  watch = 'summary-value',
): Promise<void> {
  const before = await view.getByTestId(watch).innerText();
  await view.getByTestId(testId).fill(value);
  await view
    .getByTestId(watch)
    .filter({ hasNotText: new RegExp(`^${escapeRegExp(before)}$`) })
    .waitFor({ timeout: WAIT });
}

/** Chooses a view tab ('runs', 'learning-rate', 'compare') and waits until it is selected. */
export async function chooseView(
  view: FrameLocator,
  tab: 'runs' | 'learning-rate' | 'compare',
): Promise<void> {
  await view.getByTestId(`tab-${tab}`).click();
  await view.locator(`[data-testid="tab-${tab}"][aria-selected="true"]`).waitFor({ timeout: WAIT });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The panel's own document (its inner frame), to evaluate in: where window.__gdMetrics lives. */
export async function panelFrame(workbench: Workbench): Promise<Frame> {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const frame of workbench.page.frames()) {
      const found = await frame.evaluate('!!document.querySelector("[data-testid=app]")').catch(() => false);
      if (found === true) return frame;
    }
    await workbench.page.waitForTimeout(50);
  }
  throw new Error('the panel frame is not there');
}
