// A formula as the parser reads it, its description for people, and the engine's user-facing error.
import type { MathNode } from './math';

/** Where a formula came from, as detected by the parser. */
export type Notation = 'plain' | 'latex' | 'python' | 'javascript';

/** A formula reduced to an allow-listed mathjs tree and its ordered free variables. */
export interface Formula {
  /** The text as the user gave it. */
  readonly source: string;
  /** The allow-listed expression (right side of a definition). */
  readonly expression: MathNode;
  /** Free variables in order: left-side order when given, else natural order. */
  readonly variables: readonly string[];
  /** The notation the text was read as. */
  readonly notation: Notation;
  /** The function name of a definition such as `f(x) = ...`, if any. */
  readonly name?: string;
  /**
   * Free names a definition's left side does not list (`a` in `f(x) = a x^2`), in order of first
   * use, with their default values: constants of the run, never descended on. Empty without a left side.
   */
  readonly parameters: readonly Parameter[];
  /** Set when the formula sums over the rows of a data set (`\sum_{i=1}^{m}`): it compiles only with a table. */
  readonly data?: DataSpec;
}

/** What a loss over data needs of its data set. */
export interface DataSpec {
  /** The name of the row count in the bounds (m, n, N): the rows of the batch at every evaluation. */
  readonly count: string;
  /** The columns the sums refer to, as written: `x` for x_i, `x` with feature 2 for x_{i,2}. */
  readonly columns: readonly { readonly base: string; readonly feature?: number }[];
}

/** A formula's parameter and its value. */
export interface Parameter {
  readonly name: string;
  readonly value: number;
}

/** Error kinds a person can be told about; never a stack trace. */
export type FormulaErrorCode =
  'empty' | 'syntax' | 'not-allowed' | 'no-variable' | 'too-long' | 'too-many-variables' | 'bad-option';

/** A typed, user-facing error from any stage of the engine. */
export class FormulaError extends Error {
  constructor(
    message: string,
    readonly code: FormulaErrorCode,
    /** 1-based column in the source text where the problem is, when known. */
    readonly column?: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** A formula's description for people. */
export interface FormulaInfo {
  readonly source: string;
  readonly notation: Notation;
  readonly variables: readonly string[];
  /** The expression in plain math syntax. */
  readonly text: string;
  /** The expression as LaTeX, for typesetting. */
  readonly tex: string;
  /** The variables' names as LaTeX, in the order of `variables`. */
  readonly variablesTex: readonly string[];
  /** The variables' names as plain text a person writes (θ₀ for theta_0), in that order. */
  readonly variablesText: readonly string[];
  /** The function's name when the text defines one (`L` in `L(w, b) = …`). */
  readonly name?: string;
  /** That name as LaTeX. */
  readonly nameTex?: string;
  /** The formula's parameters with their default values (see Formula.parameters); a run's own are in RunResult.parameters. */
  readonly parameters: readonly Parameter[];
}

/** One partial derivative, simplified, as plain math text and as LaTeX. */
export interface PartialText {
  readonly text: string;
  readonly tex: string;
}
