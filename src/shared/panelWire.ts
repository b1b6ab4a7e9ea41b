// What the host's reports and the webview's saved state carry: job values by the ids the host gave
// them, the parts a view draws, a run's summary, and the state the webview saves for a reload.
import { ALL_OPTIMIZER_NAMES } from '../engine/optimizerTypes';
import {
  array,
  id,
  int,
  literal,
  maybe,
  object,
  oneOf,
  optional,
  str,
  union,
  withDefault,
  type Infer,
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
import { LIMITS, panelView } from './protocolLimits';
import { optimizerName, runControls, savedRun, starts } from './controlsWire';

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
  view: withDefault(panelView, 'runs'),
  /** The optimizers the comparison runs besides the person's own (the host's default when missing). */
  compare: maybe(array(optimizerName, ALL_OPTIMIZER_NAMES.length)),
  /** The selected run's summary and part values as last drawn. */
  scene: maybe(object({ run: runSummary, parts: array(object({ id: id(), part: partValue }), 32) })),
});
export type PersistedState = Infer<typeof persistedState>;
