// The run's summary in words: how it went (usecases/wording.ts), where it ended, the value and gradient
// there, the kind of point reached and the gradient formula, in the person's own function name.
import { superscript } from '../shared/numberText';
import type { FormulaWire, PartialWire, RunWire } from '../shared/wire';
import { descendingStart } from '../usecases/suggestStart';
import { describeOutcome, outcomeSentence } from '../usecases/wording';
import { h, type Child } from './dom';
import { math } from './math';
import { OPTIMIZER_LABELS, formatNumber, formatPoint } from './format';

function row(label: string, value: Child, testId?: string): HTMLElement[] {
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
  readonly gradient?: readonly PartialWire[];
  /** Whether the plot can be clicked to choose another start. */
  readonly pickable: boolean;
  /** Starts the run again from another point (the offer of a start that descends). */
  readonly restart?: (start: number[]) => void;
  /** What η does along the curvature's directions (wording.ts), for a gd run that did not converge. */
  readonly effects?: readonly string[];
}

/** At a stationary start: a start that does descend, as a button, and the plot's click. */
function startOffer(point: ArrayLike<number>, parts: SummaryParts): HTMLElement {
  const offered = descendingStart(Array.from(point));
  return h(
    'p',
    { class: 'hint', 'data-testid': 'stationary-start' },
    'To see a descent, ',
    parts.restart
      ? h(
          'button',
          { type: 'button', 'data-testid': 'start-offer', onclick: () => parts.restart?.(offered) },
          `start from ${formatPoint(offered)}`,
        )
      : `start from ${formatPoint(offered)}`,
    parts.pickable ? ', type another start or click on the plot.' : ' or type another start.',
  );
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
    parts.effects && parts.effects.length > 0
      ? h('p', { class: 'hint', 'data-testid': 'summary-effects' }, `${parts.effects.join('. ')}.`)
      : null,
    words.atStart ? startOffer(run.final.point, parts) : null,
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
      ...row(
        'Optimizer',
        `${OPTIMIZER_LABELS[run.optimizer]}, η = ${formatNumber(run.learningRate)}${run.scheduler ? ` with ${run.scheduler}` : ''}`,
        'summary-optimizer',
      ),
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
      ...(formula.parameters.length > 0
        ? row('Parameters', parametersText(run.parameters ?? formula.parameters), 'summary-parameters')
        : []),
    ),
  );
}

/** Plain math text as a person writes it on one line: x ^ 2 as x², 2 * x as 2·x. */
export function readableText(text: string): string {
  return text
    .replace(/\s*\^\s*([0-9]+)\b/g, (_m, digits: string) => superscript(digits))
    .replace(/\s\*\s/g, '·');
}

/** A saved figure's heading: the function as written, then the optimizer, η, start and iterations. */
export function figureHeading(formula: FormulaWire, run: RunWire): string[] {
  const vars = formula.variablesText;
  // The run's first iterate is its start with every coordinate (a typed "1" stands for (1, 1)).
  const start = run.trace.points.slice(0, run.trace.dimension);
  const name = formula.name ?? 'f';
  const at = vars.length === 1 ? vars[0] : `(${vars.join(', ')})`;
  return [
    `${name}(${vars.join(', ')}) = ${readableText(formula.text)}`,
    `${OPTIMIZER_LABELS[run.optimizer]}, η = ${formatNumber(run.learningRate)}, from ${at} = ${formatPoint(start)}, ${run.iterations} iterations`,
  ];
}
