// The panel read as a figure, in the real workbench: at the width it opens with beside an editor
// (about 520 px), at 360 px and at full width, in every view, no text of a plot is cut by its plot
// area, no log axis prints an SI prefix ("100m", "1µ"), the page never scrolls sideways, and the
// views that overlay series (the comparison, the basins) carry a legend.
import { strict as assert } from 'node:assert';
import { chooseView, panelFrame, runFormula, setControl } from './support/panel-run';
import { newWorkbench } from './support/session';
import type { Workbench } from './support/workbench';

const WAIT = 30_000;

/**
 * What is wrong on the page, as sentences (empty when all is readable). A string, since the
 * specs are type-checked without the DOM's types; it runs in the panel's document.
 */
const PROBLEMS = `(() => {
  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) {
    problems.push('the page is ' + page.scrollWidth + ' px wide in ' + page.clientWidth);
  }
  const clipped = (el) => {
    // Inside a clip path (the paths over a plot) or a scrolling box, or clipped itself.
    for (let p = el; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.clipPath !== 'none' || p.hasAttribute('clip-path')) return true;
      if (p !== el && style.overflowX !== 'visible') return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > page.clientWidth + 1 && !clipped(el)) {
      problems.push((el.getAttribute('data-testid') || el.tagName) + ' ends at ' + Math.round(r.right) + ' px');
    }
  }
  for (const svg of document.querySelectorAll('svg.gd-plot')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      const label = (t.textContent || '').trim();
      if (r.width === 0 || label === '') continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        problems.push('"' + label + '" is cut by its plot');
      }
      if (/^[−-]?[0-9.]+ ?[yzafpnµumkMGTPEZY]$/.test(label)) problems.push('tick "' + label + '" has an SI prefix');
    }
  }
  return problems;
})()`;

async function problems(workbench: Workbench): Promise<string[]> {
  return (await (await panelFrame(workbench)).evaluate(PROBLEMS)) as string[];
}

/** Sets the window so that the panel's webview is `width` px wide (the editor beside it keeps the rest). */
async function panelWidth(workbench: Workbench, width: number): Promise<number> {
  const frame = workbench.page.locator('iframe.webview.ready').first();
  let got = 0;
  // The editor groups share the window in proportion: a few corrections converge on the width.
  for (let attempt = 0; attempt < 5; attempt++) {
    const viewport = workbench.page.viewportSize() ?? { width: 1280, height: 820 };
    got = Math.round((await frame.boundingBox())?.width ?? viewport.width);
    if (Math.abs(got - width) <= 8) break;
    const share = got / viewport.width;
    await workbench.page.setViewportSize({
      width: Math.round(viewport.width + (width - got) / Math.max(0.2, share)),
      height: 820,
    });
    await workbench.page.waitForTimeout(300);
  }
  return Math.round((await frame.boundingBox())?.width ?? got);
}

/** Every view of the run on screen, each checked; returns the problems found, labelled by view. */
async function checkViews(workbench: Workbench, label: string, twoVariables: boolean): Promise<string[]> {
  const view = workbench.webview();
  const found: string[] = [];
  const note = async (name: string): Promise<void> => {
    // Plots redraw when the width changes: let the last frame land.
    await workbench.page.waitForTimeout(300);
    for (const p of await problems(workbench)) found.push(`${label}, ${name}: ${p}`);
  };
  await chooseView(view, 'runs');
  await view.locator('[data-testid="plot-main"] svg.gd-plot').first().waitFor({ timeout: WAIT });
  await note('runs');
  if (twoVariables) {
    await view.getByTestId('basins-button').click();
    await view.locator('[data-testid="marker-key"]', { hasText: 'minimum' }).waitFor({ timeout: WAIT });
    await note('basins');
    await view.getByTestId('basins-clear').click();
  }
  await chooseView(view, 'learning-rate');
  await view.locator('[data-testid="plot-regimes"] svg.gd-plot').first().waitFor({ timeout: WAIT });
  await note('learning rate');
  await chooseView(view, 'compare');
  await view.getByTestId('compare-legend').waitFor({ timeout: WAIT });
  const legend = await view.getByTestId('compare-legend').innerText();
  assert.match(legend, /η = /, 'the comparison states each optimizer’s η on its legend');
  await note('compare');
  await chooseView(view, 'runs');
  return found;
}

describe('the panel reads as a figure at every width', () => {
  it('cuts no text, prints no SI prefix and never scrolls sideways, at 520 px, 360 px and full width', async () => {
    const workbench = await newWorkbench();
    await workbench.page.setViewportSize({ width: 1280, height: 820 });
    const found: string[] = [];
    const view = await runFormula(workbench, 'quick-tour.md', 'f(x, y) = (1-x)^2 + 100(y-x^2)^2');
    for (const [formula, twoVariables] of [
      ['f(x, y) = (1-x)^2 + 100(y-x^2)^2', true],
      ['f(x) = x^4 - 3x^2 + x', false],
    ] as const) {
      // The second formula typed into the panel's own field (the editor's group holds the note).
      if (!twoVariables) await setControl(view, 'formula-input', formula);
      for (const width of [520, 360]) {
        const got = await panelWidth(workbench, width);
        found.push(...(await checkViews(workbench, `${formula} at ${got} px`, twoVariables)));
      }
    }
    // Full width: the panel alone in the window.
    await workbench.page.setViewportSize({ width: 1280, height: 820 });
    await workbench.panelTab('Gradient Descent').first().click();
    await workbench.runCommand('View: Close Editors in Other Groups');
    const wide = Math.round(
      (await workbench.page.locator('iframe.webview.ready').first().boundingBox())?.width ?? 0,
    );
    found.push(...(await checkViews(workbench, `the quartic at ${wide} px`, false)));
    assert.deepEqual(found, []);
  });
});
