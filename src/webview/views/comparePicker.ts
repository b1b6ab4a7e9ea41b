// The comparison's choice of optimizers: a check box per optimizer, in the chooser's groups, folded
// under one line that says how many are compared. The person's own optimizer is always compared (its
// box is ticked and fixed). Built once and updated in place, so focus stays where it was.
import { optimizerDescriptor } from '../../engine/optimizers/registry';
import type { OptimizerName } from '../../engine/types';
import { OPTIMIZER_GROUPS } from '../choices';
import { h } from '../dom';

/** The picker; `onPick` gets the new set of compared optimizers (the person's own aside). */
export class ComparePicker {
  readonly element: HTMLElement;
  private readonly boxes = new Map<OptimizerName, HTMLInputElement>();
  private readonly summary = h('summary', { 'data-testid': 'compare-picker-summary' });
  private own: OptimizerName = 'gd';
  private compared: readonly OptimizerName[] = [];

  constructor(onPick: (names: OptimizerName[]) => void) {
    const groups = OPTIMIZER_GROUPS.map((group) =>
      h(
        'fieldset',
        { class: 'compare-group' },
        h('legend', {}, group.label),
        ...group.names.map((name) => {
          const descriptor = optimizerDescriptor(name);
          const box = h('input', {
            type: 'checkbox',
            'data-testid': `compare-${name}`,
            id: `compare-${name}`,
            onchange: () => {
              // Toggling one box changes only that optimizer: the own one's place in the set stays.
              const next = box.checked ? [...this.compared, name] : this.compared.filter((n) => n !== name);
              this.compared = next;
              this.render();
              onPick(next);
            },
          });
          this.boxes.set(name, box);
          return h(
            'label',
            { class: 'compare-choice', for: box.id, title: descriptor.description },
            box,
            descriptor.label,
          );
        }),
      ),
    );
    this.element = h(
      'details',
      { class: 'compare-picker', 'data-testid': 'compare-picker' },
      this.summary,
      h('div', { class: 'compare-groups', role: 'group', 'aria-label': 'Optimizers to compare' }, ...groups),
    );
  }

  /** Shows the person's own optimizer and the compared ones. */
  update(own: OptimizerName, compared: readonly OptimizerName[]): void {
    this.own = own;
    this.compared = compared;
    this.render();
  }

  private render(): void {
    for (const [name, box] of this.boxes) {
      const mine = name === this.own;
      box.checked = mine || this.compared.includes(name);
      box.disabled = mine;
      box.title = mine ? 'Your optimizer: always compared' : '';
    }
    const count = [...this.boxes.keys()].filter((n) => n === this.own || this.compared.includes(n)).length;
    this.summary.textContent = `Optimizers compared: ${count} of ${this.boxes.size} (choose)`;
  }
}
