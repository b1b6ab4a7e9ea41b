// Seed "gradient-descent-intro" in the real workbench: place the ball at 2 on the quartic with two
// valleys and it stops in the right-hand valley, missing the global minimum; click on the curve
// left of the hump and the ball rolls from there into the global minimum.
import { strict as assert } from 'node:assert';
import { runFormula, setControl } from './support/panel-run';
import { newWorkbench } from './support/session';

const WAIT = 30_000;

describe('Gradient Descent panel: placing the ball on the curve', () => {
  it('a start at 2 misses the global minimum; a click left of the hump rolls the ball into it', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'quick-tour.md', 'f(x) = x^4 - 3x^2 + x');
    // From 2 with η = 0.1 the first step overshoots the hump; with η = 0.01 the ball rolls gently.
    await setControl(view, 'start-input', '2');
    await setControl(view, 'lr-input', '0.01');
    const point = view.getByTestId('summary-point');
    await point.filter({ hasText: /^x = 1\.13/ }).waitFor({ timeout: WAIT });
    assert.match(await view.getByTestId('plot-main').innerText(), /Click on the plot to place the ball/);

    const chart = view.locator('[data-testid="plot-main"] svg.gd-plot');
    const box = await chart.boundingBox();
    assert.ok(box, 'the curve is on screen');
    // A fifth of the way across the plotting area (Plot's margins: 60 px left, 20 px right).
    await chart.click({ position: { x: 60 + 0.2 * (box.width - 80), y: box.height / 2 } });
    await view.getByTestId('play-pause').filter({ hasText: 'Pause' }).waitFor({ timeout: WAIT });
    await point.filter({ hasText: /^x = −1\.3/ }).waitFor({ timeout: WAIT });
    const start = Number((await view.getByTestId('start-input').inputValue()).replace('−', '-'));
    assert.ok(start < -0.5 && start > -2.5, `the start is where the click was (${start})`);
    await view.getByTestId('play-pause').filter({ hasText: 'Play' }).waitFor({ timeout: WAIT });
    await workbench.page.screenshot({ path: 'test-results/place-ball.png' });
  });
});
