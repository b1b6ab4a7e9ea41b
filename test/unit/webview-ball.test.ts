// The webview bundle in headless Chromium, wired to a real host session: a click on the 1-variable
// curve places the ball there and the new run plays from its start, a drag moves the start with the
// pointer; the summary says when the start is already stationary, and which variables a definition's
// left side does not name.
import * as assert from 'node:assert/strict';
import { closeBrowser, idle, newRun, openWebview, setInputs } from './webview-harness';

/** Two valleys: from the left it rolls to x ≈ −1.30, from the right to x ≈ 1.13 (seed "gradient-descent-intro"). */
const TWO_VALLEYS = 'x^4 - 3x^2 + x';

describe('webview in a browser: placing the ball', function () {
  this.timeout(60_000);
  after(closeBrowser);

  it('a click on the curve runs from the clicked x, and the new run rolls from its start', async () => {
    const w = await openWebview('dark');
    await w.add([
      newRun(TWO_VALLEYS, {
        start: [1.5],
        optimizer: { name: 'gd', lr: 0.01 },
        stop: { maxIterations: 400 },
      }),
    ]);
    const chart = w.page.locator('[data-testid="plot-main"] svg.gd-plot');
    const box = await chart.boundingBox();
    assert.ok(box);
    await chart.click({ position: { x: box.width - 30, y: box.height / 2 } });
    await idle(w);
    const right = setInputs(w).at(-1)!.controls.start[0]!;
    await chart.click({ position: { x: 80, y: box.height / 2 } });
    await w.page.getByTestId('play-pause').filter({ hasText: 'Pause' }).waitFor({ timeout: 5_000 });
    await idle(w);
    const left = setInputs(w).at(-1)!.controls.start[0]!;
    assert.equal(left, Number(left.toPrecision(4)), 'a clicked start is rounded to what a pointer can mean');
    assert.ok(left < right, `${left} < ${right}`);
    await w.page
      .getByTestId('iteration-label')
      .filter({ hasText: /^iterate [1-9]\d* of/ })
      .waitFor({ timeout: 5_000 });
    await w.page
      .getByTestId('summary-point')
      .filter({ hasText: /x = −1\.3/ })
      .waitFor({ timeout: 5_000 });
    assert.equal(await w.page.getByTestId('start-input').inputValue(), String(left).replace('−', '-'));
    await w.close();
  });

  it('a drag on the contours moves the start with the pointer, and the path follows', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2 + 3y^2', { start: [1, 1] })]);
    const chart = w.page.locator('[data-testid="plot-main"] svg.gd-plot');
    const box = await chart.boundingBox();
    assert.ok(box);
    const startDot = w.page.locator('[data-testid="plot-main"] [data-testid="start"]');
    const at = async () => {
      const b = await startDot.boundingBox();
      return { x: b!.x + b!.width / 2, y: b!.y + b!.height / 2 };
    };
    const from = await at();
    await w.page.mouse.move(from.x, from.y);
    await w.page.mouse.down();
    const seen = new Set<string>();
    for (let i = 1; i <= 8; i++) {
      await w.page.mouse.move(from.x - 12 * i, from.y + 8 * i);
      await idle(w);
      seen.add(JSON.stringify(setInputs(w).at(-1)?.controls.start));
    }
    await w.page.mouse.up();
    await idle(w);
    assert.ok(seen.size >= 6, `the start moved with the pointer (${seen.size} distinct starts)`);
    const to = await at();
    assert.ok(
      Math.abs(to.x - (from.x - 96)) < 6 && Math.abs(to.y - (from.y + 64)) < 6,
      'the drawn start is under the pointer',
    );
    assert.equal(await w.page.getByTestId('play-pause').innerText(), 'Play', 'a dragged start does not roll');
    await w.close();
  });

  it('says the start is already a minimum when no step was taken, and says nothing otherwise', async () => {
    const w = await openWebview('light');
    await w.add([newRun('(1-x)^2 + 100(y-x^2)^2', { start: [1, 1] })]);
    const line = w.page.getByTestId('stationary-start');
    await line.waitFor();
    assert.match(await w.page.getByTestId('stop-reason').innerText(), /already a local minimum/);
    assert.equal(
      await line.innerText(),
      'To see a descent, start from (−1.2, 1), type another start or click on the plot.',
    );
    // The offer runs from Rosenbrock's classic start, and the run descends from there.
    await w.page.getByTestId('start-offer').click();
    await line.waitFor({ state: 'detached' });
    assert.equal(await w.page.getByTestId('start-input').inputValue(), '-1.2, 1');
    await w.close();
  });

  it('lists the parameters of a definition with their values, and only when it has some', async () => {
    const w = await openWebview('light');
    await w.add([newRun('L(w) = (w - 3)^2 + lambda_1 w^2', { start: [1] })]);
    const line = w.page.getByTestId('summary-parameters');
    await line.waitFor();
    assert.match(await line.innerText(), /lambda_1 = 1\b/);
    await w.page.getByTestId('formula-input').fill('L(w, lambda_1) = (w - 3)^2 + lambda_1 w^2');
    await line.waitFor({ state: 'detached' });
    await w.close();
  });
});
