// Torch's constructor syntax as the engine's interface: `AdamW(lr=0.1, weight_decay=0.05, amsgrad=True)`
// becomes optimizer settings, `CosineAnnealingLR(T_max=100)` scheduler settings. Class names are
// case-insensitive; arguments are checked against the descriptors and refused, in one line that
// lists the valid ones, when unknown. vscode-free, so the panel can read the same text.
import type { HyperParameter, HyperValue } from '../hyper';
import { OPTIMIZERS, type OptimizerDescriptor } from '../optimizers/registry';
import { SCHEDULERS, checkParam, type SchedulerDescriptor } from '../schedulers/registry';
import { TORCH_LEARNING_RATES } from '../settings';
import { FormulaError, type OptimizerSettings, type SchedulerSettings } from '../types';
import { readCall, type PyArgument, type PyCall, type PyValue } from './pyCall';

export { MAX_SPEC_LENGTH } from './pyCall';

/** Arguments torch takes that change nothing here (implementation choices); accepted and ignored. */
const IGNORED: readonly string[] = ['foreach', 'capturable', 'differentiable', 'fused', 'verbose'];

function bad(message: string): never {
  throw new FormulaError(message, 'bad-option');
}

/** What an optimizer call asks for: settings, and torch's `maximize` when given. */
export interface OptimizerSpec {
  readonly optimizer: Partial<OptimizerSettings> & Pick<OptimizerSettings, 'name' | 'lr'>;
  readonly maximize?: boolean;
}

/** The class a name denotes: `torch.optim.AdamW`, `optim.adamw` and `AdamW` alike. */
function classOf<D>(
  call: PyCall,
  prefixes: readonly string[],
  all: readonly D[],
  names: (d: D) => readonly string[],
  what: string,
): D {
  const parts = call.name.split('.');
  const last = parts.pop()!;
  const prefix = parts.join('.');
  const found = all.find((d) => names(d).some((n) => n.toLowerCase() === last.toLowerCase()));
  if (found === undefined || (prefix !== '' && !prefixes.includes(prefix))) {
    bad(`Unknown ${what} "${call.name}"; use one of ${all.map((d) => names(d)[0]).join(', ')}`);
  }
  return found;
}

/** `params`, `model.parameters()`, `[x]`, `optimizer`: the first argument a torch script passes, which names no hyper-parameter. */
function isTarget(value: PyValue): boolean {
  if (value.type === 'ref') return true;
  if (value.type === 'call') return value.args.length === 0 && /^[a-z_]/.test(value.name.split('.').pop()!);
  return (
    value.type === 'sequence' && value.items.length > 0 && value.items.every((item) => item.type === 'ref')
  );
}

/** Matches a call's arguments to parameters: positional ones in order, then keywords; returns the leftovers' names. */
function bind(
  call: PyCall,
  owner: string,
  params: readonly HyperParameter[],
  positional: number,
  extra: readonly string[],
): Map<string, PyValue> {
  const args: PyArgument[] = [...call.args];
  if (args[0] !== undefined && args[0].keyword === undefined && isTarget(args[0].value)) args.shift();
  const bound = new Map<string, PyValue>();
  const valid = [...params.map((p) => p.torch), ...extra];
  args.forEach((arg, i) => {
    if (arg.keyword === undefined) {
      if (args.slice(0, i).some((a) => a.keyword !== undefined)) {
        bad(`${owner}: a positional argument follows a keyword one`);
      }
      if (i >= positional) {
        bad(
          `${owner} takes at most ${positional} positional argument(s); name the others (${valid.join(', ')})`,
        );
      }
      bound.set(params[i]!.torch, arg.value);
      return;
    }
    if (IGNORED.includes(arg.keyword)) return;
    if (!valid.includes(arg.keyword)) {
      bad(`${owner} has no argument "${arg.keyword}"; use ${valid.join(', ')}`);
    }
    if (bound.has(arg.keyword)) bad(`${owner}: ${arg.keyword} is given twice`);
    bound.set(arg.keyword, arg.value);
  });
  return bound;
}

/** A literal as the value of a parameter of the given kind (the ranges are checked by the settings). */
function valueOf(param: HyperParameter, value: PyValue, owner: string): HyperValue {
  const name = `${owner}'s ${param.torch}`;
  switch (value.type) {
    case 'none':
      return null;
    case 'bool':
      return value.value;
    case 'string':
      return value.value;
    case 'number':
      return value.value;
    case 'sequence':
      if (param.kind === 'schedulers') return value.items.map((item) => schedulerOf(asCall(item, name)));
      return value.items.map((item) => {
        if (item.type !== 'number') bad(`${name} must hold numbers`);
        return item.value;
      });
    default:
      return bad(`${name} must be a literal (a number, True/False, None, a string, a tuple or a list)`);
  }
}

function asCall(value: PyValue, name: string): PyCall {
  if (value.type !== 'call' && value.type !== 'ref') bad(`${name} must hold scheduler calls`);
  return value.type === 'call' ? value : { type: 'call', name: value.name, parenthesized: false, args: [] };
}

/** The learning rate of a call that gives none: torch's default in call form, the engine's for a bare name. */
function defaultLr(descriptor: OptimizerDescriptor, call: PyCall, lr: number | undefined): number {
  if (lr !== undefined) return lr;
  if (!call.parenthesized || descriptor.torch === undefined) return descriptor.params[0]!.default as number;
  const torchLr = TORCH_LEARNING_RATES[descriptor.name];
  if (torchLr === undefined) {
    bad(`${descriptor.torch} needs lr (torch has no default): ${descriptor.torch}(lr=0.1) or --lr 0.1`);
  }
  return torchLr;
}

/**
 * Reads an optimizer call. `lr` (e.g. from --lr) fills in a missing lr; given in both places it is
 * refused. Without lr, a call takes torch's default (Adam() is lr=0.001) and a bare name the engine's.
 */
export function parseOptimizerSpec(text: string, lr?: number): OptimizerSpec {
  const call = readCall(text);
  const descriptor = classOf(
    call,
    ['torch.optim', 'optim'],
    OPTIMIZERS,
    (d) => (d.torch ? [d.torch, d.name] : [d.name]),
    'optimizer',
  );
  const owner = descriptor.torch ?? descriptor.name;
  const extra = descriptor.maximizeOption ? ['maximize'] : [];
  const bound = bind(call, owner, descriptor.params, descriptor.positional, extra);
  const out: Record<string, HyperValue> = { name: descriptor.name };
  for (const param of descriptor.params) {
    const value = bound.get(param.torch);
    if (value !== undefined) out[param.key] = valueOf(param, value, owner);
  }
  if (out.lr !== undefined && lr !== undefined) bad(`lr is given twice: in ${owner}(...) and as --lr`);
  out.lr = typeof out.lr === 'number' ? out.lr : defaultLr(descriptor, call, lr);
  const maximize = bound.get('maximize');
  if (maximize !== undefined && maximize.type !== 'bool') bad(`${owner}'s maximize must be True or False`);
  return {
    optimizer: out as unknown as OptimizerSpec['optimizer'],
    ...(maximize?.type === 'bool' ? { maximize: maximize.value } : {}),
  };
}

function schedulerOf(call: PyCall): SchedulerSettings {
  const descriptor: SchedulerDescriptor = classOf(
    call,
    ['torch.optim.lr_scheduler', 'optim.lr_scheduler', 'lr_scheduler'],
    SCHEDULERS,
    (d) => [d.name],
    'scheduler',
  );
  const owner = descriptor.name;
  const bound = bind(call, owner, descriptor.params, descriptor.params.length, []);
  const out: Record<string, HyperValue> = { name: descriptor.name };
  for (const param of descriptor.params) {
    const value = bound.get(param.torch);
    if (value === undefined) {
      if (param.required) bad(`${owner} needs ${param.torch}`);
      continue;
    }
    out[param.key] = valueOf(param, value, owner);
    checkParam(param, out[param.key], owner);
  }
  return out as unknown as SchedulerSettings;
}

/** Reads a scheduler call such as `CosineAnnealingLR(T_max=100, eta_min=0.001)`; torch's required arguments are required. */
export function parseSchedulerSpec(text: string): SchedulerSettings {
  return schedulerOf(readCall(text));
}
