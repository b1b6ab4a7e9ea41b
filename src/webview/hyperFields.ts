// Controls generated from hyper-parameter descriptors (an optimizer's or a scheduler's): a number box,
// an integer box, a check box, two boxes for a pair (betas), a list box for milestones, a choice of
// strings with None where torch takes it. Each value is checked against its descriptor as it is
// typed: an invalid one is marked and named, and read() gives nothing until it is fixed, so the run
// is never sent with a value the engine would refuse. The host checks everything again.
import type { HyperParameter, HyperValue } from '../engine/hyper';
import { checkParam } from '../engine/schedulers/registry';
import { formatNumber } from '../shared/numberText';
import { h } from './dom';
import { parseNumberList } from './format';
import { scrubbable } from './scrub';

/** The rendered fields of one optimizer or schedule. */
export interface HyperFields {
  readonly element: HTMLElement;
  /** The values by the engine's keys, checked; undefined while one is invalid (the message says which). */
  read(): Record<string, HyperValue> | undefined;
}

/** One field: its element and how its value is read (throws a message when invalid). */
interface Field {
  readonly element: HTMLElement;
  readonly inputs: readonly (HTMLInputElement | HTMLSelectElement)[];
  value(): HyperValue;
}

let uid = 0;
const nextId = (): string => `hp-${++uid}`;

function numberText(value: HyperValue | undefined): string {
  return typeof value === 'number' ? formatNumber(value, { digits: 12, minus: '-' }) : '';
}

function numberBox(param: HyperParameter, testId: string, value: HyperValue | undefined): HTMLInputElement {
  const range = param.range ?? {};
  return h('input', {
    type: 'number',
    id: nextId(),
    'data-testid': testId,
    value: numberText(value),
    step: param.kind === 'integer' ? 1 : 'any',
    min: range.min ?? range.above,
    max: range.max ?? range.below,
    placeholder: param.nullable ? 'None' : undefined,
  });
}

/** A number box's value: None when empty and torch takes None, else a finite number. */
function readNumber(input: HTMLInputElement, param: HyperParameter): number | null {
  if (input.value.trim() === '') {
    if (param.nullable) return null;
    throw new Error(`${param.torch} needs a value`);
  }
  const value = Number(input.value);
  if (!Number.isFinite(value)) throw new Error(`${param.torch} must be a number`);
  return value;
}

function label(param: HyperParameter, forId: string, scrub?: HTMLInputElement): HTMLLabelElement {
  const text = h('label', { for: forId, class: 'torch-name' }, param.torch);
  if (scrub) scrubbable(text, scrub);
  return text;
}

function field(param: HyperParameter, testId: string, value: HyperValue | undefined): Field {
  switch (param.kind) {
    case 'boolean': {
      const box = h('input', {
        type: 'checkbox',
        id: nextId(),
        'data-testid': testId,
        checked: value === true,
      });
      return {
        element: h('div', { class: 'field' }, label(param, box.id), box),
        inputs: [box],
        value: () => box.checked,
      };
    }
    case 'choice': {
      const select = h('select', { id: nextId(), 'data-testid': testId });
      if (param.nullable) select.append(h('option', { value: '', selected: value === null }, 'None'));
      for (const choice of param.choices ?? []) {
        select.append(h('option', { value: choice, selected: value === choice }, `'${choice}'`));
      }
      return {
        element: h('div', { class: 'field' }, label(param, select.id), select),
        inputs: [select],
        value: () => (select.value === '' && param.nullable ? null : select.value),
      };
    }
    case 'pair': {
      const [a, b] = Array.isArray(value) ? (value as readonly number[]) : [];
      const boxes = [0, 1].map((i) => {
        const box = numberBox(param, `${testId}-${i}`, i === 0 ? a : b);
        box.setAttribute('aria-label', `${param.torch}[${i}]`);
        return box;
      });
      const group = h('div', { class: 'pair-inputs', role: 'group' }, ...boxes);
      const caption = label(param, boxes[0]!.id, boxes[0]);
      return {
        element: h('div', { class: 'field' }, caption, group),
        inputs: boxes,
        value: () => boxes.map((box) => readNumber(box, { ...param, nullable: false })) as number[],
      };
    }
    case 'integers': {
      const list = Array.isArray(value) ? (value as readonly number[]) : [];
      const box = h('input', {
        type: 'text',
        id: nextId(),
        'data-testid': testId,
        value: list.join(', '),
        placeholder: 'e.g. 300, 600',
      });
      return {
        element: h('div', { class: 'field' }, label(param, box.id), box),
        inputs: [box],
        value: () => (box.value.trim() === '' ? [] : (parseNumberList(box.value) ?? [NaN])),
      };
    }
    default: {
      const box = numberBox(param, testId, value);
      return {
        element: h('div', { class: 'field' }, label(param, box.id, box), box),
        inputs: [box],
        value: () => readNumber(box, param),
      };
    }
  }
}

/**
 * Fields for `params`, starting from `values` (a missing one from its default). `owner` names the
 * optimizer or schedule in messages; `check` may refuse a combination (torch's rules across values).
 */
export function renderHyperFields(
  params: readonly HyperParameter[],
  values: Readonly<Record<string, HyperValue | undefined>>,
  owner: string,
  check: (values: Record<string, HyperValue>) => void = () => undefined,
): HyperFields {
  const message = h('div', { class: 'field-message', id: nextId(), role: 'status', 'aria-live': 'polite' });
  const help = h('div', { class: 'hint field-help', 'aria-hidden': 'true' });
  const fields = params.map((param) => {
    const f = field(param, `hp-${param.key}`, values[param.key] ?? param.default);
    const description = h('span', { class: 'sr-only', id: nextId() }, param.description);
    f.element.append(description);
    f.element.title = param.description;
    for (const input of f.inputs) {
      input.setAttribute('aria-describedby', `${description.id} ${message.id}`);
      // The one line under the fields says what the focused or pointed-at parameter does.
      input.addEventListener('focus', () => (help.textContent = `${param.torch}: ${param.description}`));
    }
    f.element.addEventListener(
      'pointerenter',
      () => (help.textContent = `${param.torch}: ${param.description}`),
    );
    return { param, f };
  });
  const element = h('div', { class: 'hyper-fields' }, ...fields.map(({ f }) => f.element), help, message);
  const read = (): Record<string, HyperValue> | undefined => {
    const out: Record<string, HyperValue> = {};
    let problem: string | undefined;
    for (const { param, f } of fields) {
      let ok = true;
      try {
        const value = f.value();
        checkParam(param, value, owner);
        out[param.key] = value;
      } catch (error) {
        ok = false;
        problem ??= error instanceof Error ? error.message : String(error);
      }
      for (const input of f.inputs) input.setAttribute('aria-invalid', String(!ok));
    }
    if (problem === undefined) {
      try {
        check(out);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    message.textContent = problem ?? '';
    message.classList.toggle('invalid', problem !== undefined);
    return problem === undefined ? out : undefined;
  };
  return { element, read };
}
