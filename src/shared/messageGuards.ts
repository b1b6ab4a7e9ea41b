// Runtime guards for the panel protocol. Messages from the webview are untrusted (the webview
// renders user text), so every field is checked, numbers are clamped, strings and arrays capped,
// and anything unknown is rejected and reported through `log`, never thrown.
import { OPTIMIZER_NAMES, type OptimizerSettings, type RunOptions, type StopSettings } from '../engine/types';
import { parseAnalysis } from './analysisGuard';
import {
  LIMITS,
  PANEL_VIEWS,
  type HostMessage,
  type PanelView,
  type PersistedState,
  type RunError,
  type RunInput,
  type RunView,
  type WebviewMessage,
} from './protocol';
import { bool, clamp, int, isRecord, oneOf, str } from './values';

/** Receives the reason a message was rejected. */
export type RejectLog = (reason: string) => void;

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A point: finite numbers clamped to the coordinate range, at most LIMITS.variables of them. */
export function sanitizePoint(raw: unknown): number[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .slice(0, LIMITS.variables)
    .map((v) => clamp(finiteOr(v, 0), -LIMITS.coordinate, LIMITS.coordinate));
}

function sanitizeOptimizer(raw: unknown): Partial<OptimizerSettings> {
  if (!isRecord(raw)) return {};
  const out: { -readonly [K in keyof OptimizerSettings]?: OptimizerSettings[K] } = {};
  const name = oneOf(raw.name, OPTIMIZER_NAMES);
  if (name) out.name = name;
  const n = (key: string, min: number, max: number): number | undefined =>
    typeof raw[key] === 'number' && Number.isFinite(raw[key])
      ? clamp(raw[key] as number, min, max)
      : undefined;
  const lr = n('lr', LIMITS.learningRate.min, LIMITS.learningRate.max);
  if (lr !== undefined) out.lr = lr;
  const momentum = n('momentum', 0, 0.9999);
  if (momentum !== undefined) out.momentum = momentum;
  const dampening = n('dampening', 0, 1);
  if (dampening !== undefined) out.dampening = dampening;
  const lrDecay = n('lrDecay', 0, 10);
  if (lrDecay !== undefined) out.lrDecay = lrDecay;
  const acc = n('initialAccumulatorValue', 0, 1e6);
  if (acc !== undefined) out.initialAccumulatorValue = acc;
  const alpha = n('alpha', 0, 0.999999);
  if (alpha !== undefined) out.alpha = alpha;
  const eps = n('eps', 1e-16, 1);
  if (eps !== undefined) out.eps = eps;
  for (const key of ['centered', 'amsgrad', 'lineSearch'] as const) {
    const b = bool(raw[key]);
    if (b !== undefined) out[key] = b;
  }
  if (Array.isArray(raw.betas) && raw.betas.length === 2) {
    out.betas = [
      clamp(finiteOr(raw.betas[0], 0.9), 0, 0.999999),
      clamp(finiteOr(raw.betas[1], 0.999), 0, 0.999999),
    ];
  }
  return out;
}

function sanitizeStop(raw: unknown): Partial<StopSettings> {
  if (!isRecord(raw)) return {};
  const out: { -readonly [K in keyof StopSettings]?: StopSettings[K] } = {};
  const maxIterations = int(raw.maxIterations, 1, LIMITS.maxIterations);
  if (maxIterations !== undefined) out.maxIterations = maxIterations;
  for (const key of ['gradientTolerance', 'stepTolerance', 'valueTolerance'] as const) {
    const v = raw[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = clamp(v, 0, 1);
  }
  const budget = int(raw.timeBudgetMs, 0, LIMITS.timeBudgetMs);
  if (budget !== undefined) out.timeBudgetMs = budget;
  return out;
}

/** Run options from untrusted input: unknown keys dropped, numbers clamped, arrays capped. */
export function sanitizeRunOptions(raw: unknown): RunOptions {
  const r = isRecord(raw) ? raw : {};
  const traceLimit = r.traceLimit === 'all' ? 'all' : (int(r.traceLimit, 2, LIMITS.traceLimit) ?? 2_000);
  return {
    start: sanitizePoint(r.start),
    optimizer: sanitizeOptimizer(r.optimizer),
    stop: sanitizeStop(r.stop),
    maximize: bool(r.maximize) ?? false,
    traceLimit,
    ...(r.fitStart === true ? { fitStart: true } : {}),
  };
}

function sanitizeStarts(raw: unknown): number[][] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, LIMITS.starts).filter(Array.isArray).map(sanitizePoint);
}

function view(raw: unknown): PanelView | undefined {
  return oneOf(raw, PANEL_VIEWS);
}

function runId(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
}

/** Checks one message from the webview; returns a clean copy, or undefined (and logs why). */
export function parseWebviewMessage(
  raw: unknown,
  log: RejectLog = () => undefined,
): WebviewMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') {
    log('message without a type');
    return undefined;
  }
  const type = raw.type.slice(0, 40);
  const id = runId(raw.runId);
  switch (type) {
    case 'ready': {
      const saved = raw.saved === undefined ? undefined : parsePersistedState(raw.saved);
      return saved ? { type, saved } : { type };
    }
    case 'updateRun': {
      const formula = str(raw.formula, LIMITS.formulaLength);
      if (id === undefined || formula === undefined) break;
      const revision = runId(raw.revision) ?? 0;
      return {
        type,
        runId: id,
        formula,
        options: sanitizeRunOptions(raw.options),
        starts: sanitizeStarts(raw.starts),
        revision,
      };
    }
    case 'selectRun':
    case 'removeRun':
      if (id === undefined) break;
      return { type, runId: id };
    case 'setView': {
      const v = view(raw.view);
      if (v === undefined) break;
      return { type, view: v };
    }
    case 'copyIterations':
      if (id === undefined || (raw.format !== 'markdown' && raw.format !== 'csv')) break;
      return { type, runId: id, format: raw.format };
    case 'savePlot': {
      const data =
        typeof raw.data === 'string' && raw.data.length <= LIMITS.plotDataLength ? raw.data : undefined;
      const name = (str(raw.name, LIMITS.nameLength) ?? 'plot').replace(/[^\w.-]+/g, '-') || 'plot';
      if (raw.format === 'svg' && data !== undefined && /^\s*<svg[\s>]/.test(data)) {
        return { type, format: 'svg', data, name };
      }
      if (
        raw.format === 'png' &&
        data !== undefined &&
        /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(data)
      ) {
        return { type, format: 'png', data, name };
      }
      break;
    }
    default:
      log(`unknown message type ${JSON.stringify(type)}`);
      return undefined;
  }
  log(`malformed ${type} message`);
  return undefined;
}

function parseRunInput(raw: unknown): RunInput | undefined {
  if (!isRecord(raw)) return undefined;
  const id = runId(raw.id);
  const formula = str(raw.formula, LIMITS.formulaLength);
  if (id === undefined || formula === undefined) return undefined;
  return { id, formula, options: sanitizeRunOptions(raw.options), starts: sanitizeStarts(raw.starts) };
}

/** Restores the persisted panel state (from the webview's getState), or undefined when unusable. */
export function parsePersistedState(raw: unknown): PersistedState | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.runs)) return undefined;
  // Ids key the host's runs and engine jobs, so a repeated id (a tampered state) keeps its first run.
  const runs: RunInput[] = [];
  for (const run of raw.runs.slice(0, LIMITS.runs).map(parseRunInput)) {
    if (run && !runs.some((r) => r.id === run.id)) runs.push(run);
  }
  const selected = runId(raw.selected) ?? runs[0]?.id ?? 0;
  return { runs, selected, view: view(raw.view) ?? 'runs' };
}

function parseRunError(raw: unknown): RunError | undefined {
  if (!isRecord(raw)) return undefined;
  const message = str(raw.message, LIMITS.errorLength);
  if (message === undefined) return undefined;
  const column = int(raw.column, 1, LIMITS.formulaLength + 1);
  return column === undefined ? { message } : { message, column };
}

function parseRunView(raw: unknown): RunView | undefined {
  const parsed = parseRunInput(raw);
  if (!parsed || !isRecord(raw)) return undefined;
  const revision = runId(raw.revision);
  const input = revision === undefined ? parsed : { ...parsed, revision };
  const status = raw.status;
  if (status === 'pending') return { ...input, status };
  if (status === 'error') {
    const error = parseRunError(raw.error);
    const analysis = raw.analysis === undefined ? undefined : parseAnalysis(raw.analysis);
    return error ? { ...input, status, error, ...(analysis ? { analysis } : {}) } : undefined;
  }
  if (status === 'ok') {
    const analysis = parseAnalysis(raw.analysis);
    return analysis ? { ...input, status, analysis } : undefined;
  }
  return undefined;
}

/** Checks one message from the host on the webview side (JSON turned NaN into null: restored). */
export function parseHostMessage(raw: unknown, log: RejectLog = () => undefined): HostMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') {
    log('host message without a type');
    return undefined;
  }
  switch (raw.type) {
    case 'state': {
      if (!Array.isArray(raw.runs)) break;
      const runs = raw.runs.slice(0, LIMITS.runs).map(parseRunView);
      if (runs.some((r) => r === undefined)) break;
      const v = view(raw.view);
      if (v === undefined) break;
      return { type: 'state', runs: runs as RunView[], selected: runId(raw.selected) ?? 0, view: v };
    }
    case 'runUpdate': {
      const run = parseRunView(raw.run);
      if (!run) break;
      return { type: 'runUpdate', run };
    }
    case 'notice': {
      const text = str(raw.text, LIMITS.noticeLength);
      if (text === undefined) break;
      return { type: 'notice', text };
    }
    default:
      log(`unknown host message type ${JSON.stringify(String(raw.type).slice(0, 40))}`);
      return undefined;
  }
  log(`malformed host ${raw.type} message`);
  return undefined;
}
