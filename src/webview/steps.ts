// Worked steps: the first iterations written out with their numbers, so a student can check them.
import type { RunWire, StepsWire } from '../shared/wire';
import { h } from './dom';
import { workedStepLines } from './format';

/** The worked steps of an analysis, or nothing when the engine wrote none. */
export function renderSteps(steps: StepsWire, run: RunWire, maximize: boolean): HTMLElement | null {
  if (steps.length === 0) return null;
  const optimizer = run.optimizer;
  const note =
    optimizer === 'gd'
      ? `Each step moves against the gradient: x_{k+1} = x_k ${maximize ? '+' : '−'} η·∇f(x_k).`
      : `u is the update direction the optimizer computed from the quantities above (torch.optim names)${maximize ? ', which come from −∇f when maximizing' : ''}.`;
  return h(
    'section',
    { class: 'steps', 'data-testid': 'steps', 'aria-label': 'Worked steps' },
    h('h3', {}, 'Worked steps'),
    h('p', { class: 'hint' }, note),
    h(
      'ol',
      { start: 0 },
      ...steps.map((step) =>
        h(
          'li',
          { 'data-testid': 'step' },
          ...workedStepLines(step, run.variables, optimizer, maximize, run.learningRate).map((line) =>
            h('div', { class: 'math' }, line),
          ),
        ),
      ),
    ),
  );
}
