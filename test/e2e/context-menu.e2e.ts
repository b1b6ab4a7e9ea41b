// The editor's right-click menu offers "Run Gradient Descent" on a selection (and only then),
// and choosing it opens the panel with plots.
import { strict as assert } from 'node:assert';
import { expectPanelWithPlots } from './support/panel-checks';
import { newWorkbench } from './support/session';

describe('Run Gradient Descent from the editor context menu', () => {
  it('is offered on a selected formula and opens the panel', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('formulas.txt');
    await workbench.selectText('x^2 + 3*y^2');
    const labels = await workbench.openContextMenuOnSelection();
    assert.ok(labels.includes('Run Gradient Descent'), `context menu shows: ${labels.join(' | ')}`);
    await workbench.chooseContextMenuItem('Run Gradient Descent');
    await expectPanelWithPlots(workbench);
  });

  it('is not offered without a selection', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('formulas.txt');
    await workbench.selectText('x^2 + 3*y^2');
    const box = await workbench.selectionBox();
    await workbench.page.keyboard.press('ArrowLeft');
    const labels = await workbench.openContextMenuAt(box.x + box.width / 2, box.y + box.height / 2);
    assert.ok(labels.length > 0, 'the context menu opened');
    assert.ok(!labels.includes('Run Gradient Descent'), `context menu shows: ${labels.join(' | ')}`);
  });
});
