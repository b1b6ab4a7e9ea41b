// Hovering a $...$ formula in a Markdown note shows the gradient descent preview.
import { strict as assert } from 'node:assert';
import { newWorkbench } from './support/session';

describe('hover preview on a Markdown formula', () => {
  it('shows "Gradient descent" with a result when hovering $f(x) = 2x^{2}$', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    const text = await workbench.hoverText('2x^{2}', 'Gradient descent');
    assert.match(text, /Gradient descent/);
    assert.match(text, /converge|diverge|iteration/i, `the preview tells the outcome: ${text}`);
  });
});
