// The webview bundle in headless Chromium, wired to a real host session: a definition's parameters
// get a slider and a number box each; moving either re-runs the run with the new value, and the
// summary lists the values the run used.
import * as assert from 'node:assert/strict';
import { closeBrowser, idle, newRun, openWebview, setInputs } from './webview-harness';

describe('webview in a browser: parameters', function () {
  this.timeout(60_000);
  after(closeBrowser);

  it('a number box and a slider per parameter re-run the run, and the summary follows', async () => {
    const w = await openWebview('light');
    // a (x − b)² from 0 with η = 0.1: the minimum is at x = b whatever a (0 < a < 10).
    await w.add([newRun('f(x) = a (x - b)^2', { start: [0], optimizer: { name: 'gd', lr: 0.1 } })]);
    const summary = w.page.getByTestId('summary-parameters');
    await summary.filter({ hasText: 'a = 1, b = 1' }).waitFor();
    await w.page
      .getByTestId('summary-point')
      .filter({ hasText: /^x = 1(\.0*)?$|^x = 0\.99999/ })
      .waitFor();
    assert.equal(await w.page.getByTestId('param-slider-a').count(), 1);
    assert.equal(await w.page.getByTestId('param-slider-x').count(), 0, 'a variable gets no parameter field');

    await w.page.getByTestId('param-input-b').fill('-2.5');
    await summary.filter({ hasText: 'a = 1, b = −2.5' }).waitFor();
    await w.page
      .getByTestId('summary-point')
      .filter({ hasText: /x = −2\.5|x = −2\.49999/ })
      .waitFor();
    await idle(w);
    assert.deepEqual(setInputs(w).at(-1)!.controls.parameters, { a: 1, b: -2.5 });
    // The slider moved with the box, widened to hold a value beyond its range [−1, 3].
    assert.equal(Number(await w.page.getByTestId('param-slider-b').inputValue()), -2.5);

    const iterations = async (): Promise<number> =>
      Number(await w.page.getByTestId('summary-iterations').innerText());
    const slow = await iterations();
    // The slider of a spans [−1, 3] around its default 1; at 3 the error shrinks by 1 − 0.1·2·3 = 0.4
    // per step instead of 0.8, so the run converges in fewer iterations.
    await w.page.getByTestId('param-slider-a').fill('3');
    await summary.filter({ hasText: 'a = 3, b = −2.5' }).waitFor();
    const fast = await iterations();
    assert.ok(fast < slow / 2, `${fast} < ${slow} / 2`);
    await idle(w);
    assert.deepEqual(setInputs(w).at(-1)!.controls.parameters, { a: 3, b: -2.5 });
    assert.equal(await w.page.getByTestId('param-input-a').inputValue(), '3');
    await w.close();
  });
});
