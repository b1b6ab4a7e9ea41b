// Three or more variables: each coordinate against the iteration.
import * as Plot from '@observablehq/plot';
import type { TracePoint } from '../../engine/types';
import { type PlotElement, plot, baseOptions, type PlotContext } from './common';

/** Most coordinates drawn as separate lines; more would be unreadable. */
const MAX_LINES = 12;

/** Each coordinate of the trace against the iteration, one colour per variable. */
export function coordinatesPlot(
  ctx: PlotContext,
  trace: readonly TracePoint[],
  variables: readonly string[],
  height = 320,
): PlotElement {
  const shown = variables.slice(0, MAX_LINES);
  const rows = trace.flatMap((t) =>
    shown.map((variable, i) => ({ iteration: t.iteration, variable, value: t.point[i] })),
  );
  return plot({
    ...baseOptions(ctx, height),
    x: { label: 'iteration' },
    y: { label: 'coordinate', grid: true },
    color: { domain: shown, range: ctx.palette.series, legend: false },
    marks: [
      Plot.ruleY([0], { stroke: ctx.palette.grid }),
      Plot.line(rows, { x: 'iteration', y: 'value', z: 'variable', stroke: 'variable', strokeWidth: 1.5 }),
      Plot.text(
        rows.filter((_r, i) => i >= rows.length - shown.length),
        {
          x: 'iteration',
          y: 'value',
          text: 'variable',
          dx: 6,
          textAnchor: 'start',
          fill: ctx.palette.foreground,
        },
      ),
    ],
    marginRight: 40,
  });
}
