// The harness proves itself on the workbench and the skeleton contract: files open, text can be
// selected with the keyboard, Quick Open finds files by name (ripgrep from npm), the palette lists
// the extension's command, and the extension activates on a note, not at start-up (its time printed).
import { strict as assert } from 'node:assert';
import { readActivation } from './support/activation';
import { newWorkbench } from './support/session';

describe('E2E harness in code-server', () => {
  it('opens a Markdown note, selects a formula with the keyboard, and the extension activates on it', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    await workbench.selectText('f(x) = 2x^{2}');
    const box = await workbench.selectionBox();
    assert.ok(box.width > 20, `selection is drawn (${box.width}px wide)`);
    const activation = await readActivation(workbench, 'Gradient Descent Lab');
    console.log(
      `      activation: ${activation.ms} ms (code loading and activate(), as VS Code measured it)`,
    );
    assert.equal(activation.startup, false, 'activated by an activation event, not at start-up');
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

  it('finds workspace files by name in Quick Open (Ctrl+P)', async () => {
    const workbench = await newWorkbench();
    // A fresh profile has no editor history, so the row comes from file search (ripgrep).
    const labels = await workbench.quickOpenFiles('formulas', 'formulas.txt');
    assert.ok(labels.includes('formulas.txt'), `Quick Open lists: ${labels.join(' | ')}`);
  });
});
