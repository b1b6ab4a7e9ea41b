// Which optimizer settings each optimizer uses (torch.optim's constructor arguments besides lr),
// so that a setting given to an optimizer that ignores it (momentum to plain gd, betas to RMSprop)
// is refused rather than silently dropped. resolveOptimizer calls it for every request, whatever
// its source (CLI, panel message, settings); the CLI calls it strictly, on the flags typed.
import { DEFAULT_OPTIMIZER, defaultEps, defaultMomentum } from './settings';
import { FormulaError, OPTIMIZER_NAMES, type OptimizerName, type OptimizerSettings } from './types';

type Setting = Exclude<keyof OptimizerSettings, 'name' | 'lr'>;

/** The settings each optimizer reads. */
export const OPTIMIZER_USES: Readonly<Record<OptimizerName, readonly Setting[]>> = {
  gd: ['lineSearch'],
  momentum: ['momentum', 'dampening'],
  nesterov: ['momentum', 'dampening'],
  adagrad: ['lrDecay', 'initialAccumulatorValue', 'eps'],
  rmsprop: ['alpha', 'eps', 'momentum', 'centered'],
  adam: ['betas', 'eps', 'amsgrad'],
};

/** torch's names of the settings, as messages and the CLI use them. */
const TORCH_NAMES: Readonly<Record<Setting, string>> = {
  momentum: 'momentum',
  dampening: 'dampening',
  lrDecay: 'lr_decay',
  initialAccumulatorValue: 'initial_accumulator_value',
  alpha: 'alpha',
  centered: 'centered',
  betas: 'betas',
  eps: 'eps',
  amsgrad: 'amsgrad',
  lineSearch: 'line search',
};

function defaultOf(setting: Setting, name: OptimizerName): unknown {
  if (setting === 'momentum') return defaultMomentum(name);
  if (setting === 'eps') return defaultEps(name);
  return DEFAULT_OPTIMIZER[setting];
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((v, i) => v === b[i])
    : a === b;
}

/**
 * The first setting of `partial` that its optimizer does not use, or undefined. A setting counts
 * as given when it is present and differs from its default (so complete settings, as
 * resolveOptimizer returns them, pass); `strict` counts every present setting (the CLI's flags).
 */
export function inapplicableSetting(
  partial: Partial<OptimizerSettings>,
  strict = false,
): Setting | undefined {
  const name = partial.name ?? 'gd';
  if (!OPTIMIZER_NAMES.includes(name)) return undefined;
  const uses = OPTIMIZER_USES[name];
  for (const setting of Object.keys(TORCH_NAMES) as Setting[]) {
    const value = partial[setting];
    if (value === undefined || uses.includes(setting)) continue;
    if (strict || !same(value, defaultOf(setting, name))) return setting;
  }
  return undefined;
}

/** Refuses a setting that `partial`'s optimizer does not use, naming the optimizers that do. */
export function refuseInapplicable(partial: Partial<OptimizerSettings>, strict = false): void {
  const setting = inapplicableSetting(partial, strict);
  if (setting === undefined) return;
  const name = partial.name ?? 'gd';
  const users = OPTIMIZER_NAMES.filter((o) => OPTIMIZER_USES[o].includes(setting));
  throw new FormulaError(
    `${TORCH_NAMES[setting]} does not apply to ${name}; it is a setting of ${users.join(', ')}. Leave it out or choose one of those.`,
    'bad-option',
  );
}
