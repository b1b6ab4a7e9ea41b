// "Run Gradient Descent" from the command palette on a selected formula opens the panel with
// its plots drawn inside the webview (not only a tab title).
import { expectPanelWithPlots } from './support/panel-checks';
import { newWorkbench } from './support/session';

describe('Run Gradient Descent from the command palette', () => {
  it('opens the panel with the descent and loss plots for a 1-variable formula', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    await workbench.selectText('f(x) = 2x^{2}');
    await workbench.runCommand('Run Gradient Descent');
    await expectPanelWithPlots(workbench);
  });

  it('opens the panel for the Rosenbrock function selected in a LaTeX file', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('loss-functions.tex');
    await workbench.selectText('f(x, y) = (1 - x)^2 + 100\\left(y - x^2\\right)^2');
    await workbench.runCommand('Run Gradient Descent');
    await expectPanelWithPlots(workbench);
  });
});
