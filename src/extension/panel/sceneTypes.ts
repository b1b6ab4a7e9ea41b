// The shapes of a scene: what one run's view is made of (its parts, by slot), the report the session
// sends after each part, and what planning it needs (the settings, the run, the view, the job cache).
import type { OptimizerName, RunOptions, SweepSettings } from '../../engine/types';
import type { PanelView, PartValue } from '../../shared/protocol';
import type { JobService } from '../../host/jobService';
import type { JobKind, JobOf, JobValues } from '../../usecases/jobs';
import type { JobFailure } from '../../usecases/jobOutcome';
import type { PlotWindow } from '../../usecases/window';
import type { Outcome } from '../../usecases/wording';
import type { RunRecord } from './state';

/** Settings every scene takes from the extension's settings. */
export interface SceneConfig {
  /** The settings' run options (trace length, time budget) the controls' values go on top of. */
  readonly base: RunOptions;
  readonly steps: number;
  readonly plotVariables: number;
  readonly sweep: Partial<SweepSettings>;
  /** Quiet time before the other views' jobs are computed in the background (PREFETCH_AFTER_MS). */
  readonly prefetchAfterMs?: number;
  /** Waits out that quiet time, or until `signal` aborts (a timer; tests pass their own clock). */
  readonly waitQuiet?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The places of a scene a part fills. */
export type Slot =
  | 'formula'
  | 'gradientText'
  | 'run'
  | 'landscape'
  | 'steps'
  | 'curvature'
  | 'sweep'
  | 'regimes'
  | 'compare'
  | 'basins'
  | 'explain'
  | 'explainHere'
  | 'phase'
  | 'data';

/** One part of a scene: where it goes, its job's key and its value as it crosses to the webview. */
export interface ScenePart {
  readonly slot: Slot;
  /** The place in a list slot (the regimes, the compared optimizers). */
  readonly index?: number;
  readonly key: string;
  readonly value: PartValue;
  /** The job that made it (for sending it again when the webview asks). */
  readonly request: JobOf<JobKind>;
}

/** A run's state as far as it is known. */
export interface SceneReport {
  readonly status: 'pending' | 'ok' | 'error';
  readonly outcome?: Outcome;
  readonly error?: JobFailure;
  readonly values: readonly ScenePart[];
  readonly waiting: readonly Slot[];
  readonly failures: readonly { readonly part: string; readonly message: string }[];
}

/** What planning a scene needs. */
export interface SceneContext {
  readonly jobs: JobService;
  readonly record: RunRecord;
  /** The view the run is shown in, or undefined when it is not selected (its run alone is computed). */
  readonly view: PanelView | undefined;
  /** The optimizers the comparison runs besides the run's own. */
  readonly compared: readonly OptimizerName[];
  readonly config: SceneConfig;
  readonly signal: AbortSignal;
  readonly setWindow: (window: PlotWindow | undefined) => void;
  /** Called once the run itself is known (or failed): what a person waits for. */
  readonly ranMain: () => void;
}

/** Asks for one part of the scene by its job (into a slot, at a place of a list slot); its value once known. */
export type PartFn = <K extends JobKind>(
  slot: Slot,
  request: JobOf<K>,
  index?: number,
) => Promise<JobValues[K] | undefined>;
