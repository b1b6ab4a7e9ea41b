// The limits the protocol's guards enforce on what the webview sends, and the panel's views: plain
// values both sides read (the host's state, the webview's controls, every schema of the protocol).
import { HARD_LIMITS } from '../engine/limits';
import { oneOf } from './schema';

/** Limits the guards enforce on what the webview sends. */
export const LIMITS = {
  formulaLength: HARD_LIMITS.maxFormulaLength,
  variables: 1_000,
  starts: 64,
  runs: 32,
  // As high as the settings may raise the engine's limits; the engine's current limits cap each run.
  maxIterations: HARD_LIMITS.maxIterations,
  coordinate: 1e12,
  learningRate: { min: 1e-12, max: 1e6 },
  plotDataLength: 20_000_000,
  nameLength: 120,
  noticeLength: 500,
  errorLength: 2_000,
  labelLength: 300,
  parameters: 64,
  parameterName: 40,
  // A batch larger than the rows is full-batch descent, so the data's row limit bounds it.
  batchSize: 100_000,
  epochs: 100_000,
  seed: 2 ** 31 - 1,
} as const;

/** What the panel shows: the run list, the learning-rate effects, or an optimizer comparison. */
export const PANEL_VIEWS = ['runs', 'learning-rate', 'compare'] as const;
export type PanelView = (typeof PANEL_VIEWS)[number];
/** One of the panel's views, as a message names it. */
export const panelView = oneOf(PANEL_VIEWS);
