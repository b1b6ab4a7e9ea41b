// Command-line parsing for the headless CLI: the stable contract of issue 2 §5. Options take
// `--name value` or `--name=value` (values may begin with '-'), flags take no value, and `--`
// ends the options so that a formula beginning with a minus sign can follow.
import { CODE_LANGUAGES, type CodeLanguage } from '../engine/export';
import { HARD_LIMITS } from '../engine/limits';
import { latinName } from '../engine/parse/greek';
import { oneOf } from '../shared/schema';

/** `value` when it is one of `allowed`, else undefined. */
function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  const parsed = oneOf(allowed).parse(value);
  return parsed.ok ? parsed.value : undefined;
}

/** A mistake in the command line itself; the CLI exits 2 with its message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What the user asked for, validated; undefined fields take the engine's defaults. */
export interface CliArgs {
  readonly command: Command;
  readonly formula: string;
  readonly json: boolean;
  readonly start?: readonly number[];
  readonly lr?: number;
  /** A name (gd, adam) or torch's constructor call (`AdamW(lr=0.1, amsgrad=True)`), read by the engine's spec parser. */
  readonly optimizer?: string;
  /** torch's scheduler call, e.g. `CosineAnnealingLR(T_max=100)`. */
  readonly scheduler?: string;
  /** The language of `code`. */
  readonly lang?: CodeLanguage;
  readonly momentum?: number;
  readonly alpha?: number;
  readonly betas?: readonly [number, number];
  readonly eps?: number;
  readonly lineSearch: boolean;
  readonly maxIterations?: number;
  readonly tol?: number;
  readonly maximize: boolean;
  readonly traceAll: boolean;
  readonly lrMin?: number;
  readonly lrMax?: number;
  readonly count?: number;
  /** The (η, β) map's β range (phase). */
  readonly betaMin?: number;
  readonly betaMax?: number;
  /** Values of the formula's parameters by name (`--param a=2`, repeatable). */
  readonly parameters?: Readonly<Record<string, number>>;
  /** A CSV or TSV file whose header names the columns a loss over data reads (`--data FILE`). */
  readonly data?: string;
  /** Rows per step of a run on data (1 = SGD; default: all rows). */
  readonly batchSize?: number;
  /** Shuffle the rows every epoch (with --seed), instead of file order. */
  readonly shuffle: boolean;
  readonly seed?: number;
  /** Epochs of a run on data (instead of --max-iter). */
  readonly epochs?: number;
}

/** The parse result: a command to run, or a request for the usage text. */
export type ParsedArgs = CliArgs | { readonly command: 'help' };

/** The CLI's commands. */
export type Command = 'run' | 'sweep' | 'code' | 'explain' | 'phase';
const COMMANDS: readonly Command[] = ['run', 'sweep', 'code', 'explain', 'phase'];

type Kind = 'flag' | 'value';
interface OptionSpec {
  readonly kind: Kind;
  readonly commands: readonly Command[];
}

/** The options of a run, which `code` writes out, and of a sweep. */
const RUNS = ['run', 'sweep', 'code'] as const;
const OPTIONS: Readonly<Record<string, OptionSpec>> = {
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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

function applyOption(out: Mutable<CliArgs>, name: string, value: string): void {
  switch (name) {
    case 'start':
      out.start = numberList(name, value);
      return;
    case 'lr':
      out.lr = positive(name, number(name, value));
      return;
    case 'optimizer':
    case 'scheduler':
    case 'lang':
      applyRunText(out, name, value);
      return;
    case 'momentum':
      out.momentum = unitInterval(name, number(name, value));
      return;
    case 'alpha':
      out.alpha = unitInterval(name, number(name, value));
      return;
    case 'betas': {
      const list = numberList(name, value);
      if (list.length !== 2) {
        throw new UsageError(`--betas needs two numbers such as 0.9,0.999; got "${value}".`);
      }
      out.betas = [unitInterval(name, list[0]!), unitInterval(name, list[1]!)];
      return;
    }
    case 'eps':
      out.eps = positive(name, number(name, value));
      return;
    case 'max-iter':
      out.maxIterations = integer(name, number(name, value), 0);
      return;
    case 'tol': {
      const tol = number(name, value);
      if (tol < 0) throw new UsageError(`--tol must be 0 or more, got ${tol}.`);
      out.tol = tol;
      return;
    }
    case 'trace':
      if (value !== 'all') throw new UsageError(`--trace takes "all", got "${value}".`);
      out.traceAll = true;
      return;
    case 'lr-min':
      out.lrMin = positive(name, number(name, value));
      return;
    case 'lr-max':
      out.lrMax = positive(name, number(name, value));
      return;
    case 'count': {
      // The sweep allocates and runs every η, so an absurd count must not reach it.
      const count = integer(name, number(name, value), 2);
      if (count > HARD_LIMITS.maxSweepCount) {
        throw new UsageError(`--count must be at most ${HARD_LIMITS.maxSweepCount}, got ${count}.`);
      }
      out.count = count;
      return;
    }
    case 'beta-min':
      out.betaMin = betaOption(name, number(name, value));
      return;
    case 'beta-max':
      out.betaMax = betaOption(name, number(name, value));
      return;
    case 'param':
      out.parameters = { ...out.parameters, ...parameterOption(value) };
      return;
    case 'data':
      if (value.trim() === '') throw new UsageError('--data needs a file name.');
      out.data = value;
      return;
    case 'batch-size':
      out.batchSize = integer(name, number(name, value), 1);
      return;
    case 'seed':
      out.seed = integer(name, number(name, value), 0);
      return;
    case 'epochs':
      out.epochs = integer(name, number(name, value), 1);
      return;
    case 'shuffle':
      out.shuffle = true;
      return;
    case 'line-search':
      out.lineSearch = true;
      return;
    case 'maximize':
      out.maximize = true;
      return;
    case 'json':
      out.json = true;
      return;
  }
}

/** True when the argument list asks for JSON output, looked up leniently so errors can honour it. */
export function wantsJson(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--json') return true;
  }
  return false;
}

/** True for --help or -h before any "--", or the command help. */
function asksForHelp(argv: readonly string[]): boolean {
  if (!(argv.includes('--help') || argv.includes('-h') || argv[0] === 'help')) return false;
  const dashDash = argv.indexOf('--');
  const helpAt = Math.max(argv.indexOf('--help'), argv.indexOf('-h'), argv[0] === 'help' ? 0 : -1);
  return dashDash < 0 || helpAt < dashDash;
}

function commandOf(command: string | undefined): Command {
  if (command === undefined) throw new UsageError(`Missing command: ${COMMANDS.join(', ')}.`);
  const known = pick(command, COMMANDS);
  if (known === undefined) throw new UsageError(`Unknown command "${command}": use ${COMMANDS.join(', ')}.`);
  return known;
}

/** Parses `argv` (without node and the script path). Throws UsageError on any mistake. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (asksForHelp(argv)) return { command: 'help' };
  const [command, ...rest] = argv;
  const known = commandOf(command);
  const out: Mutable<CliArgs> = {
    command: known,
    formula: '',
    json: false,
    lineSearch: false,
    maximize: false,
    traceAll: false,
    shuffle: false,
  };
  const positionals: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    const spec = Object.prototype.hasOwnProperty.call(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (spec === undefined) {
      throw new UsageError(
        `Unknown option "${arg}". A formula that starts with "-" goes after "--", e.g. run -- "${arg}".`,
      );
    }
    if (!spec.commands.includes(known)) throw new UsageError(`--${name} is not an option of ${known}.`);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      applyOption(out, name, '');
      continue;
    }
    let value: string;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      if (i + 1 >= rest.length) throw new UsageError(`--${name} needs a value.`);
      value = rest[++i]!;
    }
    applyOption(out, name, value);
  }
  if (positionals.length === 0) throw new UsageError(`Missing formula: ${known} "<formula>".`);
  if (positionals.length > 1) {
    throw new UsageError(`Expected one formula, got ${positionals.length} arguments; quote the formula.`);
  }
  out.formula = positionals[0]!;
  if (out.betaMin !== undefined && out.betaMax !== undefined && !(out.betaMax >= out.betaMin)) {
    throw new UsageError(`--beta-max (${out.betaMax}) must not be below --beta-min (${out.betaMin}).`);
  }
  const batchOption = ['batchSize', 'shuffle', 'seed', 'epochs'].find(
    (k) => out[k as keyof CliArgs] !== undefined && out[k as keyof CliArgs] !== false,
  );
  if (batchOption !== undefined && out.data === undefined) {
    throw new UsageError(`--${batchOption === 'batchSize' ? 'batch-size' : batchOption} needs --data FILE.`);
  }
  if (out.seed !== undefined && !out.shuffle) throw new UsageError('--seed needs --shuffle.');
  if (out.epochs !== undefined && out.maxIterations !== undefined) {
    throw new UsageError('Give --epochs or --max-iter, not both.');
  }
  if (out.lrMin !== undefined && out.lrMax !== undefined && !(out.lrMax > out.lrMin)) {
    throw new UsageError(`--lr-max (${out.lrMax}) must be greater than --lr-min (${out.lrMin}).`);
  }
  return out;
}
