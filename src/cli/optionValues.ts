// Validation of each option's value: a number in its range, a whole number, a list, a NAME=VALUE
// parameter, one of the known languages. A bad value throws UsageError with what was expected.
import { CODE_LANGUAGES } from '../engine/export';
import { HARD_LIMITS } from '../engine/limits';
import { latinName } from '../engine/parse/greek';
import { oneOf } from '../shared/schema';
import { UsageError, type CliArgs, type Mutable } from './cliArgs';

/** `value` when it is one of `allowed`, else undefined. */
export function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  const parsed = oneOf(allowed).parse(value);
  return parsed.ok ? parsed.value : undefined;
}

function number(name: string, text: string): number {
  const trimmed = text.trim();
  const v = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(v)) throw new UsageError(`--${name} needs a number, got "${text}".`);
  return v;
}

function numberList(name: string, text: string): number[] {
  if (text.trim() === '') throw new UsageError(`--${name} needs comma-separated numbers, got "${text}".`);
  return text.split(',').map((part) => number(name, part));
}

function positive(name: string, v: number): number {
  if (!(v > 0)) throw new UsageError(`--${name} must be greater than 0, got ${v}.`);
  return v;
}

function unitInterval(name: string, v: number): number {
  if (!(v >= 0 && v < 1)) throw new UsageError(`--${name} must be in [0, 1), got ${v}.`);
  return v;
}

/** A β of the map: 0 ≤ β < 1 (β = 1 never forgets a gradient). */
function betaOption(name: string, v: number): number {
  if (!(v >= 0 && v < 1)) throw new UsageError(`--${name} must be at least 0 and below 1, got ${v}.`);
  return v;
}

function integer(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) {
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got ${v}.`);
  }
  return v;
}

/** `a=2`, `lambda=0.1`, `\\lambda=0.1` or `λ=0.1`: one parameter, by the name the engine gives it. */
function parameterOption(text: string): Record<string, number> {
  const eq = text.indexOf('=');
  const written = eq < 0 ? '' : text.slice(0, eq).trim();
  if (!/^\\?[\p{L}_][\p{L}\p{N}_]*$/u.test(written)) {
    throw new UsageError(`--param needs NAME=VALUE, such as a=2 or lambda=0.1; got "${text}".`);
  }
  return { [latinName(written.replace(/^\\/, ''))]: number('param', text.slice(eq + 1)) };
}

/** The options the engine reads itself (torch's calls) and the language of `code`. */
function applyRunText(out: Mutable<CliArgs>, name: 'optimizer' | 'scheduler' | 'lang', value: string): void {
  if (value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  if (name !== 'lang') {
    out[name] = value;
    return;
  }
  const lang = pick(value, CODE_LANGUAGES);
  if (!lang) throw new UsageError(`--lang must be one of ${CODE_LANGUAGES.join(', ')}; got "${value}".`);
  out.lang = lang;
}

type Apply = (out: Mutable<CliArgs>, value: string, name: string) => void;

/** How each option's value is checked and where it goes. */
const APPLY: Readonly<Record<string, Apply>> = {
  start: (out, value, name) => {
    out.start = numberList(name, value);
  },
  lr: (out, value, name) => {
    out.lr = positive(name, number(name, value));
  },
  optimizer: (out, value) => applyRunText(out, 'optimizer', value),
  scheduler: (out, value) => applyRunText(out, 'scheduler', value),
  lang: (out, value) => applyRunText(out, 'lang', value),
  momentum: (out, value, name) => {
    out.momentum = unitInterval(name, number(name, value));
  },
  alpha: (out, value, name) => {
    out.alpha = unitInterval(name, number(name, value));
  },
  betas: (out, value, name) => {
    const list = numberList(name, value);
    if (list.length !== 2) {
      throw new UsageError(`--betas needs two numbers such as 0.9,0.999; got "${value}".`);
    }
    out.betas = [unitInterval(name, list[0]!), unitInterval(name, list[1]!)];
  },
  eps: (out, value, name) => {
    out.eps = positive(name, number(name, value));
  },
  'max-iter': (out, value, name) => {
    out.maxIterations = integer(name, number(name, value), 0);
  },
  tol: (out, value, name) => {
    const tol = number(name, value);
    if (tol < 0) throw new UsageError(`--tol must be 0 or more, got ${tol}.`);
    out.tol = tol;
  },
  trace: (out, value) => {
    if (value !== 'all') throw new UsageError(`--trace takes "all", got "${value}".`);
    out.traceAll = true;
  },
  'lr-min': (out, value, name) => {
    out.lrMin = positive(name, number(name, value));
  },
  'lr-max': (out, value, name) => {
    out.lrMax = positive(name, number(name, value));
  },
  count: (out, value, name) => {
    // The sweep allocates and runs every η, so an absurd count must not reach it.
    const count = integer(name, number(name, value), 2);
    if (count > HARD_LIMITS.maxSweepCount) {
      throw new UsageError(`--count must be at most ${HARD_LIMITS.maxSweepCount}, got ${count}.`);
    }
    out.count = count;
  },
  'beta-min': (out, value, name) => {
    out.betaMin = betaOption(name, number(name, value));
  },
  'beta-max': (out, value, name) => {
    out.betaMax = betaOption(name, number(name, value));
  },
  param: (out, value) => {
    out.parameters = { ...out.parameters, ...parameterOption(value) };
  },
  data: (out, value) => {
    if (value.trim() === '') throw new UsageError('--data needs a file name.');
    out.data = value;
  },
  'batch-size': (out, value, name) => {
    out.batchSize = integer(name, number(name, value), 1);
  },
  seed: (out, value, name) => {
    out.seed = integer(name, number(name, value), 0);
  },
  epochs: (out, value, name) => {
    out.epochs = integer(name, number(name, value), 1);
  },
  shuffle: (out) => {
    out.shuffle = true;
  },
  'line-search': (out) => {
    out.lineSearch = true;
  },
  maximize: (out) => {
    out.maximize = true;
  },
  json: (out) => {
    out.json = true;
  },
};

/** Checks option `name`'s value (empty for a flag) and records it in `out`. */
export function applyOption(out: Mutable<CliArgs>, name: string, value: string): void {
  if (Object.prototype.hasOwnProperty.call(APPLY, name)) APPLY[name]!(out, value, name);
}
