// The entry points as a person uses them in the real workbench: the palette on a selection, on the
// math under the cursor and through the validating input box; the right-click items; the hover
// preview and its panel link; "Insert Iteration Table" writing x1 = 0.6, x2 = 0.36.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES_DIR } from '../../scripts/vscode/paths';
import { PANEL_TITLE } from './support/panel-checks';
import { newWorkbench } from './support/session';
import type { Workbench } from './support/workbench';

/** Waits until the panel shows a run of `formula` (the selected run's function box holds it). */
async function expectRunInPanel(workbench: Workbench, formula: string): Promise<void> {
  await workbench.panelTab(PANEL_TITLE).first().waitFor({ timeout: 30_000 });
  const input = workbench.webview().locator('[data-testid="formula-input"]').first();
  await input.waitFor({ timeout: 30_000 });
  const until = Date.now() + 30_000;
  let shown = await input.inputValue();
  while (shown !== formula && Date.now() < until) {
    await workbench.page.waitForTimeout(200);
    shown = await input.inputValue();
  }
  assert.equal(shown, formula, 'the panel shows the run of the formula');
}

/** Puts the cursor at the start of the first occurrence of `text`, with nothing selected. */
async function cursorAt(workbench: Workbench, text: string): Promise<void> {
  await workbench.selectText(text);
  await workbench.page.keyboard.press('ArrowLeft');
}

/** The active editor's visible text, with the editor's non-breaking spaces as plain spaces. */
async function editorText(workbench: Workbench): Promise<string> {
  return ((await workbench.activeEditor().locator('.view-lines').textContent()) ?? '').replace(
    /\u00a0/g,
    ' ',
  );
}

describe('entry points in the workbench', () => {
  it('palette: runs the selected formula', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('formulas.txt');
    await workbench.selectText('sin(x)*cos(y)');
    await workbench.runCommand('Run Gradient Descent');
    await expectRunInPanel(workbench, 'sin(x)*cos(y)');
  });

  it('palette: runs the math under the cursor when nothing is selected', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    await cursorAt(workbench, 'x^4 - 3x^2 + x');
    await workbench.runCommand('Run Gradient Descent');
    await expectRunInPanel(workbench, 'f(x) = x^4 - 3x^2 + x');
  });

  it('palette: asks for a formula, validating as you type, when the cursor is on prose', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('formulas.txt');
    await cursorAt(workbench, 'the learning rate was too large');
    await workbench.page.keyboard.press('F1');
    const input = workbench.page.locator('.quick-input-widget input');
    await input.fill('>Run Gradient Descent');
    await workbench.page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Run Gradient Descent' })
      .first()
      .click();
    await workbench.page
      .locator('.quick-input-widget', { hasText: 'Formula to run gradient descent on' })
      .waitFor({ timeout: 10_000 });
    await input.fill('x +');
    const message = workbench.page.locator('.quick-input-message', { hasText: 'column' });
    await message.waitFor({ timeout: 10_000 });
    assert.match((await message.textContent()) ?? '', /column \d+/);
    await input.fill('x^2 + 3*y^2');
    await workbench.page
      .locator('.quick-input-message', { hasText: 'column' })
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await workbench.page.keyboard.press('Enter');
    await expectRunInPanel(workbench, 'x^2 + 3*y^2');
  });

  it('right-click: offers all three items on a selection; Compare Learning Rates opens the learning-rate view', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    await workbench.selectText('L(w, b) = (w - 3)^2 + 10b^2');
    const labels = await workbench.contextMenuWith('Run Gradient Descent');
    for (const label of ['Run Gradient Descent', 'Compare Learning Rates', 'Insert Iteration Table']) {
      assert.ok(labels.includes(label), `context menu shows: ${labels.join(' | ')}`);
    }
    await workbench.chooseContextMenuItem('Compare Learning Rates');
    await expectRunInPanel(workbench, 'L(w, b) = (w - 3)^2 + 10b^2');
    await workbench
      .webview()
      .locator('[data-testid="tab-learning-rate"][aria-selected="true"]')
      .waitFor({ timeout: 30_000 });
  });

  it('hover: tells how descent went and its link opens the panel', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    const text = await workbench.hoverText('2x^{2}', 'Gradient descent');
    assert.match(
      text,
      /Gradient descent \(gd, η = 0\.1, start x = 1\): converged in \d+ iterations to x\* = /,
    );
    const link = workbench.page
      .locator('.monaco-hover:visible a', { hasText: 'Open in Gradient Descent panel' })
      .first();
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await expectRunInPanel(workbench, 'f(x) = 2x^{2}');
  });

  it('Insert Iteration Table: writes the first iterations under the formula', async () => {
    // The note is the sample workspace's own: whatever happens to the editor, its file is put back.
    const tour = path.join(EXAMPLES_DIR, 'quick-tour.md');
    const original = fs.readFileSync(tour, 'utf8');
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    await cursorAt(workbench, '2x^{2}');
    await workbench.runCommand('Insert Iteration Table');
    try {
      await workbench
        .activeEditor()
        .locator('.view-line', { hasText: '0.36' })
        .first()
        .waitFor({ timeout: 10_000 });
      const text = await editorText(workbench);
      assert.match(text, /\| 1 \| 0\.6 \|/);
      assert.match(text, /\| 2 \| 0\.36 \|/);
    } finally {
      await workbench.runCommand('Revert File');
      if (fs.readFileSync(tour, 'utf8') !== original) fs.writeFileSync(tour, original);
    }
  });
});
