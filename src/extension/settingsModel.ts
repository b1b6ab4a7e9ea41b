// The extension's settings as typed values: defaults (mirrored in package.json's
// contributes.configuration) and the normalization of whatever the user wrote. vscode-free so the
// mapping is unit-tested; settings.ts only feeds it from the workspace configuration.
import { DEFAULT_SWEEP_COUNT, resolveLimits, type EngineLimits } from '../engine/limits';
import { PANEL_TRACE_POINTS, RUN_TIME_BUDGET_MS } from '../usecases/defaults';
import { OPTIMIZER_NAMES, type OptimizerName, type RunOptions, type SweepSettings } from '../engine/types';
import { clamp, int } from '../shared/schema';

/** The configuration section every setting lives under. */
export { SETTINGS_SECTION } from './contributions';

/** Default value of each setting, keyed as in package.json without the section prefix. */
export const SETTING_DEFAULTS = {
  optimizer: 'gd',
  learningRate: 0.1,
  initialPoint: [1],
  maxIterations: 1000,
  tolerance: 1e-6,
  traceLength: PANEL_TRACE_POINTS,
  // null: the sweep's range follows the critical η at the start, as the CLI's does.
  'sweep.minLearningRate': null,
  'sweep.maxLearningRate': null,
  'sweep.count': DEFAULT_SWEEP_COUNT,
  'hover.enabled': true,
  'hover.languages': ['markdown', 'latex', 'tex', 'plaintext', 'python', 'javascript', 'typescript'],
  'limits.maxIterations': 100000,
  'limits.timeBudgetMs': RUN_TIME_BUDGET_MS,
  'limits.maxFormulaLength': 2000,
  'limits.maxPlottedVariables': 2,
} as const;

/** A setting's key, without the section prefix. */
export type SettingKey = keyof typeof SETTING_DEFAULTS;

/** Everything the commands, the hover and the panel take from the settings. */
export interface LabSettings {
  /** Options for a new run (already within the limits). */
  readonly run: RunOptions;
  /** The sweep's range and count; a missing end follows the critical η at the start. */
  readonly sweep: Partial<SweepSettings>;
  readonly hover: { readonly enabled: boolean; readonly languages: readonly string[] };
  readonly limits: EngineLimits;
}

/** Reads one raw setting value; undefined when unset. */
export type SettingReader = (key: SettingKey) => unknown;

function finite(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(value, min, max) : fallback;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A positive number, or undefined for "automatic" (null, unset or invalid). */
function positiveOrAuto(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function integer(value: unknown, fallback: number, min: number, max: number): number {
  const parsed = int(min, max).parse(value);
  return parsed.ok ? parsed.value : fallback;
}

function optimizerName(value: unknown): OptimizerName {
  return OPTIMIZER_NAMES.find((n) => n === value) ?? 'gd';
}

/** The initial point: a number, an array of numbers or a text like "1, -2"; non-numbers dropped. */
export function readInitialPoint(value: unknown): number[] {
  const parts: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/[\s,;]+/)
      : [value];
  const point = parts
    .map((p) => (typeof p === 'string' && p.trim() !== '' ? Number(p) : p))
    .filter((p): p is number => typeof p === 'number' && Number.isFinite(p))
    .slice(0, 1000);
  return point.length ? point : [...SETTING_DEFAULTS.initialPoint];
}

/** Normalizes raw setting values into typed settings, falling back to the default for anything invalid. */
export function normalizeSettings(read: SettingReader): LabSettings {
  const d = SETTING_DEFAULTS;
  const limits = resolveLimits({
    maxIterations: integer(
      read('limits.maxIterations'),
      d['limits.maxIterations'],
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    timeBudgetMs: integer(read('limits.timeBudgetMs'), d['limits.timeBudgetMs'], 1, Number.MAX_SAFE_INTEGER),
    maxFormulaLength: integer(
      read('limits.maxFormulaLength'),
      d['limits.maxFormulaLength'],
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    maxPlotVariables: integer(
      read('limits.maxPlottedVariables'),
      d['limits.maxPlottedVariables'],
      1,
      Number.MAX_SAFE_INTEGER,
    ),
  });
  const lo = positiveOrAuto(read('sweep.minLearningRate'));
  const hi = positiveOrAuto(read('sweep.maxLearningRate'));
  // A reversed range is read the way round it was meant.
  const [lrMin, lrMax] = lo !== undefined && hi !== undefined && lo > hi ? [hi, lo] : [lo, hi];
  const languages = read('hover.languages');
  return {
    run: {
      start: readInitialPoint(read('initialPoint')),
      optimizer: {
        name: optimizerName(read('optimizer')),
        lr: positive(read('learningRate'), d.learningRate),
      },
      stop: {
        maxIterations: integer(read('maxIterations'), d.maxIterations, 1, limits.maxIterations),
        gradientTolerance: finite(read('tolerance'), d.tolerance, 0, 1e6),
        timeBudgetMs: limits.timeBudgetMs,
      },
      maximize: false,
      // The setting is one start for every formula: a 1-variable formula takes its first coordinate.
      fitStart: true,
      traceLimit: integer(read('traceLength'), d.traceLength, 2, limits.maxTracePoints),
    },
    sweep: {
      ...(lrMin !== undefined ? { lrMin } : {}),
      ...(lrMax !== undefined ? { lrMax } : {}),
      count: integer(read('sweep.count'), d['sweep.count'], 2, limits.maxSweepCount),
    },
    hover: {
      enabled: read('hover.enabled') !== false,
      languages: Array.isArray(languages)
        ? languages.filter((l): l is string => typeof l === 'string')
        : [...d['hover.languages']],
    },
    limits,
  };
}
