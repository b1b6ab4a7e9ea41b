// The harness proves itself on the workbench and the skeleton contract: files open, text can be
// selected with the keyboard, and the palette lists the extension's command.
import { strict as assert } from 'node:assert';
import { newWorkbench } from './support/session';

describe('E2E harness in code-server', () => {
  it('opens a Markdown note and selects a formula with the keyboard', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    await workbench.selectText('f(x) = 2x^{2}');
    const box = await workbench.selectionBox();
    assert.ok(box.width > 20, `selection is drawn (${box.width}px wide)`);
  });

  it('lists "Run Gradient Descent" in the command palette (F1)', async () => {
    const workbench = await newWorkbench();
    const labels = await workbench.paletteEntries(
      'Run Gradient Descent',
      'Gradient Descent: Run Gradient Descent',
    );
    assert.ok(
      labels.some((l) => l.includes('Gradient Descent: Run Gradient Descent')),
      `palette shows: ${labels.join(' | ')}`,
    );
  });
});
