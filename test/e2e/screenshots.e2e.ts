// Screenshots of the panel taken in the real workbench: the Rosenbrock function's contours with the
// descent path, its learning-rate view and the comparison, in the dark, light and high-contrast
// themes, at full width and at the 520 px the panel opens with. PNGs go to
// test-results/screenshots/ always, and to docs/screenshots/ with UPDATE_SCREENSHOTS=1
// (`npm run screenshots`), from where the README shows them.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT, TEST_RESULTS_DIR } from '../../scripts/vscode/paths';
import { chooseView, runFormula, setControl } from './support/panel-run';
import { newWorkbench } from './support/session';
import { THEMES, useTheme } from './support/themes';
import type { Workbench } from './support/workbench';

const OUT_DIRS = [
  path.join(TEST_RESULTS_DIR, 'screenshots'),
  ...(process.env.UPDATE_SCREENSHOTS === '1' ? [path.join(PROJECT_ROOT, 'docs', 'screenshots')] : []),
];
const MAX_BYTES = 300_000;
const WAIT = 30_000;

/** Saves the panel's area of the window as `<name>.png` in every output folder; returns the PNG's size. */
async function shoot(workbench: Workbench, name: string): Promise<number> {
  const box = await workbench.page.locator('iframe.webview.ready').boundingBox();
  assert.ok(box, 'the panel is on screen');
  // Plots redraw after a theme or view change; let the last frame settle.
  await workbench.page.waitForTimeout(500);
  const png = await workbench.page.screenshot({ clip: box });
  for (const dir of OUT_DIRS) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), png);
  }
  return png.length;
}

describe('panel screenshots in the dark, light and high-contrast themes', () => {
  it('shows the Rosenbrock contours, the learning-rate view and the comparison in each theme, at two widths', async () => {
    const workbench = await newWorkbench();
    await workbench.page.setViewportSize({ width: 1280, height: 820 });
    const view = await runFormula(workbench, 'quick-tour.md', 'f(x, y) = (1-x)^2 + 100(y-x^2)^2');
    // The panel alone in the window: no side bar, no other editor group.
    await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
    await workbench.panelTab('Gradient Descent').first().click();
    await workbench.focusWorkbench();
    await workbench.runCommand('View: Close Editors in Other Groups');
    // The classic start in the banana valley, with a step small enough to follow it to (1, 1).
    await setControl(view, 'start-input', '-1.2, 1');
    await setControl(view, 'lr-input', '0.001');
    await setControl(view, 'max-iterations-input', '20000');
    try {
      for (const theme of THEMES) {
        await useTheme(workbench, theme);
        // Full width, and the width the panel opens with beside an editor (about 520 px).
        for (const [viewport, suffix] of [
          [1280, ''],
          [570, '-520'],
        ] as const) {
          await workbench.page.setViewportSize({ width: viewport, height: 820 });
          await chooseView(view, 'runs');
          await view
            .locator('[data-testid="plot-main"] svg.gd-plot g[aria-label="contour"]')
            .waitFor({ timeout: WAIT });
          const sizes = [await shoot(workbench, `panel-contour-${theme.file}${suffix}`)];
          await chooseView(view, 'learning-rate');
          await view.locator('[data-testid="plot-regimes"] svg.gd-plot').first().waitFor({ timeout: WAIT });
          sizes.push(await shoot(workbench, `panel-learning-rate-${theme.file}${suffix}`));
          await chooseView(view, 'compare');
          await view.getByTestId('compare-legend').waitFor({ timeout: WAIT });
          sizes.push(await shoot(workbench, `panel-compare-${theme.file}${suffix}`));
          for (const size of sizes) assert.ok(size < MAX_BYTES, `${theme.file}: screenshot of ${size} bytes`);
        }
      }
      await workbench.page.setViewportSize({ width: 1280, height: 820 });
    } finally {
      // The theme is a user setting on the shared server: put back the dark one for later specs
      // (a failure here must not hide the test's own).
      await useTheme(workbench, THEMES[0]).catch((err: Error) =>
        console.log(`      (theme not restored: ${err.message})`),
      );
    }
  });
});
