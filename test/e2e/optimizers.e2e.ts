// Every torch.optim optimizer and scheduler in the real panel at its opening width (issue 11): a
// person picks AdamW from the grouped chooser, sets weight_decay and amsgrad under torch's names,
// picks a cosine schedule and sees η against the iteration, ticks L-BFGS and Newton into the
// comparison, and copies the run as PyTorch: the clipboard holds a script with torch.optim.AdamW
// that, run by torch when there is one, ends where the run's exported table ends. Screenshots in the
// dark and light themes go to test-results/optimizers/ (and to $SHOTS_DIR when set).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { TEST_RESULTS_DIR } from '../../scripts/vscode/paths';
import { noPython, pythonWith } from '../unit/python';
import { chooseView, panelFrame, runFormula } from './support/panel-run';
import { newWorkbench } from './support/session';
import { THEMES, useTheme } from './support/themes';
import type { Workbench } from './support/workbench';

const WAIT = 30_000;
/** The panel's width when it opens beside a text editor in a window of usual size. */
const PANEL_WIDTH = 520;
const OUT_DIRS = [
  path.join(TEST_RESULTS_DIR, 'optimizers'),
  ...(process.env.SHOTS_DIR ? [process.env.SHOTS_DIR] : []),
];

/** Does `act` and waits until the run re-ran: the final value shows something else than before. */
async function rerun(view: FrameLocator, act: () => Promise<void>): Promise<void> {
  const before = await view.getByTestId('summary-value').innerText();
  await act();
  await view
    .getByTestId('summary-value')
    .filter({ hasNotText: new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .waitFor({ timeout: WAIT });
}

/** Waits until the panel has drawn the answer to every edit it made (its own count of what is due). */
async function settled(workbench: Workbench): Promise<void> {
  const frame = await panelFrame(workbench);
  for (let attempt = 0; attempt < 300; attempt++) {
    if (Number(await frame.evaluate('window.__gdMetrics ? window.__gdMetrics.busy : 1')) === 0) return;
    await workbench.page.waitForTimeout(100);
  }
  throw new Error('the panel still waits for answers to its edits');
}

/** Widens or narrows the window until the panel (half of the editor area) is about `width` wide. */
async function panelWidth(workbench: Workbench, width: number): Promise<number> {
  const frame = workbench.page.locator('iframe.webview.ready');
  let box = await frame.boundingBox();
  for (let i = 0; i < 3 && box && Math.abs(box.width - width) > 8; i++) {
    const viewport = workbench.page.viewportSize()!;
    await workbench.page.setViewportSize({
      width: Math.round(viewport.width + 2 * (width - box.width)),
      height: viewport.height,
    });
    await workbench.page.waitForTimeout(300);
    box = await frame.boundingBox();
  }
  return box?.width ?? 0;
}

/** Saves a screenshot of `what` (the panel's area of the window, or an element in it) as `<name>.png`. */
async function shoot(workbench: Workbench, name: string, what?: Locator): Promise<void> {
  // Plots redraw after a theme or view change; let the last frame settle.
  await workbench.page.waitForTimeout(500);
  let png: Buffer;
  if (what) {
    png = await what.screenshot();
  } else {
    const box = await workbench.page.locator('iframe.webview.ready').boundingBox();
    assert.ok(box, 'the panel is on screen');
    png = await workbench.page.screenshot({ clip: box });
  }
  for (const dir of OUT_DIRS) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), png);
  }
}

/** The last data row of the exported CSV table: k, the point, f, ‖∇f‖. */
async function lastCsvRow(workbench: Workbench, view: FrameLocator): Promise<number[]> {
  await view.getByTestId('copy-csv').click();
  await view
    .getByTestId('notice')
    .filter({ hasText: /Copied \d+ iterations as CSV/ })
    .waitFor({ timeout: WAIT });
  const csv = String(await workbench.page.evaluate('navigator.clipboard.readText()'));
  const rows = csv.split('\n').filter((l) => /^\d+,/.test(l));
  return rows.at(-1)!.split(',').map(Number);
}

describe('Gradient Descent panel: every optimizer and schedule', () => {
  it('AdamW with weight decay and a cosine schedule, compared with L-BFGS and Newton, copied as PyTorch', async () => {
    const workbench = await newWorkbench();
    await workbench.page.setViewportSize({ width: 1280, height: 900 });
    await workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const view = await runFormula(workbench, 'quick-tour.md', 'L(w, b) = (w - 3)^2 + 10b^2');
    await chooseView(view, 'runs');
    const width = await panelWidth(workbench, PANEL_WIDTH);
    console.log(`      panel width: ${width} px`);

    // The chooser is a native select named "Optimizer", in groups, each option with its description.
    const select = view.getByLabel('Optimizer', { exact: true });
    assert.equal(await select.getAttribute('data-testid'), 'optimizer-select');
    await rerun(view, () => select.selectOption('adamw').then(() => undefined));
    assert.match(
      await view.getByTestId('optimizer-description').innerText(),
      /^AdamW: Adam with the weight decay applied to the weights/,
    );
    await rerun(view, () => view.getByLabel('weight_decay', { exact: true }).fill('0.05'));
    // amsgrad may leave the shown final value as it was: wait for the panel's own count instead.
    await view.getByLabel('amsgrad', { exact: true }).check();
    await settled(workbench);
    await rerun(view, () =>
      view
        .getByLabel('Learning-rate schedule')
        .selectOption('CosineAnnealingLR')
        .then(() => undefined),
    );
    const schedule = view.getByTestId('plot-schedule');
    await schedule.locator('svg.gd-plot').waitFor({ timeout: WAIT });
    assert.match(await schedule.locator('figcaption').innerText(), /CosineAnnealingLR/);

    try {
      for (const theme of THEMES.slice(0, 2)) {
        await useTheme(workbench, theme);
        await chooseView(view, 'runs');
        await schedule.locator('svg.gd-plot').waitFor({ timeout: WAIT });
        await shoot(workbench, `optimizers-panel-${theme.file}`);
        await shoot(workbench, `optimizers-chooser-${theme.file}`, view.locator('.chooser').first());
        await shoot(workbench, `optimizers-schedule-chooser-${theme.file}`, view.locator('.chooser').nth(1));
        await shoot(workbench, `optimizers-schedule-${theme.file}`, schedule);
        await chooseView(view, 'compare');
        const picker = view.getByTestId('compare-picker');
        if ((await picker.getAttribute('open')) === null) {
          await view.getByTestId('compare-picker-summary').click();
        }
        const legend = view.getByTestId('compare-legend');
        if (!(await view.getByTestId('compare-lbfgs').isChecked())) {
          await view.getByLabel('L-BFGS').check();
          await view.getByLabel('Newton').check();
        }
        await legend.getByText(/^Newton \(η = /).waitFor({ timeout: WAIT });
        await legend.getByText(/^L-BFGS \(η = /).waitFor({ timeout: WAIT });
        await legend.getByText(/^AdamW \(yours, η = 0\.1 with CosineAnnealingLR/).waitFor({ timeout: WAIT });
        await shoot(workbench, `optimizers-compare-${theme.file}`, view.locator('.view-compare'));
      }
    } finally {
      // The theme is a user setting on the shared server: put back the dark one for later specs.
      await useTheme(workbench, THEMES[0]).catch((err: Error) =>
        console.log(`      (theme not restored: ${err.message})`),
      );
    }

    await chooseView(view, 'runs');
    await view.getByRole('button', { name: 'Copy as PyTorch' }).click();
    await view
      .getByTestId('notice')
      .filter({ hasText: /Copied the run as a PyTorch script: \d+ steps? of AdamW with CosineAnnealingLR/ })
      .waitFor({ timeout: WAIT });
    const script = String(await workbench.page.evaluate('navigator.clipboard.readText()'));
    assert.match(script, /torch\.optim\.AdamW\(/);
    assert.match(script, /weight_decay=0\.05/);
    assert.match(script, /amsgrad=True/);
    assert.match(script, /torch\.optim\.lr_scheduler\.CosineAnnealingLR\(/);
    assert.doesNotMatch(script, /L\(w, b\)/, 'built from the parsed tree, not the text');

    const python = pythonWith('torch');
    if (python === undefined) {
      console.log(`      ${noPython('torch')}`);
      return;
    }
    const ran = spawnSync(python, ['-c', script], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(ran.status, 0, ran.stderr);
    const printed = JSON.parse(ran.stdout.trim().split('\n').at(-1)!) as number[];
    // The table has 6 significant digits: the script's final point rounds to its last row.
    const [, w, b] = await lastCsvRow(workbench, view);
    assert.equal(printed.length, 2);
    for (const [got, want] of [
      [printed[0]!, w!],
      [printed[1]!, b!],
    ] as const) {
      assert.ok(Math.abs(got - want) <= 1e-5 * Math.max(1e-3, Math.abs(want)), `${got} vs ${want}`);
    }
  });
});
