// A slider and a number box for each parameter of the run's definition (`a` in `f(x) = a x^2`):
// moving either re-runs at once, through the same edit as every other control. The fields are
// rebuilt only when the formula's parameter names change, so a drag is never interrupted.
import { PARAMETER_NAME } from '../shared/protocol';
import { formatNumber } from '../shared/numberText';
import { h, replaceChildren } from './dom';

/** A parameter as the formula part lists it, with its default value. */
export interface ShownParameter {
  readonly name: string;
  readonly value: number;
}

export interface ParameterControls {
  readonly element: HTMLElement;
  /** Shows `parameters` at `values` (their defaults where unset); a no-op while the names stay the same. */
  show(parameters: readonly ShownParameter[], values: Readonly<Record<string, number>> | undefined): void;
  /** The values the fields hold, by name; undefined while a box holds no number; empty without parameters. */
  values(): Record<string, number> | undefined;
}

/** The slider's range around a parameter's default: wide enough to flip a sign, fine enough to steer. */
export function sliderRange(base: number): { min: number; max: number; step: number } {
  const span = Math.max(1, 2 * Math.abs(base));
  return { min: base - span, max: base + span, step: span / 500 };
}

let uid = 0;

/** The parameter fields; `onInput` runs after every change the person makes. */
export function parameterControls(onInput: () => void): ParameterControls {
  const element = h('div', {
    class: 'hyper parameters',
    'data-testid': 'parameters',
    role: 'group',
    'aria-label': 'Parameters',
  });
  const fields = new Map<string, HTMLInputElement>();
  let names: string | undefined;

  const field = (p: ShownParameter, value: number): HTMLElement => {
    const range = sliderRange(p.value);
    const { step } = range;
    const min = Math.min(range.min, value);
    const max = Math.max(range.max, value);
    const id = `param-${++uid}`;
    const slider = h('input', {
      type: 'range',
      'data-testid': `param-slider-${p.name}`,
      min,
      max,
      step,
      value: String(value),
      'aria-label': `parameter ${p.name}`,
    });
    const box = h('input', {
      type: 'number',
      id,
      'data-testid': `param-input-${p.name}`,
      value: String(value),
      step: 'any',
    });
    slider.addEventListener('input', () => {
      // A number box parses only ASCII minus signs.
      box.value = formatNumber(Number(slider.value), { digits: 6, minus: '-' });
      onInput();
    });
    box.addEventListener('input', () => {
      const typed = box.valueAsNumber;
      if (Number.isFinite(typed)) {
        // A typed value beyond the slider widens it, so the slider shows where the value is.
        if (typed < Number(slider.min)) slider.min = String(typed);
        if (typed > Number(slider.max)) slider.max = String(typed);
        slider.value = String(typed);
      }
      onInput();
    });
    fields.set(p.name, box);
    return h('div', { class: 'field parameter' }, h('label', { for: id }, p.name), slider, box);
  };

  return {
    element,
    show(parameters, values) {
      // A name no message may carry gets no field (the engine keeps its default).
      const shown = parameters.filter((p) => PARAMETER_NAME.test(p.name));
      const key = shown.map((p) => p.name).join('\u0000');
      if (key === names) return;
      names = key;
      fields.clear();
      replaceChildren(element, ...shown.map((p) => field(p, values?.[p.name] ?? p.value)));
    },
    values() {
      const out: Record<string, number> = {};
      for (const [name, box] of fields) {
        if (!Number.isFinite(box.valueAsNumber)) return undefined;
        out[name] = box.valueAsNumber;
      }
      return out;
    },
  };
}
