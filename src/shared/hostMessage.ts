// The host -> webview messages, one schema each: the state it pushes, the part values it sends once,
// and its replies to requests. The webview checks them too (schema as guard) before drawing.
import { ALL_OPTIMIZER_NAMES } from '../engine/optimizerTypes';
import { array, id, literal, object, str, union, type Infer } from './schema';
import { LIMITS, panelView } from './protocolLimits';
import { optimizerName } from './controlsWire';
import { partValue, runSummary } from './panelWire';

/** The run list, the selection and the view (on ready, and when the list, selection or view change). */
const state = object({
  type: literal('state'),
  runs: array(runSummary, LIMITS.runs),
  selected: id(),
  view: panelView,
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
