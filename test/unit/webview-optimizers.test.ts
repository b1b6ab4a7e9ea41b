// The optimizer and schedule choosers, the comparison's picker and "Copy as PyTorch" in the real
// webview bundle, wired to a real host session: choosing AdamW shows its own hyper-parameters under
// torch's names and an edit of them is sent and run; an invalid value is named next to its control
// and not sent; a schedule adds the plot of η; the comparison runs the optimizers ticked; the copied
// script, run by Python with torch when there is one, ends where the engine's run ended.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeBrowser, idle, newRun, openWebview, setInputs } from './webview-harness';
import { noPython, pythonWith } from './python';

describe('webview optimizer and schedule choosers', function () {
  this.timeout(120_000);
  after(closeBrowser);

  it('offers every optimizer in labelled groups, the select named by its label', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2')]);
    const select = w.page.getByLabel('Optimizer', { exact: true });
    assert.equal(await select.getAttribute('data-testid'), 'optimizer-select');
    const groups = await select
      .locator('optgroup')
      .evaluateAll((els) => els.map((g) => g.getAttribute('label')));
    assert.deepEqual(groups, ['Gradient descent and momentum', 'Adaptive', 'Second order']);
    const names = await select
      .locator('option')
      .evaluateAll((els) => els.map((o) => o.getAttribute('value')));
    for (const name of ['gd', 'adamw', 'nadam', 'radam', 'rprop', 'asgd', 'lbfgs', 'newton']) {
      assert.ok(names.includes(name), `${name} is offered`);
    }
    await w.close();
  });

  it('choosing AdamW shows weight_decay and amsgrad, and editing them sends and runs the edit', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('(x - 3)^2 + 10*y^2', { start: [1, 1] })]);
    await w.page.getByTestId('optimizer-select').selectOption('adamw');
    await idle(w);
    const description = await w.page.getByTestId('optimizer-description').textContent();
    assert.match(description ?? '', /weight decay applied to the weights/);
    // Labelled by torch's argument names, so a screen reader says what the constructor takes.
    const decay = w.page.getByLabel('weight_decay', { exact: true });
    const amsgrad = w.page.getByLabel('amsgrad', { exact: true });
    assert.equal(await decay.inputValue(), '0.01', "AdamW's default, torch's");
    assert.equal(await amsgrad.isChecked(), false);
    assert.equal(
      await w.page.getByLabel('momentum', { exact: true }).count(),
      0,
      'no other optimizer’s field',
    );

    await decay.fill('0.05');
    await amsgrad.check();
    await idle(w);
    const sent = setInputs(w).at(-1)!.controls.optimizer;
    assert.equal(sent.name, 'adamw');
    assert.equal(sent.weightDecay, 0.05);
    assert.equal(sent.amsgrad, true);
    const host = w.session.state.runs[0]!.options.optimizer;
    assert.equal(host.weightDecay, 0.05, 'the host holds the edit');
    assert.equal(host.amsgrad, true);
    assert.equal(w.session.results()[0]!.summary.status, 'ok');
    await w.close();
  });

  it('names an invalid value next to its control and sends nothing until it is fixed', async () => {
    const w = await openWebview('light');
    await w.add([newRun('x^2', { optimizer: { name: 'adamw', lr: 0.1 } })]);
    await idle(w);
    const before = setInputs(w).length;
    const decay = w.page.getByLabel('weight_decay', { exact: true });
    await decay.fill('-1');
    await idle(w);
    assert.equal(setInputs(w).length, before, 'nothing sent with a value the engine refuses');
    assert.equal(await decay.getAttribute('aria-invalid'), 'true');
    const message = w.page.locator('.field-message.invalid');
    assert.match((await message.textContent()) ?? '', /weight_decay must be a number ≥ 0 \(got -1\)/);
    await decay.fill('0.2');
    await idle(w);
    assert.equal(setInputs(w).at(-1)!.controls.optimizer.weightDecay, 0.2);
    assert.equal(await decay.getAttribute('aria-invalid'), 'false');
    assert.equal(await w.page.locator('.field-message.invalid').count(), 0);
    await w.close();
  });

  it('a schedule is sent with its arguments and adds the plot of η against the iteration', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2', { stop: { maxIterations: 100, gradientTolerance: 0 } })]);
    await idle(w);
    assert.equal(await w.page.getByTestId('plot-schedule').isHidden(), true, 'no η plot at a constant η');
    await w.page.getByLabel('Learning-rate schedule').selectOption('StepLR');
    await idle(w);
    const sent = setInputs(w).at(-1)!.controls as unknown as { scheduler?: Record<string, unknown> };
    // step_size seeded at a tenth of the 100 iterations (torch's epochs default would mean nothing here).
    assert.deepEqual(sent.scheduler, { name: 'StepLR', stepSize: 10, gamma: 0.1 });
    const plot = w.page.getByTestId('plot-schedule');
    await plot.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await plot.locator('figcaption').textContent()) ?? '', /StepLR/);
    assert.equal(await plot.locator('svg').count(), 1);
    const run = w.session.results()[0]!.run!;
    assert.equal(run.scheduler, 'StepLR');
    assert.equal(
      await w.page.getByTestId('summary-optimizer').innerText(),
      'Gradient descent, η = 0.1 with StepLR',
    );
    await w.close();
  });

  it('the comparison runs the optimizers ticked, each with its η in the legend', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('(x - 3)^2 + 10*y^2', { start: [1, 1] })], 'compare');
    await idle(w);
    await w.page.getByTestId('compare-picker-summary').click();
    const own = w.page.getByTestId('compare-gd');
    assert.equal(await own.isDisabled(), true, 'the person’s own optimizer is always compared');
    await w.page.getByTestId('compare-adam').uncheck();
    await w.page.getByLabel('AdamW').check();
    await idle(w);
    const picks = w.posted().filter((m) => m.type === 'setCompare');
    assert.ok((picks.at(-1)!.optimizers as string[]).includes('adamw'));
    assert.ok(!w.session.state.compared.includes('adam'));
    assert.ok(w.session.state.compared.includes('adamw'));
    const legend = w.page.getByTestId('compare-legend');
    await legend.getByText(/^AdamW \(η = /).waitFor({ timeout: 10_000 });
    assert.equal(await legend.getByText(/^Adam \(η = /).count(), 0, 'Adam was unticked');
    assert.match((await legend.textContent()) ?? '', /Gradient descent \(yours, η = 0\.1/);
    await w.close();
  });

  it('Copy as PyTorch puts a script with torch.optim.AdamW on the clipboard that ends where the run ended', async () => {
    const w = await openWebview('dark');
    await w.add([
      newRun('(x - 3)^2 + 10*y^2', {
        start: [1, 1],
        optimizer: { name: 'adamw', lr: 0.05, weightDecay: 0.05, amsgrad: true },
        stop: { maxIterations: 200 },
      }),
    ]);
    await idle(w);
    await w.page.getByRole('button', { name: 'Copy as PyTorch' }).click();
    const until = Date.now() + 10_000;
    while (w.copied().length === 0 && Date.now() < until) await w.page.waitForTimeout(20);
    const script = w.copied().at(-1) ?? '';
    assert.match(script, /torch\.optim\.AdamW\(/);
    assert.match(script, /weight_decay=0\.05/);
    assert.match(script, /amsgrad=True/);
    await w.page
      .getByText(/Copied the run as a PyTorch script: \d+ steps of AdamW/)
      .waitFor({ timeout: 10_000 });
    const final = w.session.results()[0]!.run!.final.point;

    const python = pythonWith('torch');
    if (python === undefined) {
      console.log(`      ${noPython('torch')}`);
    } else {
      const ran = spawnSync(python, ['-c', script], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(ran.status, 0, ran.stderr);
      const printed = JSON.parse(ran.stdout.trim().split('\n').at(-1)!) as number[];
      assert.equal(printed.length, final.length);
      printed.forEach((v, i) => {
        const want = final[i]!;
        assert.ok(
          Math.abs(v - want) <= 1e-9 * Math.max(1, Math.abs(want)),
          `coordinate ${i}: ${v} vs ${want}`,
        );
      });
    }
    await w.page.getByRole('button', { name: 'Copy as NumPy' }).click();
    while (w.copied().length < 2 && Date.now() < until + 10_000) await w.page.waitForTimeout(20);
    assert.match(w.copied().at(-1) ?? '', /import numpy as np/);
    await w.close();
  });
});
