// The fields of a run on data: rows per step (1 is SGD, all rows full-batch descent), a seeded
// shuffle or file order, and epochs. Shown only for a loss bound to its data; every change re-runs
// through the same edit as the other controls.
import { boundRows } from '../engine/data/bound';
import { PANEL_BATCH } from '../usecases/defaults';
import type { BatchControls } from '../shared/protocol';
import { h } from './dom';
import { batchSizeProblem, epochsProblem, seedProblem } from './fieldCheck';

export interface BatchFields {
  readonly element: HTMLElement;
  /** The inputs, for the controls' change listener and field marks. */
  readonly inputs: readonly HTMLInputElement[];
  /** The fields' values and each field's problem; `value` is undefined while one is invalid. */
  read(): { value: BatchControls | undefined; problems: [HTMLInputElement, string | undefined][] };
}

let uid = 0;

function field(label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  input.id = `batch-${++uid}`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: input.id }, label),
    input,
    hint ? h('span', { class: 'hint' }, hint) : null,
  );
}

/** The batch fields for `formula` at `shown` (PANEL_BATCH when unset); undefined for a formula without data. */
export function batchFields(formula: string, shown: BatchControls | undefined): BatchFields | undefined {
  const rows = boundRows(formula);
  if (rows === 0) return undefined;
  const now = shown ?? PANEL_BATCH;
  const size = h('input', {
    type: 'number',
    'data-testid': 'batch-size-input',
    value: String(Math.min(now.batchSize, rows)),
    min: 1,
    max: rows,
    step: 1,
  });
  const shuffle = h('input', { type: 'checkbox', 'data-testid': 'shuffle-input', checked: now.shuffle });
  const seed = h('input', {
    type: 'number',
    'data-testid': 'seed-input',
    value: String(now.seed),
    min: 0,
    step: 1,
    disabled: !now.shuffle,
  });
  const epochs = h('input', {
    type: 'number',
    'data-testid': 'epochs-input',
    value: now.epochs === undefined ? '' : String(now.epochs),
    min: 1,
    step: 1,
    placeholder: 'from max iterations',
  });
  shuffle.addEventListener('input', () => (seed.disabled = !shuffle.checked));
  const element = h(
    'div',
    { class: 'hyper batches', 'data-testid': 'batch-controls', role: 'group', 'aria-label': 'Batches' },
    field('Batch size', size, `rows per step: 1 = SGD, ${rows} = all rows`),
    field('Shuffle', shuffle),
    field('Seed', seed),
    field('Epochs', epochs, 'empty: max iterations set the length'),
  );
  const read = (): ReturnType<BatchFields['read']> => {
    const problems: [HTMLInputElement, string | undefined][] = [
      [size, batchSizeProblem(size.valueAsNumber)],
      [seed, shuffle.checked ? seedProblem(seed.valueAsNumber) : undefined],
      [epochs, epochsProblem(epochs.value, epochs.valueAsNumber)],
    ];
    if (problems.some(([, p]) => p !== undefined)) return { value: undefined, problems };
    const value: BatchControls = {
      batchSize: size.valueAsNumber,
      shuffle: shuffle.checked,
      seed: shuffle.checked ? seed.valueAsNumber : now.seed,
      ...(epochs.value.trim() === '' ? {} : { epochs: epochs.valueAsNumber }),
    };
    return { value, problems };
  };
  return { element, inputs: [size, shuffle, seed, epochs], read };
}
