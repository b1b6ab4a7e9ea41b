// Which options each command takes, and whether each takes a value or is a flag.
import type { Command } from './cliArgs';

type Kind = 'flag' | 'value';
interface OptionSpec {
  readonly kind: Kind;
  readonly commands: readonly Command[];
}

/** The options of a run, which `code` writes out, and of a sweep. */
const RUNS = ['run', 'sweep', 'code'] as const;
export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  start: { kind: 'value', commands: [...RUNS, 'explain', 'phase'] },
  lr: { kind: 'value', commands: ['run', 'code', 'explain'] },
  optimizer: { kind: 'value', commands: [...RUNS, 'phase'] },
  scheduler: { kind: 'value', commands: RUNS },
  momentum: { kind: 'value', commands: RUNS },
  alpha: { kind: 'value', commands: RUNS },
  betas: { kind: 'value', commands: RUNS },
  eps: { kind: 'value', commands: RUNS },
  'line-search': { kind: 'flag', commands: RUNS },
  'max-iter': { kind: 'value', commands: [...RUNS, 'phase'] },
  tol: { kind: 'value', commands: [...RUNS, 'phase'] },
  maximize: { kind: 'flag', commands: [...RUNS, 'explain', 'phase'] },
  trace: { kind: 'value', commands: ['run'] },
  json: { kind: 'flag', commands: ['run', 'sweep', 'explain', 'phase'] },
  'lr-min': { kind: 'value', commands: ['sweep', 'phase'] },
  'lr-max': { kind: 'value', commands: ['sweep', 'phase'] },
  count: { kind: 'value', commands: ['sweep', 'phase'] },
  'beta-min': { kind: 'value', commands: ['phase'] },
  'beta-max': { kind: 'value', commands: ['phase'] },
  lang: { kind: 'value', commands: ['code'] },
  param: { kind: 'value', commands: [...RUNS, 'explain', 'phase'] },
  data: { kind: 'value', commands: ['run'] },
  'batch-size': { kind: 'value', commands: ['run'] },
  shuffle: { kind: 'flag', commands: ['run'] },
  seed: { kind: 'value', commands: ['run'] },
  epochs: { kind: 'value', commands: ['run'] },
};
