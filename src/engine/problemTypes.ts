// A compiled objective: what the optimizers evaluate.
/** A compiled objective: fast closures over Float64Array slots, one per variable. */
export interface Problem {
  readonly variables: readonly string[];
  readonly dimension: number;
  /** f(x). */
  value(x: Float64Array): number;
  /** Writes ∇f(x) into `out` and returns f(x). */
  valueAndGradient(x: Float64Array, out: Float64Array): number;
  /** 'numeric' when some partial fell back to central differences. */
  readonly gradientMethod: 'symbolic' | 'numeric';
  /** Simplified partial derivatives as text, for people; computed lazily and cached. */
  gradientText(): readonly string[];
  /** The parameters generated code reads, in Formula.parameters order; absent when there are none. */
  readonly parameters?: ParameterSlots;
}

/** Parameter values a compiled problem reads on every evaluation: writing a slot changes f without recompiling. */
export interface ParameterSlots {
  readonly names: readonly string[];
  /** The formula's values, restored by every run that does not override them. */
  readonly defaults: readonly number[];
  readonly values: Float64Array;
}
