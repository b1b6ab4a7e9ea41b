// What every view draws from: the selected run's summary and the part values it refers to, the plot
// context, and the person's local view state (player frames, which runs roll from their start).
import type { OptimizerName } from '../../engine/types';
import type { RunSummary } from '../../shared/protocol';
import type {
  BasinsWire,
  CurvatureWire,
  FormulaWire,
  LandscapeWire,
  PartialWire,
  RunWire,
  StepsWire,
  SweepWire,
} from '../../shared/wire';
import type { ExplainWire, PhaseWire } from '../../shared/explainWire';
import type { DataWire } from '../../shared/dataWire';
import type { PlotContext } from '../plots/common';
import type { Store } from '../store';

/** The selected run's parts, decoded from the ids its summary lists (undefined while not arrived). */
export interface SceneValues {
  readonly formula?: FormulaWire;
  readonly run?: RunWire;
  /** The id of the run part: a new id is a new result (the player starts over). */
  readonly runId?: number;
  readonly landscape?: LandscapeWire;
  readonly landscapeId?: number;
  readonly steps?: StepsWire;
  readonly gradientText?: readonly PartialWire[];
  readonly curvature?: CurvatureWire;
  readonly sweep?: SweepWire;
  readonly sweepId?: number;
  readonly regimes?: readonly (RunWire | undefined)[];
  readonly compare?: readonly (RunWire | undefined)[];
  readonly basins?: BasinsWire;
  readonly explain?: ExplainWire;
  /** The curvature at the iterate the learning-rate view's player is on (absent at the start). */
  readonly explainHere?: ExplainWire;
  readonly phase?: PhaseWire;
  /** A run on data: the rows and the fit (absent for other formulas). */
  readonly data?: DataWire;
  readonly dataId?: number;
}

/** The values the summary's part ids refer to. */
export function sceneValues(store: Store, run: RunSummary): SceneValues {
  const p = run.parts ?? {};
  return {
    formula: store.part(p.formula, 'formula'),
    run: store.part(p.run, 'run'),
    runId: p.run,
    landscape: store.part(p.landscape, 'landscape'),
    landscapeId: p.landscape,
    steps: store.part(p.steps, 'steps'),
    gradientText: store.part(p.gradientText, 'gradientText'),
    curvature: store.part(p.curvature, 'curvature'),
    sweep: store.part(p.sweep, 'sweep'),
    sweepId: p.sweep,
    regimes: p.regimes?.map((id) => store.part(id, 'run')),
    compare: p.compare?.map((id) => store.part(id, 'run')),
    basins: store.part(p.basins, 'basins'),
    explain: store.part(p.explain, 'explain'),
    explainHere: store.part(p.explainHere, 'explain'),
    phase: store.part(p.phase, 'phase'),
    data: store.part(p.data, 'data'),
    dataId: p.data,
  };
}

/** The person's view state that the host does not keep. */
export interface LocalState {
  /** Which kept iterate the player shows, per run id (absent: the last). */
  readonly frames: Map<number, number>;
  /** Runs whose next result plays from its first iterate: the ball was just placed by a click. */
  readonly rolling: Set<number>;
}

/** What a view's update gets. */
export interface ViewContext {
  readonly ctx: PlotContext;
  /** Changes when the colour theme does, so cached charts are drawn again. */
  readonly theme: string;
  readonly run: RunSummary;
  readonly scene: SceneValues;
  readonly local: LocalState;
  /** The person placed (click), is dragging (drag) or let go of (release) the start at a point. */
  readonly placeStart: (point: number[], how: 'click' | 'drag' | 'release') => void;
  /** The person asked for (or cleared) the basins' starts. */
  readonly setStarts: (starts: number[][]) => void;
  /** The optimizers the comparison runs besides the run's own, as the host last said. */
  readonly compared: readonly OptimizerName[] | undefined;
  /** The person picked the optimizers to compare. */
  readonly setCompared: (optimizers: OptimizerName[]) => void;
  /** The person picked an (η, β) on the momentum map: the run's optimizer takes them. */
  readonly setRates: (optimizer: 'momentum' | 'nesterov' | 'adam', lr: number, beta: number) => void;
  /** The learning-rate view's player is on this iterate (0: the start): the host explains the curvature there. */
  readonly explainAt: (iteration: number) => void;
  /** Registers cleanup for when the view is left or redrawn from scratch (timers). */
  readonly onCleanup: (fn: () => void) => void;
}
