// The webview bundle in headless Chromium: a click on the 1-variable curve places the ball there
// (a run from the clicked x) and the new run plays from its start; the summary says when the start
// is already stationary, and which variables a definition's left side does not name.
import * as assert from 'node:assert/strict';
import type { RunOptions } from '../../src/engine/types';
import { closeBrowser, okRun, openWebview } from './webview-harness';

const OPTIONS: RunOptions = {
  start: [1.5],
  optimizer: { name: 'gd', lr: 0.01 },
  stop: { maxIterations: 400 },
  maximize: false,
  traceLimit: 500,
};
/** Two valleys: from the left it rolls to x ≈ −1.30, from the right to x ≈ 1.13 (seed "gradient-descent-intro"). */
const TWO_VALLEYS = 'x^4 - 3x^2 + x';

describe('webview in a browser: placing the ball', function () {
  this.timeout(60_000);
  after(closeBrowser);

  it('a click on the curve posts a run from the clicked x, and the new run rolls from its start', async () => {
    const w = await openWebview('dark');
    const first = okRun(3, TWO_VALLEYS, OPTIONS);
    await w.send({ type: 'state', runs: [first], selected: 3, view: 'runs' });
    await w.page.getByTestId('summary').waitFor();
    const chart = w.page.locator('[data-testid="plot-main"] svg.gd-plot');
    const box = await chart.boundingBox();
    assert.ok(box);
    const picks = async (x: number): Promise<{ options: RunOptions; revision: number }> => {
      const before = (await w.posted()).length;
      await chart.click({ position: { x, y: box.height / 2 } });
      const update = (await w.posted()).slice(before).find((m) => m.type === 'updateRun') as
        { runId: number; options: RunOptions; revision: number } | undefined;
      assert.ok(update, 'a click posts a run');
      assert.equal(update.runId, 3);
      return update;
    };
    const right = (await picks(box.width - 30)).options;
    const { options: left, revision } = await picks(80);
    assert.equal(left.start.length, 1);
    assert.equal(
      left.start[0],
      Number(left.start[0].toPrecision(4)),
      'a clicked start is rounded to what a pointer can mean',
    );
    const land = first.analysis.landscape;
    assert.ok(land.kind === 'curve');
    const [lo, hi] = [Math.min(...land.xs), Math.max(...land.xs)];
    assert.ok(
      lo <= left.start[0] && left.start[0] < right.start[0] && right.start[0] <= hi,
      `${left.start[0]} < ${right.start[0]} within [${lo}, ${hi}]`,
    );

    // The host answers the left pick: the ball rolls into the left valley, playing from iterate 0.
    await w.send({ type: 'runUpdate', run: { ...okRun(3, TWO_VALLEYS, left), revision } });
    await w.page.getByTestId('play-pause').filter({ hasText: 'Pause' }).waitFor({ timeout: 5_000 });
    await w.page
      .getByTestId('iteration-label')
      .filter({ hasText: /^iterate [1-9]\d* of/ })
      .waitFor({ timeout: 5_000 });
    assert.match(await w.page.getByTestId('summary-point').innerText(), /x = −1\.3/);
    await w.close();
  });

  /** Shows `first`, expects the summary line `testId` to read `expected`, then shows `second` and expects the line gone. */
  async function lineComesAndGoes(
    testId: string,
    first: ReturnType<typeof okRun>,
    expected: RegExp,
    second: ReturnType<typeof okRun>,
  ): Promise<void> {
    const w = await openWebview('light');
    await w.send({ type: 'state', runs: [first], selected: first.id, view: 'runs' });
    const line = w.page.getByTestId(testId);
    await line.waitFor();
    assert.match(await line.innerText(), expected);
    await w.send({ type: 'runUpdate', run: second });
    await line.waitFor({ state: 'detached' });
    await w.close();
  }

  it('says the start is already a minimum when no step was taken, and says nothing otherwise', async () => {
    const rosenbrock = '(1-x)^2 + 100(y-x^2)^2';
    await lineComesAndGoes(
      'stationary-start',
      okRun(1, rosenbrock, { ...OPTIONS, start: [1, 1] }),
      /already a local minimum.*type another start, or click on the plot/,
      okRun(1, rosenbrock, { ...OPTIONS, start: [-1.2, 1], optimizer: { name: 'gd', lr: 0.001 } }),
    );
  });
});
