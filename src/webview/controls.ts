// The run's controls: formula (errors shown inline at the column), start, η (log slider plus a
// number box), max iterations, optimizer and its hyper-parameters, learning-rate schedule, direction
// and tolerance. Every change hands a complete new run input to `onChange`; number fields can also be
// scrubbed by dragging their label sideways (η on a log scale).
import { formulaPart, rebindData } from '../engine/data/bound';
import { ALL_OPTIMIZER_NAMES, knownSettings } from '../engine/optimizers/registry';
import { DEFAULT_STOP, resolveOptimizer } from '../engine/settings';
import type { SchedulerSettings } from '../engine/types';
import { LIMITS, type RunControls, type RunError, type RunSummary } from '../shared/protocol';
import { formatNumber } from '../shared/numberText';
import { h, replaceChildren } from './dom';
import type { RunEdit } from './edits';
import { iterationsProblem, rateProblem, startProblem, toleranceProblem } from './fieldCheck';
import { parseNumberList } from './format';
import { renderOptimizerChooser, renderScheduleChooser } from './optimizerControls';
import { parameterControls, type ShownParameter } from './parameterControls';
import { scrubbable } from './scrub';
import { batchFields } from './batchControls';

/** The rendered controls and a way to show the run's error or status without rebuilding them. */
export interface ControlsView {
  readonly element: HTMLElement;
  /** The run these controls edit. */
  readonly runId: number;
  showStatus(run: RunSummary): void;
  /** Shows a start the plot chose (a click or drag), as the controls would send it. */
  showStart(start: readonly number[]): void;
  /** Shows the formula's parameters (once its part arrived) at the run's values. */
  showParameters(parameters: readonly ShownParameter[]): void;
  /** Marks the critical η = 2/λmax on the η slider (none: no mark), once the curvature arrived. */
  showCritical(critical: number | undefined): void;
}

let uid = 0;
function labelled(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `ctl-${++uid}`;
  control.id = id;
  const text = h('label', { for: id }, label);
  if (control instanceof HTMLInputElement && control.type === 'number') scrubbable(text, control);
  return h('div', { class: 'field' }, text, control, hint ? h('span', { class: 'hint' }, hint) : null);
}

/**
 * Shows `problem` under `control` (or clears it): a message beside the field, the field marked
 * invalid and described by it, so a screen reader reads what is wrong.
 */
function markField(control: HTMLElement, problem: string | undefined): void {
  const field = control.closest('.field') ?? control.parentElement;
  if (!field) return;
  const id = `${control.id}-error`;
  let note = field.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  control.setAttribute('aria-invalid', String(problem !== undefined));
  if (problem === undefined) {
    note?.remove();
    control.removeAttribute('aria-describedby');
    return;
  }
  if (!note) {
    note = h('div', {
      class: 'field-error',
      id,
      role: 'alert',
      'data-testid': `${control.getAttribute('data-testid') ?? 'field'}-error`,
    });
    field.append(note);
  }
  note.textContent = problem;
  control.setAttribute('aria-describedby', id);
}

function numberInput(
  testId: string,
  value: number,
  min: number,
  max: number,
  step: number | 'any',
): HTMLInputElement {
  return h('input', { type: 'number', 'data-testid': testId, value: String(value), min, max, step });
}

/** The error line: message, and the formula with a caret under the column when known. */
export function errorView(formula: string, error: RunError): HTMLElement {
  const parts: HTMLElement[] = [h('div', { class: 'error-message' }, error.message)];
  if (error.column !== undefined && formula.length <= 200) {
    parts.push(
      h(
        'pre',
        { class: 'error-caret', 'aria-hidden': 'true' },
        `${formula}\n${' '.repeat(Math.max(0, error.column - 1))}^`,
      ),
    );
    parts.push(h('div', { class: 'hint' }, `at column ${error.column}`));
  }
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'formula-error' }, ...parts);
}

/** Builds the controls for `run`. */
export function renderControls(
  run: RunSummary,
  shown: RunEdit | undefined,
  onChange: (edit: RunEdit) => void,
  onValidity: (valid: boolean) => void = () => undefined,
): ControlsView {
  // An edit not yet answered is what the person last set: the controls show it, not the older report.
  const o: RunControls = shown?.controls ?? run.controls;
  const given = knownSettings(o.optimizer);
  // A name the engine does not know (the host refused it) shows as plain gradient descent.
  const opt = ALL_OPTIMIZER_NAMES.includes(given.name ?? 'gd') ? given : { ...given, name: 'gd' as const };
  const lr =
    typeof opt.lr === 'number' && opt.lr > 0 ? opt.lr : resolveOptimizer({ name: opt.name ?? 'gd' }).lr;
  const formula = h('input', {
    type: 'text',
    'data-testid': 'formula-input',
    // A loss bound to its data shows its formula; the data stays bound through edits.
    value: formulaPart(shown?.formula ?? run.formula),
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const start = h('input', {
    type: 'text',
    'data-testid': 'start-input',
    value: o.start.map((v) => formatNumber(v, { digits: 12 })).join(', ') || '1',
  });
  const lrSlider = h('input', {
    type: 'range',
    'data-testid': 'lr-slider',
    min: -5,
    max: 1,
    step: 0.01,
    value: String(Math.log10(lr)),
    'aria-label': 'learning rate η (log scale)',
  });
  const lrBox = numberInput('lr-input', lr, 1e-8, 100, 'any');
  const maxIt = numberInput(
    'max-iterations-input',
    o.stop.maxIterations ?? DEFAULT_STOP.maxIterations,
    1,
    LIMITS.maxIterations,
    1,
  );
  const optimizer = renderOptimizerChooser(opt);
  const schedule = renderScheduleChooser(o.scheduler as SchedulerSettings | undefined, () => ({
    maxIterations: Number.isFinite(maxIt.valueAsNumber) ? maxIt.valueAsNumber : DEFAULT_STOP.maxIterations,
    optimizer: optimizer.read()?.name ?? opt.name ?? 'gd',
  }));
  const direction = h(
    'select',
    { 'data-testid': 'direction-select' },
    h('option', { value: 'min', selected: !o.maximize }, 'minimize'),
    h('option', { value: 'max', selected: o.maximize }, 'maximize'),
  );
  const tolerance = numberInput(
    'tolerance-input',
    o.stop.gradientTolerance ?? DEFAULT_STOP.gradientTolerance,
    0,
    1,
    'any',
  );
  const extras = h('div', { class: 'hyper' });
  const status = h('div', { class: 'status', 'data-testid': 'run-status', 'aria-live': 'polite' });
  const parameters = parameterControls(() => changed());
  // Only a loss bound to its data has batches; its fields re-run like the others.
  const batches = batchFields(shown?.formula ?? run.formula, o.batch);

  const collect = (): RunEdit | undefined => {
    const point = parseNumberList(start.value);
    const rate = Number(lrBox.value);
    const iterations = maxIt.valueAsNumber;
    const gradientTolerance = tolerance.valueAsNumber;
    const batch = batches?.read();
    const problems = [
      [start, startProblem(start.value, point)],
      [lrBox, rateProblem(lrBox.value)],
      [maxIt, iterationsProblem(iterations)],
      [tolerance, toleranceProblem(gradientTolerance)],
      ...(batch?.problems ?? []),
    ] as const;
    for (const [control, problem] of problems) markField(control, problem);
    const valid = problems.every(([, problem]) => problem === undefined);
    // The optimizer's and the schedule's fields mark and name what is invalid.
    const settings = optimizer.read();
    const scheduler = schedule.read();
    const values = parameters.values();
    // An empty or partial box is being retyped: wait for a number rather than run with a stand-in.
    onValidity(valid && settings !== undefined && scheduler !== undefined && values !== undefined);
    if (!valid || !point || !settings || scheduler === undefined || values === undefined) {
      return undefined;
    }
    // Only what this optimizer's fields show: another one's settings would be refused (line search
    // off gd, dampening with Nesterov).
    const controls: RunControls = {
      start: point,
      optimizer: { ...settings, lr: rate } as RunControls['optimizer'],
      ...(scheduler ? { scheduler: scheduler as unknown as RunControls['scheduler'] } : {}),
      stop: {
        maxIterations: iterations,
        gradientTolerance,
      },
      maximize: direction.value === 'max',
      ...(Object.keys(values).length > 0 ? { parameters: values } : {}),
      ...(batch?.value ? { batch: batch.value } : {}),
    };
    return { formula: rebindData(formula.value, run.formula), controls, starts: shown?.starts ?? run.starts };
  };
  function changed(): void {
    const input = collect();
    if (input) onChange(input);
  }

  lrSlider.addEventListener('input', () => {
    // A number box parses only ASCII minus signs ("1e-5").
    lrBox.value = formatNumber(10 ** Number(lrSlider.value), { digits: 3, minus: '-' });
    changed();
  });
  lrBox.addEventListener('input', () => {
    if (Number(lrBox.value) > 0) lrSlider.value = String(Math.log10(Number(lrBox.value)));
    changed();
  });
  // Text, number and checkbox inputs and selects all fire `input`; their later `change` would re-send
  // the same run.
  const fields = [formula, start, maxIt, tolerance, optimizer.element, schedule.element, direction];
  for (const el of [...fields, ...(batches?.inputs ?? [])]) {
    el.addEventListener('input', changed);
  }

  const element = h(
    'form',
    { class: 'controls', 'data-testid': 'controls', 'aria-label': 'Run settings' },
    labelled('Function', formula),
    extras,
    parameters.element,
    labelled('Initial point', start, 'comma-separated, one number per variable'),
    h('div', { class: 'field lr' }, labelled('Learning rate η', lrSlider), labelled('η value', lrBox)),
    labelled('Max iterations', maxIt),
    batches?.element,
    optimizer.element,
    schedule.element,
    labelled('Direction', direction),
    labelled('Gradient tolerance', tolerance),
    status,
  );
  element.addEventListener('submit', (e) => e.preventDefault());
  const showStatus = (current: RunSummary): void => {
    replaceChildren(
      extras,
      current.status === 'error' && current.error ? errorView(current.formula, current.error) : null,
    );
    formula.setAttribute('aria-invalid', String(current.status === 'error'));
    status.textContent = current.status === 'pending' ? 'Running…' : '';
  };
  showStatus(run);
  const showStart = (point: readonly number[]): void => {
    start.value = point.map((v) => formatNumber(v, { digits: 4, minus: '-' })).join(', ');
    markField(start, undefined);
  };
  const showParameters = (shown: readonly ShownParameter[]): void => parameters.show(shown, o.parameters);
  // A tick on the slider's track (a range input's datalist), and the value in its description.
  const ticks = h('datalist', {
    id: `${lrSlider.id || 'lr'}-critical-${run.id}`,
    'data-testid': 'lr-critical',
  });
  lrSlider.setAttribute('list', ticks.id);
  lrSlider.after(ticks);
  const showCritical = (critical: number | undefined): void => {
    const at = critical !== undefined && critical > 0 ? Math.log10(critical) : undefined;
    const inRange = at !== undefined && at >= Number(lrSlider.min) && at <= Number(lrSlider.max);
    replaceChildren(ticks, inRange ? h('option', { value: String(at) }) : null);
    lrSlider.setAttribute(
      'aria-description',
      critical === undefined ? '' : `critical η = 2/λmax = ${formatNumber(critical, { digits: 3 })}`,
    );
    lrSlider.title = critical === undefined ? '' : `2/λmax = ${formatNumber(critical, { digits: 3 })}`;
  };
  return { element, runId: run.id, showStatus, showStart, showParameters, showCritical };
}
