// The run's summary in words: how it went (usecases/wording.ts), where it ended, the value and gradient
// there, the kind of point reached and the gradient formula, in the person's own function name.
import type { FormulaWire, RunWire } from '../shared/wire';
import { describeOutcome, outcomeSentence } from '../usecases/wording';
import { h } from './dom';
import { OPTIMIZER_LABELS, formatNumber, formatPoint } from './format';

function row(label: string, value: string, testId?: string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', testId ? { 'data-testid': testId } : {}, value)];
}

/** `a = 2, b = 1`: the values a run held its parameters at (the run's own, else the formula's defaults). */
function parametersText(parameters: readonly { name: string; value: number }[]): string {
  return parameters.map((p) => `${p.name} = ${formatNumber(p.value)}`).join(', ');
}

/** What the summary is drawn from. */
export interface SummaryParts {
  readonly run: RunWire;
  readonly formula: FormulaWire;
  /** The simplified partial derivatives, once computed. */
  readonly gradient?: readonly string[];
  /** Whether the plot can be clicked to choose another start. */
  readonly pickable: boolean;
}

/** The summary of a run. */
export function renderSummary(parts: SummaryParts): HTMLElement {
  const { run, formula } = parts;
  const vars = run.variables;
  const name = formula.name ?? 'f';
  const words = describeOutcome(run);
  const gradient = (parts.gradient ?? []).map((g, i) => `∂${name}/∂${vars[i] ?? '?'} = ${g}`);
  return h(
    'section',
    { class: 'summary', 'data-testid': 'summary', 'aria-label': 'Summary' },
    h('p', { class: 'stop-reason', 'data-testid': 'stop-reason' }, outcomeSentence(run)),
    words.atStart
      ? h(
          'p',
          { class: 'hint', 'data-testid': 'stationary-start' },
          `The start is already ${words.point}, so there is nothing to descend: type another start${parts.pickable ? ', or click on the plot' : ''}.`,
        )
      : null,
    h(
      'dl',
      {},
      ...row('Function', `${name}(${vars.join(', ')}) = ${formula.text}`, 'summary-formula'),
      ...row('Optimizer', `${OPTIMIZER_LABELS[run.optimizer]}, η = ${formatNumber(run.learningRate)}`),
      ...row('Iterations', String(run.iterations), 'summary-iterations'),
      ...row(
        'Final point',
        `${vars.length === 1 ? vars[0] : `(${vars.join(', ')})`} = ${formatPoint(run.final.point)}`,
        'summary-point',
      ),
      ...row('Final value', `${name} = ${formatNumber(run.final.value)}`, 'summary-value'),
      ...row('Gradient norm', `‖∇${name}‖ = ${formatNumber(run.final.gradientNorm, 3)}`),
      ...row('Point reached', words.point, 'summary-kind'),
      ...row(vars.length === 1 ? 'Derivative' : 'Gradient', gradient.join('; ') || '…'),
      ...(run.gradientMethod === 'numeric'
        ? row('Note', 'Some partial derivatives were computed numerically.')
        : []),
      ...(formula.parameters.length > 0
        ? row('Parameters', parametersText(run.parameters ?? formula.parameters), 'summary-parameters')
        : []),
    ),
  );
}
