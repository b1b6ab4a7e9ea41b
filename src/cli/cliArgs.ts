// What the CLI's command line asks for, once parsed and validated, and the error a mistake in it raises.
import type { CodeLanguage } from '../engine/export';

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
export const COMMANDS: readonly Command[] = ['run', 'sweep', 'code', 'explain', 'phase'];

/** CliArgs as the parser fills it in. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
