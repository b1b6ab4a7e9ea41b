// A run's input as the webview's controls set it (start, optimizer, schedule, stop tests, parameters,
// batches) and as it saves it: the schemas the host reads every edit with. Malformed hyper-parameters
// are dropped, not refused: the engine checks names and ranges and says what is wrong.
import { ALL_OPTIMIZER_NAMES } from '../engine/optimizerTypes';
import type { OptimizerName } from '../engine/types';
import {
  array,
  bool,
  clamp,
  id,
  int,
  isRecord,
  maybe,
  num,
  object,
  oneOf,
  optional,
  str,
  ok,
  fail,
  withDefault,
  type Infer,
  type Schema,
} from './schema';
import { LIMITS } from './protocolLimits';

const coordinate = num(-LIMITS.coordinate, LIMITS.coordinate);
const point = array(coordinate, LIMITS.variables);
/** One hyper-parameter's value as a control sets it: a finite number, a flag, None, a pair, or a short name. */
const settingValue: Schema<OptimizerValue> = {
  parse: (v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail('not a finite number');
    if (typeof v === 'boolean' || v === null) return ok(v);
    if (typeof v === 'string') return v.length <= 40 ? ok(v) : fail('too long');
    // Exactly two: a longer list is not a pair cut short (betas=(0.9, 0.99, 0.5) is dropped, not read as two).
    const pair = Array.isArray(v) && v.length === 2 ? array(num(), 2).parse(v) : fail('not a pair');
    return pair.ok ? ok([pair.value[0]!, pair.value[1]!] as const) : fail('not a setting');
  },
};

/** What a hyper-parameter can be. */
export type OptimizerValue = number | boolean | null | string | readonly [number, number];

/**
 * An optimizer's settings as the controls set them, under torch.optim's names in the engine's spelling:
 * plain values only (malformed ones dropped); the engine checks names and ranges and says what is wrong.
 */
export const optimizerControls: Schema<Readonly<Record<string, OptimizerValue>>> = {
  parse: (v) => {
    if (!isRecord(v)) return fail('not an object');
    const out: Record<string, OptimizerValue> = {};
    for (const [key, raw] of Object.entries(v).slice(0, 40)) {
      if (!/^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(key)) continue;
      const parsed = settingValue.parse(raw);
      if (parsed.ok) out[key] = parsed.value;
    }
    if (typeof out.lr === 'number') out.lr = clamp(out.lr, LIMITS.learningRate.min, LIMITS.learningRate.max);
    return ok(out);
  },
};

/** What a scheduler's argument can be: a finite number, a flag, None, a short name, or a list of numbers (milestones). */
export type SchedulerValue = number | boolean | null | string | readonly number[];

const schedulerValue: Schema<SchedulerValue> = {
  parse: (v) => {
    if (Array.isArray(v)) {
      const list = array(num(), 64).parse(v);
      return list.ok && list.value.length === v.length ? list : fail('not a list of numbers');
    }
    const plain = settingValue.parse(v);
    return plain.ok && !Array.isArray(plain.value)
      ? ok(plain.value as SchedulerValue)
      : fail('not a setting');
  },
};

/**
 * A learning-rate schedule as the controls set it: torch's class name and its arguments in the
 * engine's spelling, plain values only (malformed ones dropped). The engine checks the class, the
 * names and the ranges (resolveScheduler) and says what is wrong.
 */
export const schedulerControls: Schema<{ readonly name: string } & Readonly<Record<string, SchedulerValue>>> =
  {
    parse: (v) => {
      if (!isRecord(v)) return fail('not an object');
      if (typeof v.name !== 'string' || !/^[A-Za-z]{1,40}$/.test(v.name)) return fail('no scheduler name');
      const out: Record<string, SchedulerValue> = { name: v.name };
      for (const [key, raw] of Object.entries(v).slice(0, 40)) {
        // The name passes as the string it was checked to be above.
        if (!/^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(key)) continue;
        const parsed = schedulerValue.parse(raw);
        if (parsed.ok) out[key] = parsed.value;
      }
      return ok(out as { readonly name: string } & Readonly<Record<string, SchedulerValue>>);
    },
  };

/** One of the optimizers the engine runs, by its engine name. */
export const optimizerName: Schema<OptimizerName> = oneOf(ALL_OPTIMIZER_NAMES);

/** A parameter's name as the engine spells it and a message may carry it. */
export const PARAMETER_NAME = new RegExp(`^[A-Za-z][A-Za-z0-9_]{0,${LIMITS.parameterName - 1}}$`);

/**
 * The values a run holds a definition's parameters at (`a` in `f(x) = a x^2`), by name: names as the
 * engine spells them (Latin letters, digits, `_`), each a finite number in the coordinate range.
 * Anything else refuses the message: a slider never sends NaN, so such a value is not the person's.
 */
export const parameterValues: Schema<Readonly<Record<string, number>>> = {
  parse: (v) => {
    if (!isRecord(v)) return fail('parameters: not an object');
    const entries = Object.entries(v);
    if (entries.length > LIMITS.parameters) return fail('parameters: too many');
    const out: Record<string, number> = {};
    for (const [key, raw] of entries) {
      if (!PARAMETER_NAME.test(key)) {
        return fail('parameters: not a name');
      }
      const value = coordinate.parse(raw);
      if (!value.ok) return fail(`parameters: ${key} is not a finite number in range`);
      out[key] = value.value;
    }
    return ok(out);
  },
};

/**
 * How a run on data takes its rows: rows per step (1 is SGD; the row count or more, full batch), a
 * seeded shuffle or file order, and epochs (when given, they set the length instead of max iterations).
 * Whole numbers, clamped into range: the engine's time budget caps what they cost.
 */
export const batchControls = object({
  batchSize: int(1, LIMITS.batchSize),
  shuffle: withDefault(bool(), false),
  seed: withDefault(int(0, LIMITS.seed), 0),
  epochs: maybe(int(1, LIMITS.epochs)),
});
export type BatchControls = Infer<typeof batchControls>;

/** A run's controls: start, optimizer, schedule, stop tests, direction, parameters, batches on data. The host adds its own limits and trace length. */
export const runControls = object({
  start: point,
  optimizer: withDefault(optimizerControls, {}),
  scheduler: maybe(schedulerControls),
  stop: withDefault(
    object({
      maxIterations: maybe(int(1, LIMITS.maxIterations)),
      gradientTolerance: maybe(num(0, 1)),
    }),
    {},
  ),
  maximize: withDefault(bool(), false),
  parameters: optional(parameterValues),
  /** Only for a loss over data (the panel's default batches when missing). */
  batch: maybe(batchControls),
});
export type RunControls = Infer<typeof runControls>;

/** A run's extra starting points (the basins view). */
export const starts = array(point, LIMITS.starts);

/** One run's input as the webview saves it. */
export const savedRun = object({
  id: id(),
  formula: str(LIMITS.formulaLength),
  controls: runControls,
  starts: withDefault(starts, []),
  label: optional(str(LIMITS.labelLength)),
});
export type SavedRun = Infer<typeof savedRun>;
