// The run's controls: formula (errors shown inline at the column), start, η (log slider plus a
// number box), max iterations, optimizer and its hyper-parameters, direction and tolerance.
// Every change hands a complete new run input to `onChange`; number fields can also be scrubbed by
// dragging their label sideways (η on a log scale).
import { knownSettings } from '../engine/optimizers/registry';
import { DEFAULT_STOP, resolveOptimizer } from '../engine/settings';
import { OPTIMIZER_NAMES, type OptimizerName, type OptimizerSettings } from '../engine/types';
import { LIMITS, type RunControls, type RunError, type RunSummary } from '../shared/protocol';
import { formatNumber } from '../shared/numberText';
import { h, replaceChildren } from './dom';
import type { RunEdit } from './edits';
import { OPTIMIZER_LABELS, parseNumberList } from './format';
import { parameterControls, type ShownParameter } from './parameterControls';
import { scrubbable } from './scrub';

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
}

type Field = { key: keyof OptimizerSettings; label: string; min: number; max: number; step: number };

/** Hyper-parameters each optimizer shows (their defaults are the engine's, torch.optim's). */
const HYPER: Readonly<Partial<Record<OptimizerName, readonly Field[]>>> = {
  gd: [],
  momentum: [
    { key: 'momentum', label: 'momentum μ', min: 0, max: 0.999, step: 0.01 },
    { key: 'dampening', label: 'dampening', min: 0, max: 1, step: 0.01 },
  ],
  nesterov: [{ key: 'momentum', label: 'momentum μ', min: 0, max: 0.999, step: 0.01 }],
  adagrad: [
    { key: 'lrDecay', label: 'lr decay', min: 0, max: 1, step: 0.001 },
    { key: 'initialAccumulatorValue', label: 'initial accumulator', min: 0, max: 10, step: 0.1 },
    { key: 'eps', label: 'ε', min: 0, max: 1, step: 1e-10 },
  ],
  rmsprop: [
    { key: 'alpha', label: 'α (smoothing)', min: 0, max: 0.9999, step: 0.001 },
    { key: 'eps', label: 'ε', min: 0, max: 1, step: 1e-8 },
  ],
  adam: [{ key: 'eps', label: 'ε', min: 0, max: 1, step: 1e-8 }],
};

/** Settings that belong to particular optimizers: their fields, Adam's betas and the check boxes. */
const OPTIMIZER_SPECIFIC: ReadonlySet<string> = new Set([
  ...Object.values(HYPER).flatMap((fields) => (fields ?? []).map((f) => f.key)),
  'betas',
  'centered',
  'amsgrad',
  'lineSearch',
]);

let uid = 0;
function labelled(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `ctl-${++uid}`;
  control.id = id;
  const text = h('label', { for: id }, label);
  if (control instanceof HTMLInputElement && control.type === 'number') scrubbable(text, control);
  return h('div', { class: 'field' }, text, control, hint ? h('span', { class: 'hint' }, hint) : null);
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
): ControlsView {
  // An edit not yet answered is what the person last set: the controls show it, not the older report.
  const o: RunControls = shown?.controls ?? run.controls;
  const opt = knownSettings(o.optimizer);
  const lr = opt.lr ?? resolveOptimizer({ name: opt.name ?? 'gd' }).lr;
  const formula = h('input', {
    type: 'text',
    'data-testid': 'formula-input',
    value: shown?.formula ?? run.formula,
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
  const optimizer = h('select', { 'data-testid': 'optimizer-select' });
  for (const [name, label] of OPTIMIZER_NAMES.map((n) => [n, OPTIMIZER_LABELS[n]] as const)) {
    optimizer.append(h('option', { value: name, selected: name === (opt.name ?? 'gd') }, label));
  }
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
  const hyper = h('div', { class: 'hyper', 'data-testid': 'hyper-parameters' });
  const extras = h('div', { class: 'hyper' });
  const status = h('div', { class: 'status', 'data-testid': 'run-status', 'aria-live': 'polite' });
  const parameters = parameterControls(() => changed());
  const hyperInputs = new Map<keyof OptimizerSettings, HTMLInputElement>();
  let betas: [HTMLInputElement, HTMLInputElement] | undefined;
  const flags = new Map<'centered' | 'amsgrad' | 'lineSearch', HTMLInputElement>();

  const renderHyper = (name: OptimizerName): void => {
    hyperInputs.clear();
    flags.clear();
    betas = undefined;
    const defaults = resolveOptimizer({ name });
    const fields = (HYPER[name] ?? []).map((f) => {
      const current = opt[f.key];
      const input = numberInput(
        `hp-${f.key}`,
        typeof current === 'number' ? current : Number(defaults[f.key]),
        f.min,
        f.max,
        'any',
      );
      hyperInputs.set(f.key, input);
      return labelled(f.label, input);
    });
    if (name === 'adam') {
      const [b1, b2] = opt.betas ?? defaults.betas;
      betas = [numberInput('hp-beta1', b1, 0, 0.9999, 'any'), numberInput('hp-beta2', b2, 0, 0.99999, 'any')];
      fields.push(labelled('β₁', betas[0]), labelled('β₂', betas[1]));
    }
    const flag = (key: 'centered' | 'amsgrad' | 'lineSearch', label: string): HTMLElement => {
      const box = h('input', { type: 'checkbox', 'data-testid': `hp-${key}`, checked: opt[key] === true });
      flags.set(key, box);
      return labelled(label, box);
    };
    if (name === 'rmsprop') fields.push(flag('centered', 'centered'));
    if (name === 'adam') fields.push(flag('amsgrad', 'AMSGrad'));
    if (name === 'gd') fields.push(flag('lineSearch', 'Armijo line search'));
    replaceChildren(hyper, ...fields);
  };
  renderHyper(opt.name ?? 'gd');

  const collect = (): RunEdit | undefined => {
    const point = parseNumberList(start.value);
    start.setAttribute('aria-invalid', String(point === undefined));
    const rate = Number(lrBox.value);
    const iterations = maxIt.valueAsNumber;
    const gradientTolerance = tolerance.valueAsNumber;
    const values = parameters.values();
    // An empty or partial box is being retyped: wait for a number rather than run with a stand-in.
    if (
      !point ||
      !(rate > 0) ||
      !Number.isFinite(iterations) ||
      !Number.isFinite(gradientTolerance) ||
      values === undefined
    ) {
      return undefined;
    }
    const name = optimizer.value as OptimizerName;
    // Another optimizer's hyper-parameters would be refused (line search off gd, dampening with Nesterov):
    // keep only what this optimizer's fields show.
    const settings: Record<string, unknown> = { ...opt, name, lr: rate };
    for (const key of OPTIMIZER_SPECIFIC) delete settings[key];
    for (const [key, input] of hyperInputs) {
      if (Number.isFinite(input.valueAsNumber)) settings[key] = input.valueAsNumber;
    }
    for (const [key, box] of flags) settings[key] = box.checked;
    if (betas) settings.betas = [betas[0].valueAsNumber, betas[1].valueAsNumber];
    const controls: RunControls = {
      start: point,
      optimizer: settings as Partial<OptimizerSettings>,
      stop: {
        maxIterations: Math.max(1, Math.round(iterations)),
        gradientTolerance: Math.max(0, gradientTolerance),
      },
      maximize: direction.value === 'max',
      ...(Object.keys(values).length > 0 ? { parameters: values } : {}),
    };
    return { formula: formula.value, controls, starts: shown?.starts ?? run.starts };
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
  optimizer.addEventListener('change', () => {
    renderHyper(optimizer.value as OptimizerName);
    changed();
  });
  // Text, number and checkbox inputs all fire `input`; their later `change` would re-send the same run.
  for (const el of [formula, start, maxIt, tolerance, hyper]) el.addEventListener('input', changed);
  direction.addEventListener('change', changed);

  const element = h(
    'form',
    { class: 'controls', 'data-testid': 'controls', 'aria-label': 'Run settings' },
    labelled('Function', formula),
    extras,
    parameters.element,
    labelled('Initial point', start, 'comma-separated, one number per variable'),
    h('div', { class: 'field lr' }, labelled('Learning rate η', lrSlider), labelled('η value', lrBox)),
    labelled('Max iterations', maxIt),
    labelled('Optimizer', optimizer),
    hyper,
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
    start.setAttribute('aria-invalid', 'false');
  };
  const showParameters = (shown: readonly ShownParameter[]): void => parameters.show(shown, o.parameters);
  return { element, runId: run.id, showStatus, showStart, showParameters };
}
