// Shared expectations about the Gradient Descent panel, for specs that open it in different ways.
import { strict as assert } from 'node:assert';
import type { Workbench } from './workbench';

/** Title of the panel's editor tab. */
export const PANEL_TITLE = 'Gradient Descent';

/** Waits for the panel tab and asserts that its webview drew both plots and filled the summary. */
export async function expectPanelWithPlots(workbench: Workbench): Promise<void> {
  await workbench.panelTab(PANEL_TITLE).first().waitFor({ timeout: 30_000 });
  const view = workbench.webview();
  await view.locator('[data-testid="plot-main"] svg').first().waitFor({ timeout: 30_000 });
  await view.locator('[data-testid="plot-loss"] svg').first().waitFor({ timeout: 30_000 });
  const paths = await view.locator('[data-testid="plot-main"] svg path').count();
  assert.ok(paths > 0, 'the main plot draws paths');
  const summary = (await view.locator('[data-testid="summary"]').first().textContent()) ?? '';
  assert.ok(summary.trim().length > 0, 'the summary is filled in');
}
