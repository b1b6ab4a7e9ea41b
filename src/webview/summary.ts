// The run's summary in words: stop reason, iterations, final point and value, gradient norm,
// the kind of point reached and the gradient formula.
import type { Analysis } from '../engine/types';
import { h } from './dom';
import { OPTIMIZER_LABELS, formatNumber, formatPoint, runOutcomeText, stationaryText } from './format';

function row(label: string, value: string, testId?: string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', testId ? { 'data-testid': testId } : {}, value)];
}

/** True when the start itself met the gradient tolerance (Rosenbrock from (1, 1)): no step was taken. */
function startedStationary(analysis: Analysis): boolean {
  return (
    analysis.run.iterations === 0 &&
    analysis.run.stopReason === 'gradient-tolerance' &&
    analysis.run.stationary !== 'not-stationary'
  );
}

/** Why a symbol the left side does not name moved too, and how to hold it fixed (`λ` in `L(θ₀, θ₁) = … + λ/2 …`). */
function undeclaredText(names: readonly string[]): string {
  const one = names.length === 1;
  return `${names.join(', ')}: not named on the left side of the definition, so ${one ? 'it is a variable' : 'they are variables'} too. Write ${one ? 'its value' : 'their values'} into the formula to hold ${one ? 'it' : 'them'} fixed.`;
}

/** The summary of an analysis. */
export function renderSummary(analysis: Analysis): HTMLElement {
  const { run, formula } = analysis;
  const vars = run.variables;
  const gradient = formula.gradient.map((g, i) => `∂f/∂${vars[i] ?? '?'} = ${g}`);
  return h(
    'section',
    { class: 'summary', 'data-testid': 'summary', 'aria-label': 'Summary' },
    h('p', { class: 'stop-reason', 'data-testid': 'stop-reason' }, runOutcomeText(run)),
    startedStationary(analysis)
      ? h(
          'p',
          { class: 'hint', 'data-testid': 'stationary-start' },
          `The start is already ${stationaryText(run.stationary)}, so there is nothing to descend: type another start${analysis.landscape.kind === 'none' ? '' : ', or click on the plot'}.`,
        )
      : null,
    h(
      'dl',
      {},
      ...row('Function', `f(${vars.join(', ')}) = ${formula.text}`, 'summary-formula'),
      ...row('Optimizer', `${OPTIMIZER_LABELS[run.optimizer]}, η = ${formatNumber(run.learningRate)}`),
      ...row('Iterations', String(run.iterations), 'summary-iterations'),
      ...row(
        'Final point',
        `${vars.length === 1 ? vars[0] : `(${vars.join(', ')})`} = ${formatPoint(run.final.point)}`,
        'summary-point',
      ),
      ...row('Final value', `f = ${formatNumber(run.final.value)}`, 'summary-value'),
      ...row('Gradient norm', `‖∇f‖ = ${formatNumber(run.final.gradientNorm, 3)}`),
      ...row('Point reached', stationaryText(run.stationary), 'summary-kind'),
      ...row(vars.length === 1 ? 'Derivative' : 'Gradient', gradient.join('; ') || '—'),
      ...(run.gradientMethod === 'numeric'
        ? row('Note', 'Some partial derivatives were computed numerically.')
        : []),
      ...(formula.undeclared
        ? row('Also descended on', undeclaredText(formula.undeclared), 'summary-undeclared')
        : []),
    ),
  );
}
