// The panel as a live instrument in the real VS Code (issue 8): dragging the η slider redraws the path
// many times during the drag, dragging the start on the contours moves the path with the pointer, and
// the zig-zag of (w − 3)² + 10b² at η = 0.1 shows on screen and in the exported table.
import { strict as assert } from 'node:assert';
import type { Frame } from 'playwright-core';
import { chooseView, runFormula, setControl } from './support/panel-run';
import { newWorkbench } from './support/session';
import type { Workbench } from './support/workbench';

const WAIT = 30_000;
const PATH = '[data-testid="plot-main"] [data-testid="overlay"] [data-testid="path"]';

/** The webview's document (the panel's inner frame), to read what the page itself measured. */
async function panelFrame(workbench: Workbench): Promise<Frame> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const frame of workbench.page.frames()) {
      const found = await frame.evaluate('!!document.querySelector("[data-testid=app]")').catch(() => false);
      if (found === true) return frame;
    }
    await workbench.page.waitForTimeout(100);
  }
  throw new Error('the panel frame is not there');
}

/** How many answered edits the page has drawn so far. */
async function redraws(frame: Frame): Promise<number> {
  return Number(await frame.evaluate('window.__gdMetrics ? window.__gdMetrics.redraws : 0'));
}

/** The points of the descent path as drawn (pairs from its `d` attribute). */
function points(d: string | null): [number, number][] {
  return (d ?? '')
    .split(/[ML]/)
    .filter((p) => p.trim() !== '')
    .map((p) => p.split(',').map(Number) as [number, number]);
}

describe('Gradient Descent panel: live', () => {
  it('dragging the η slider redraws the path again and again during the drag', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'quick-tour.md', 'L(w, b) = (w - 3)^2 + 10b^2');
    const frame = await panelFrame(workbench);
    const slider = view.getByTestId('lr-slider');
    const box = await slider.boundingBox();
    assert.ok(box, 'the η slider is on screen');
    const path = view.locator(PATH).last();
    const before = await redraws(frame);
    const seen = new Set<string>();
    // A person's drag: press on the slider, move left over 40 steps in about 0.7 s, let go.
    const y = box.y + box.height / 2;
    await workbench.page.mouse.move(box.x + box.width * 0.8, y);
    await workbench.page.mouse.down();
    for (let step = 1; step <= 40; step++) {
      await workbench.page.mouse.move(box.x + box.width * (0.8 - (0.6 * step) / 40), y);
      if (step % 5 === 0) seen.add((await path.getAttribute('d')) ?? '');
      await workbench.page.waitForTimeout(17);
    }
    await workbench.page.mouse.up();
    const during = (await redraws(frame)) - before;
    assert.ok(seen.size >= 3, `the path changed during the drag (${seen.size} different paths sampled)`);
    assert.ok(during >= 5, `${during} redraws during the drag`);
    const eta = Number(await view.getByTestId('lr-input').inputValue());
    assert.ok(eta < 0.1, `η went down with the slider (${eta})`);
  });

  it('dragging the start on the contours moves the path with the pointer', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'formulas.txt', 'x^2 + 3*y^2');
    const start = view.locator('[data-testid="plot-main"] [data-testid="overlay"] [data-testid="start"]');
    const box = await start.boundingBox();
    assert.ok(box, 'the start is on screen');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const path = view.locator(PATH).last();
    const seen = new Set<string>();
    await workbench.page.mouse.move(from.x, from.y);
    await workbench.page.mouse.down();
    for (let step = 1; step <= 20; step++) {
      await workbench.page.mouse.move(from.x - 4 * step, from.y + 3 * step);
      if (step % 4 === 0) seen.add((await path.getAttribute('d')) ?? '');
      await workbench.page.waitForTimeout(17);
    }
    await workbench.page.mouse.up();
    assert.ok(seen.size >= 3, `the path followed the pointer (${seen.size} different paths sampled)`);
    // After the drag the start sits under the pointer, and the start box says where that is.
    await workbench.page.waitForTimeout(300);
    const after = await start.boundingBox();
    assert.ok(after, 'the start is still drawn');
    const dx = after.x + after.width / 2 - (from.x - 80);
    const dy = after.y + after.height / 2 - (from.y + 60);
    assert.ok(
      Math.hypot(dx, dy) < 8,
      `the start is under the pointer (off by ${dx.toFixed(1)}, ${dy.toFixed(1)})`,
    );
    assert.notEqual(await view.getByTestId('start-input').inputValue(), '1, 1');
  });

  it('shows the zig-zag of (w − 3)² + 10b² at η = 0.1: b alternates on screen and in the table', async () => {
    const workbench = await newWorkbench();
    await workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const view = await runFormula(workbench, 'quick-tour.md', 'L(w, b) = (w - 3)^2 + 10b^2');
    await chooseView(view, 'runs');
    // From the default start (1, 1): b_{k+1} = (1 − 0.1·20)·b_k = −b_k, so b = 1, −1, 1, … at every step.
    await setControl(view, 'max-iterations-input', '60', 'summary-iterations');
    const drawn = points(await view.locator(PATH).last().getAttribute('d'));
    const ys = drawn.map(([, y]) => y);
    const span = Math.max(...ys) - Math.min(...ys);
    let jumps = 0;
    for (let i = 1; i < ys.length; i++) if (Math.abs(ys[i]! - ys[i - 1]!) > 0.9 * span) jumps++;
    assert.ok(jumps >= 55, `the path jumps between b = 1 and b = −1 at every step (${jumps} of 60)`);
    await view.getByTestId('copy-csv').click();
    await view
      .getByTestId('notice')
      .filter({ hasText: /Copied \d+ iterations as CSV/ })
      .waitFor({ timeout: WAIT });
    const csv = String(await workbench.page.evaluate('navigator.clipboard.readText()'));
    const rows = csv
      .split('\n')
      .filter((l) => /^\d+,/.test(l))
      .map((l) => l.split(',').map(Number));
    assert.equal(rows.length, 61, 'iterations 0 to 60, one row each');
    for (const [k, , b] of rows) assert.equal(b, k! % 2 === 0 ? 1 : -1, `b at k = ${k}`);
  });
});
