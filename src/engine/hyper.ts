// The descriptor of one hyper-parameter, shared by the optimizer and scheduler registries: what a
// control shows (kind, default, range, choices) and what the torch-syntax parser accepts.
import type { Range } from './ranges';
import type { SchedulerSettings } from './types';

/**
 * How a value is written and checked: a number, an integer, True/False, a pair of numbers (betas),
 * one of a few strings or None (line_search_fn), a list of integers (milestones), or a list of
 * scheduler calls (SequentialLR's schedulers).
 */
export type HyperKind = 'number' | 'integer' | 'boolean' | 'pair' | 'choice' | 'integers' | 'schedulers';

/** A hyper-parameter's value. */
export type HyperValue = number | boolean | string | null | readonly number[] | readonly SchedulerSettings[];

export interface HyperParameter<K extends string = string> {
  /** The engine's key (camelCase) in OptimizerSettings or SchedulerSettings. */
  readonly key: K;
  /** torch's argument name. */
  readonly torch: string;
  readonly kind: HyperKind;
  /** The default (torch's; where torch has none, the value a control starts from). */
  readonly default: HyperValue;
  /** Valid numbers (for a pair or list: each entry). */
  readonly range?: Range;
  /** torch accepts None. */
  readonly nullable?: boolean;
  /** The strings a 'choice' takes. */
  readonly choices?: readonly string[];
  /** Spans decades: a control should use a log scale. */
  readonly log?: boolean;
  /** torch requires it in a constructor call (the default then only seeds a control). */
  readonly required?: boolean;
  /** One line for people. */
  readonly description: string;
}
