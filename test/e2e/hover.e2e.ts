// Hovering a $...$ formula in a Markdown note shows the gradient descent preview.
import { strict as assert } from 'node:assert';
import { newWorkbench } from './support/session';

describe('hover preview on a Markdown formula', () => {
  it('shows "Gradient descent" with a result when hovering $f(x) = 2x^{2}$', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    const text = await workbench.hoverText('2x^{2}', 'Gradient descent');
    // By hand, with the default settings (η = 0.1, x0 = 1, tolerance 1e-6): x_k = 0.6^k and f′(x_k) = 4·0.6^k,
    // first below 1e-6 at k = 30; x* = 0.6^30 ≈ 2.211e-7 and f(x*) = 2·0.6^60 ≈ 9.775e-14.
    assert.match(
      text,
      /converged in 30 iterations to x\* = 2\.211e−7, f\(x\*\) = 9\.775e−14/,
      `the preview tells the outcome: ${text}`,
    );
  });
});
