// Worked steps: the first iterations written out with their numbers, so a student can check them.
import type { RunWire, StepsWire } from '../shared/wire';
import { h } from './dom';
import { math } from './math';
import { workedStepLines, workedStepTex } from './workedSteps';

/** How the person wrote the function's and the variables' names, as plain text and as LaTeX. */
export interface StepNames {
  readonly fn: string;
  readonly fnTex: string;
  readonly variables: readonly string[];
  readonly variablesTex: readonly string[];
}

/** The worked steps of an analysis, or nothing when the engine wrote none. */
export function renderSteps(
  steps: StepsWire,
  run: RunWire,
  maximize: boolean,
  names: StepNames = { fn: 'f', fnTex: 'f', variables: run.variables, variablesTex: run.variables },
): HTMLElement | null {
  if (steps.length === 0) return null;
  const optimizer = run.optimizer;
  const sign = maximize ? '+' : '-';
  const note =
    optimizer === 'gd'
      ? [
          `Each step moves ${maximize ? 'along' : 'against'} the gradient: `,
          math(
            `x_{k+1} = x_k ${sign} \\eta\\,\\nabla ${names.fnTex}(x_k)`,
            `x_{k+1} = x_k ${maximize ? '+' : '−'} η·∇${names.fn}(x_k)`,
          ),
          '.',
        ]
      : [
          'u is the update direction the optimizer computed from the quantities above (torch.optim names)',
          // Adam's is short enough to write out: the bias-corrected moments listed as m̂ and v̂.
          ...(optimizer === 'adam'
            ? [': ', math('u = \\hat{m} / (\\sqrt{\\hat{v}} + \\epsilon)', 'u = m̂/(√v̂ + ε)')]
            : []),
          `${maximize ? ', which come from −∇f when maximizing' : ''}.`,
        ];
  return h(
    'section',
    { class: 'steps', 'data-testid': 'steps', 'aria-label': 'Worked steps' },
    h('h3', {}, 'Worked steps'),
    h('p', { class: 'hint' }, ...note),
    h(
      'ol',
      { start: 0 },
      ...steps.map((step) => {
        const plain = workedStepLines(step, names.variables, optimizer, maximize, run.learningRate, names.fn);
        const tex = workedStepTex(
          step,
          { fn: names.fnTex, variables: names.variablesTex },
          optimizer,
          maximize,
          run.learningRate,
        );
        // Each line typeset, its plain text kept on it (data-plain) for copying and for tests.
        return h(
          'li',
          { 'data-testid': 'step' },
          ...plain.map((line, i) => h('div', { class: 'math' }, math(tex[i] ?? '', line))),
        );
      }),
    ),
  );
}
