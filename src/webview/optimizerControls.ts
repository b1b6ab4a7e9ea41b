// The optimizer and schedule choosers: every optimizer the engine runs, grouped, with its one-line
// description and its hyper-parameters as controls generated from its descriptor; and a schedule
// (none, or one of torch's schedulers) with its arguments. Switching keeps what carries over.
import type { HyperValue } from '../engine/hyper';
import { optimizerDescriptor } from '../engine/optimizers/registry';
import { resolveScheduler, schedulerDescriptor } from '../engine/schedulers/registry';
import { resolveOptimizer } from '../engine/settings';
import type { OptimizerName, OptimizerSettings, SchedulerName, SchedulerSettings } from '../engine/types';
import { replaceChildren, h } from './dom';
import {
  carryOver,
  OPTIMIZER_GROUPS,
  optimizerFields,
  SCHEDULER_GROUPS,
  seedScheduler,
  type ChoiceGroup,
} from './choices';
import { renderHyperFields, type HyperFields } from './hyperFields';

/** A chooser with the fields of what is chosen. */
export interface Chooser<T> {
  /** The select's field, the description and the fields, in one block. */
  readonly element: HTMLElement;
  /** What is chosen with its values, checked; undefined while a value is invalid. */
  read(): T | undefined;
}

function selectOf<N extends string>(
  testId: string,
  groups: readonly ChoiceGroup<N>[],
  labelOf: (name: N) => string,
  titleOf: (name: N) => string,
  chosen: string,
  none?: string,
): HTMLSelectElement {
  const select = h('select', { 'data-testid': testId, id: `${testId}-id` });
  if (none !== undefined) select.append(h('option', { value: '', selected: chosen === '' }, none));
  for (const group of groups) {
    const optgroup = h('optgroup', { label: group.label });
    for (const name of group.names) {
      optgroup.append(
        h('option', { value: name, title: titleOf(name), selected: name === chosen }, labelOf(name)),
      );
    }
    select.append(optgroup);
  }
  return select;
}

function block(
  label: string,
  select: HTMLSelectElement,
  description: HTMLElement,
  fields: HTMLElement,
): HTMLElement {
  return h(
    'div',
    { class: 'chooser' },
    h('div', { class: 'field' }, h('label', { for: select.id }, label), select),
    description,
    fields,
  );
}

/** The optimizer chooser, starting from the run's settings (lr is the η controls' own). */
export function renderOptimizerChooser(
  settings: Partial<OptimizerSettings>,
): Chooser<{ name: OptimizerName } & Record<string, HyperValue>> {
  let name: OptimizerName = settings.name ?? 'gd';
  const select = selectOf(
    'optimizer-select',
    OPTIMIZER_GROUPS,
    (n) => optimizerDescriptor(n).label,
    (n) => optimizerDescriptor(n).description,
    name,
  );
  select.setAttribute('aria-describedby', 'optimizer-description');
  const description = h('p', {
    class: 'hint description',
    id: 'optimizer-description',
    'data-testid': 'optimizer-description',
  });
  const holder = h('div', { class: 'hyper', 'data-testid': 'hyper-parameters' });
  let fields: HyperFields;
  const show = (values: Readonly<Record<string, HyperValue | undefined>>): void => {
    const descriptor = optimizerDescriptor(name);
    description.textContent = descriptor.description;
    const chosen = name;
    fields = renderHyperFields(optimizerFields(name), values, descriptor.label, (v) => {
      resolveOptimizer({ ...v, name: chosen } as Partial<OptimizerSettings>);
    });
    replaceChildren(holder, fields.element);
  };
  show(settings as Readonly<Record<string, HyperValue | undefined>>);
  // On 'input', which the select hears before the form: the form then reads the new fields.
  select.addEventListener('input', () => {
    // The values shown (valid or not) are what the switch carries over from.
    const before = { ...(fields.read() ?? {}), name } as Partial<OptimizerSettings>;
    name = select.value as OptimizerName;
    show(carryOver(before, name));
  });
  return {
    element: block('Optimizer', select, description, holder),
    read: () => {
      const values = fields.read();
      return values && { ...values, name };
    },
  };
}

/**
 * The schedule chooser: none or one of torch's schedulers with its arguments. A newly chosen one
 * starts from seedScheduler, for the run's length and optimizer at that moment.
 */
export function renderScheduleChooser(
  scheduler: SchedulerSettings | undefined,
  context: () => { maxIterations: number; optimizer: OptimizerName },
): Chooser<SchedulerSettings | null> {
  let name: SchedulerName | undefined = schedulerDescriptor(scheduler?.name ?? '')?.name;
  const select = selectOf(
    'scheduler-select',
    SCHEDULER_GROUPS,
    (n) => n,
    (n) => schedulerDescriptor(n)?.description ?? n,
    name ?? '',
    'None (constant η)',
  );
  select.setAttribute('aria-describedby', 'scheduler-description');
  const description = h('p', {
    class: 'hint description',
    id: 'scheduler-description',
    'data-testid': 'scheduler-description',
  });
  const holder = h('div', { class: 'hyper', 'data-testid': 'scheduler-parameters' });
  let fields: HyperFields | undefined;
  const show = (values: Readonly<Record<string, HyperValue | undefined>>): void => {
    const descriptor = name === undefined ? undefined : schedulerDescriptor(name);
    if (!descriptor) {
      fields = undefined;
      description.textContent = 'η stays as set for the whole run.';
      replaceChildren(holder);
      return;
    }
    description.textContent = descriptor.description;
    const chosen = descriptor.name;
    fields = renderHyperFields(descriptor.params, values, chosen, (v) => {
      resolveScheduler({ ...v, name: chosen } as SchedulerSettings);
    });
    replaceChildren(holder, fields.element);
  };
  show((scheduler ?? {}) as Readonly<Record<string, HyperValue | undefined>>);
  // On 'input', which the select hears before the form: the form then reads the new fields.
  select.addEventListener('input', () => {
    name = select.value === '' ? undefined : (select.value as SchedulerName);
    const { maxIterations, optimizer } = context();
    show(name === undefined ? {} : seedScheduler(name, maxIterations, optimizer));
  });
  return {
    element: block('Learning-rate schedule', select, description, holder),
    read: () => {
      if (name === undefined || !fields) return null;
      const values = fields.read();
      return values && ({ ...values, name } as unknown as SchedulerSettings);
    },
  };
}
