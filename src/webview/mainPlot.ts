// Picks the main chart for a run by its shape: a curve (1 variable), contours (2 variables) or
// coordinates against the iteration (3 or more).
import type { Analysis, MultiStartResult } from '../engine/types';
import { type PlotContext, type PlotElement, type Series } from './plots/common';
import { contourPlot } from './plots/contour';
import { coordinatesPlot } from './plots/coordinates';
import { curvePlot } from './plots/curve';

/** Options of the main chart. */
export interface MainPlotOptions {
  readonly frame?: number;
  readonly multistart?: MultiStartResult;
  /** Called with the start a click on the chart chose (curve or contours). */
  readonly onPick?: (point: number[]) => void;
  readonly height?: number;
}

/** The main chart of an analysis with the given paths drawn on it. */
export function mainPlot(
  ctx: PlotContext,
  analysis: Analysis,
  series: readonly Series[],
  options: MainPlotOptions = {},
): PlotElement {
  const land = analysis.landscape;
  const vars = analysis.run.variables;
  if (land.kind === 'curve') {
    return curvePlot(ctx, land, vars[0] ?? 'x', series, options);
  }
  if (land.kind === 'grid') {
    return contourPlot(ctx, land, vars, series, options);
  }
  return coordinatesPlot(ctx, series[0]?.trace ?? analysis.run.trace, vars, options.height);
}

/** True when the main chart can animate the path (a curve or contours). */
export function animates(analysis: Analysis): boolean {
  return analysis.landscape.kind !== 'none';
}
