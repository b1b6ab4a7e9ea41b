// The messages between the extension host and the panel's webview, one schema each: the type is
// inferred from the schema, and the schema is the guard (the webview renders user text, so whatever
// it sends is untrusted input; the webview checks the host's messages too). The host owns the panel's
// state (runs, selection, view); the webview sends intents and requests, and draws what it is sent.
import { HARD_LIMITS } from '../engine/limits';
import { ALL_OPTIMIZER_NAMES } from '../engine/optimizers/registry';
import type { OptimizerName } from '../engine/types';
import {
  array,
  bool,
  clamp,
  id,
  int,
  isRecord,
  literal,
  maybe,
  num,
  object,
  oneOf,
  optional,
  refine,
  str,
  union,
  ok,
  fail,
  withDefault,
  type Infer,
  type Schema,
} from './schema';
import {
  basinsWire,
  curvatureWire,
  formulaWire,
  landscapeWire,
  partialWire,
  runWire,
  stepsWire,
  sweepWire,
} from './wire';
import { explainWire, phaseWire } from './explainWire';
import { dataWire } from './dataWire';

/** Limits the guards enforce on what the webview sends. */
export const LIMITS = {
  formulaLength: HARD_LIMITS.maxFormulaLength,
  variables: 1_000,
  starts: 64,
  runs: 32,
  // As high as the settings may raise the engine's limits; the engine's current limits cap each run.
  maxIterations: HARD_LIMITS.maxIterations,
  coordinate: 1e12,
  learningRate: { min: 1e-12, max: 1e6 },
  plotDataLength: 20_000_000,
  nameLength: 120,
  noticeLength: 500,
  errorLength: 2_000,
  labelLength: 300,
  parameters: 64,
  parameterName: 40,
  // A batch larger than the rows is full-batch descent, so the data's row limit bounds it.
  batchSize: 100_000,
  epochs: 100_000,
  seed: 2 ** 31 - 1,
} as const;

/** What the panel shows: the run list, the learning-rate effects, or an optimizer comparison. */
export const PANEL_VIEWS = ['runs', 'learning-rate', 'compare'] as const;
export type PanelView = (typeof PANEL_VIEWS)[number];
const view = oneOf(PANEL_VIEWS);

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

const starts = array(point, LIMITS.starts);

/** One run's input as the webview saves it. */
export const savedRun = object({
  id: id(),
  formula: str(LIMITS.formulaLength),
  controls: runControls,
  starts: withDefault(starts, []),
  label: optional(str(LIMITS.labelLength)),
});
export type SavedRun = Infer<typeof savedRun>;

/** A job value with the id the host gave it: what a part id refers to. */
export const partValue = union('kind', {
  formula: object({ kind: literal('formula'), value: formulaWire }),
  gradientText: object({ kind: literal('gradientText'), value: array(partialWire, LIMITS.variables) }),
  run: object({ kind: literal('run'), value: runWire }),
  landscape: object({ kind: literal('landscape'), value: landscapeWire }),
  curvature: object({ kind: literal('curvature'), value: curvatureWire }),
  sweep: object({ kind: literal('sweep'), value: sweepWire }),
  basins: object({ kind: literal('basins'), value: basinsWire }),
  steps: object({ kind: literal('steps'), value: stepsWire }),
  explain: object({ kind: literal('explain'), value: explainWire }),
  phase: object({ kind: literal('phase'), value: phaseWire }),
  /** A run on data: the rows, the fit at each iterate, batch and epoch losses. */
  data: object({ kind: literal('data'), value: dataWire }),
});
export type PartValue = Infer<typeof partValue>;
export type PartKind = PartValue['kind'];

/** The parts a view draws for the selected run, by the ids of their values. */
export const sceneParts = object({
  formula: optional(id()),
  gradientText: optional(id()),
  run: optional(id()),
  landscape: optional(id()),
  steps: optional(id()),
  curvature: optional(id()),
  sweep: optional(id()),
  regimes: optional(array(id(), 3)),
  compare: optional(array(id(), ALL_OPTIMIZER_NAMES.length)),
  basins: optional(id()),
  /** The learning-rate view's curvature at the start and (η, β) map. */
  explain: optional(id()),
  /** The learning-rate view's curvature at the iterate its player is on (absent at the start). */
  explainHere: optional(id()),
  phase: optional(id()),
  data: optional(id()),
});
export type SceneParts = Infer<typeof sceneParts>;

const error = object({
  message: str(LIMITS.errorLength),
  column: optional(int(1, LIMITS.formulaLength + 1)),
});
export type RunError = Infer<typeof error>;

/** One run of the list as the host reports it. */
export const runSummary = object({
  id: id(),
  formula: str(LIMITS.formulaLength),
  controls: runControls,
  starts: withDefault(starts, []),
  label: optional(str(LIMITS.labelLength)),
  /** pending: its run is being computed; ok: it has a result; error: it cannot run. */
  status: oneOf(['pending', 'ok', 'error'] as const),
  outcome: optional(oneOf(['converged', 'stopped', 'diverged'] as const)),
  error: optional(error),
  /** For the selected run: the parts its view draws, those still computed, and those that failed. */
  parts: optional(sceneParts),
  waiting: optional(array(str(20), 16)),
  failures: optional(array(object({ part: str(20), message: str(LIMITS.errorLength) }), 16)),
});
export type RunSummary = Infer<typeof runSummary>;

/** What the webview saves with setState, for the serializer and for painting at once after a reload. */
export const persistedState = object({
  runs: array(savedRun, LIMITS.runs),
  selected: withDefault(id(), 0),
  view: withDefault(view, 'runs'),
  /** The optimizers the comparison runs besides the person's own (the host's default when missing). */
  compare: maybe(array(optimizerName, ALL_OPTIMIZER_NAMES.length)),
  /** The selected run's summary and part values as last drawn. */
  scene: maybe(object({ run: runSummary, parts: array(object({ id: id(), part: partValue }), 32) })),
});
export type PersistedState = Infer<typeof persistedState>;

// ---- webview -> host ----

/** The webview has loaded and wants the state; it sends what it saved, for a host that has none. */
const ready = object({ type: literal('ready'), saved: maybe(persistedState) });
/** A control changed: the run's new input (a request, answered with `settled` once its run is computed). */
const setInput = object({
  type: literal('setInput'),
  runId: id(),
  formula: str(LIMITS.formulaLength),
  controls: runControls,
  starts: withDefault(starts, []),
});
/** The person picked another run in the run list. */
const select = object({ type: literal('select'), runId: id() });
/** The person removed a run from the run list. */
const remove = object({ type: literal('remove'), runId: id() });
/** The person switched the view. */
const setView = object({ type: literal('setView'), view });
/** The webview lacks these part values (it dropped them, or they were sent to an earlier page): send them again. */
const need = object({ type: literal('need'), ids: array(id(), 64) });
/** Copy a run's iterations to the clipboard (a request, answered with `done`). */
const copyIterations = object({
  type: literal('copyIterations'),
  runId: id(),
  format: oneOf(['markdown', 'csv'] as const),
});
/** Copy a run as a standalone PyTorch or NumPy script (a request, answered with `done`). */
const copyCode = object({
  type: literal('copyCode'),
  runId: id(),
  language: oneOf(['pytorch', 'numpy'] as const),
});
/** Bind a CSV/TSV file from the workspace to a run's loss: the host asks which (a request, answered with `done`). */
const pickData = object({ type: literal('pickData'), runId: id() });
/** The person picked the optimizers the comparison runs beside their own (unknown names refuse the message). */
const setCompare = object({
  type: literal('setCompare'),
  optimizers: array(optimizerName, ALL_OPTIMIZER_NAMES.length),
});
/** The learning-rate view's player is on this iterate of the run (0: the start): explain the curvature there. */
const explainAt = object({
  type: literal('explainAt'),
  runId: id(),
  iteration: int(0, LIMITS.maxIterations),
});
/** Save a plot: SVG text, or a PNG as a base64 data URL (a request, answered with `done`). */
const savePlot = refine(
  object({
    type: literal('savePlot'),
    format: oneOf(['svg', 'png'] as const),
    data: str(LIMITS.plotDataLength + 1),
    name: withDefault(str(LIMITS.nameLength), 'plot'),
  }),
  (m) => {
    if (m.data.length > LIMITS.plotDataLength) return fail('plot data too long');
    const valid =
      m.format === 'svg'
        ? /^\s*<svg[\s>]/.test(m.data)
        : /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(m.data);
    if (!valid) return fail(`not ${m.format} data`);
    return ok({ ...m, name: m.name.replace(/[^\w.-]+/g, '-') || 'plot' });
  },
);

/** Everything the webview sends. */
export const webviewMessage = union('type', {
  ready,
  setInput,
  select,
  remove,
  setView,
  need,
  copyIterations,
  copyCode,
  setCompare,
  explainAt,
  savePlot,
  pickData,
});
export type WebviewMessage = Infer<typeof webviewMessage>;

// ---- host -> webview ----

/** The run list, the selection and the view (on ready, and when the list, selection or view change). */
const state = object({
  type: literal('state'),
  runs: array(runSummary, LIMITS.runs),
  selected: id(),
  view,
  /** The optimizers the comparison runs besides the person's own, in display order. */
  compare: array(optimizerName, ALL_OPTIMIZER_NAMES.length),
});
/** One run's summary changed (its status, outcome or parts). */
const run = object({ type: literal('run'), run: runSummary });
/** A job value, sent once: summaries refer to it by id. */
const part = object({ type: literal('part'), id: id(), part: partValue });
/** A short line for the person, e.g. "Copied 12 iterations as CSV". */
const notice = object({ type: literal('notice'), text: str(LIMITS.noticeLength) });
/** The answer to setInput: the run is computed (or was superseded or failed). */
const settled = object({ type: literal('settled') });
/** The answer to a copy or save request, with what to tell the person. */
const done = object({ type: literal('done'), notice: str(LIMITS.noticeLength) });

/** Everything the host sends. */
export const hostMessage = union('type', { state, run, part, notice, settled, done });
export type HostMessage = Infer<typeof hostMessage>;
