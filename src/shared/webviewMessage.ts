// The webview -> host messages, one schema each: the intents and requests the person's actions make.
// The webview renders user text, so whatever it sends is untrusted input: each schema is its guard.
import { ALL_OPTIMIZER_NAMES } from '../engine/optimizerTypes';
import {
  array,
  id,
  int,
  literal,
  maybe,
  object,
  oneOf,
  refine,
  str,
  union,
  ok,
  fail,
  withDefault,
  type Infer,
} from './schema';
import { LIMITS, panelView } from './protocolLimits';
import { optimizerName, runControls, starts } from './controlsWire';
import { persistedState } from './panelWire';

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
const setView = object({ type: literal('setView'), view: panelView });
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
