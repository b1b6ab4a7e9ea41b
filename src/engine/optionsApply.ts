// Settings an optimizer does not read (momentum given to plain gd, betas to RMSprop) are refused
// rather than silently dropped. The optimizer registry says which hyper-parameters each one reads;
// the use-case layer (resolveRunOptions) calls this for every request, whatever its source (CLI,
// panel message, settings), and the CLI calls it strictly, on the flags typed.
import { ALL_OPTIMIZER_NAMES, OPTIMIZERS, readsParameter } from './optimizers/registry';
import { torchName } from './ranges';
import { optimizerDefaults } from './settings';
import { FormulaError, type OptimizerName, type OptimizerSettings } from './types';

type Setting = Exclude<keyof OptimizerSettings, 'name' | 'lr'>;

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((v, i) => v === b[i])
    : a === b;
}

/**
 * The first setting of `partial` that its optimizer does not read, or undefined. A setting counts
 * as given when it is present and differs from the optimizer's default (so complete settings, as
 * resolveOptimizer returns them, pass); `strict` counts every present setting (the CLI's flags).
 */
export function inapplicableSetting(
  partial: Partial<OptimizerSettings>,
  strict = false,
): Setting | undefined {
  const name = partial.name ?? 'gd';
  if (!ALL_OPTIMIZER_NAMES.includes(name)) return undefined;
  const defaults = optimizerDefaults(name);
  for (const [key, value] of Object.entries(partial) as [keyof OptimizerSettings, unknown][]) {
    if (key === 'name' || key === 'lr' || value === undefined || readsParameter(name, key)) continue;
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) continue;
    if (strict || !same(value, defaults[key])) return key;
  }
  return undefined;
}

/** The optimizers whose descriptors list `setting`. */
function readersOf(setting: Setting): OptimizerName[] {
  return OPTIMIZERS.filter((d) => d.params.some((p) => p.key === setting)).map((d) => d.name);
}

/** Refuses a setting that `partial`'s optimizer does not read, naming the optimizers that do. */
export function refuseInapplicable(partial: Partial<OptimizerSettings>, strict = false): void {
  const setting = inapplicableSetting(partial, strict);
  if (setting === undefined) return;
  const name = partial.name ?? 'gd';
  const label = setting === 'lineSearch' ? 'line search' : torchName(setting);
  throw new FormulaError(
    `${label} does not apply to ${name}; it is a setting of ${readersOf(setting).join(', ')}. Leave it out or choose one of those.`,
    'bad-option',
  );
}
