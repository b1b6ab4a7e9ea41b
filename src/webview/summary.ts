// The run's summary in words: how it went (usecases/wording.ts), where it ended, the value and gradient
// there, the kind of point reached and the gradient formula, in the person's own function name.
import type { FormulaWire, PartialWire, RunWire } from '../shared/wire';
import { describeOutcome, outcomeSentence } from '../usecases/wording';
import { h, type Child } from './dom';
import { math } from './math';
import { OPTIMIZER_LABELS, formatNumber, formatPoint } from './format';

function row(label: string, value: Child, testId?: string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', testId ? { 'data-testid': testId } : {}, value)];
}

/** Why a symbol the left side does not name moved too, and how to hold it fixed (`λ` in `L(θ₀, θ₁) = … + λ/2 …`). */
function undeclaredText(names: readonly string[]): string {
  const one = names.length === 1;
  return `${names.join(', ')}: not named on the left side of the definition, so ${one ? 'it is a variable' : 'they are variables'} too. Write ${one ? 'its value' : 'their values'} into the formula to hold ${one ? 'it' : 'them'} fixed.`;
}

/** What the summary is drawn from. */
export interface SummaryParts {
  readonly run: RunWire;
  readonly formula: FormulaWire;
  /** The simplified partial derivatives, once computed. */
  readonly gradient?: readonly PartialWire[];
  /** Whether the plot can be clicked to choose another start. */
  readonly pickable: boolean;
}

/** The summary of a run. */
export function renderSummary(parts: SummaryParts): HTMLElement {
  const { run, formula } = parts;
  const vars = formula.variablesText;
  const name = formula.name ?? 'f';
  const words = describeOutcome(run);
  const nameTex = formula.nameTex ?? 'f';
  const gradient = (parts.gradient ?? []).map((g, i) =>
    h(
      'div',
      {},
      math(
        `\\frac{\\partial ${nameTex}}{\\partial ${formula.variablesTex[i] ?? '?'}} = ${g.tex}`,
        `∂${name}/∂${vars[i] ?? '?'} = ${g.text}`,
      ),
    ),
  );
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
      ...row(
        'Function',
        math(
          `${nameTex}(${formula.variablesTex.join(', ')}) = ${formula.tex}`,
          `${name}(${vars.join(', ')}) = ${formula.text}`,
          { 'data-testid': 'summary-formula' },
        ),
      ),
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
      ...row(
        vars.length === 1 ? 'Derivative' : 'Gradient',
        gradient.length > 0 ? h('div', {}, ...gradient) : '…',
      ),
      ...(run.gradientMethod === 'numeric'
        ? row('Note', 'Some partial derivatives were computed numerically.')
        : []),
      ...(formula.undeclared
        ? row('Also descended on', undeclaredText(formula.undeclared), 'summary-undeclared')
        : []),
    ),
  );
}
