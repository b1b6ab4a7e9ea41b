// How long the bad-input corpus takes through the engine, per input, cold caches: analyze with the
// extension's and the CLI's limits, and a hover's quickRun. The unit tests assert only what does not
// depend on the machine (honest outcomes, bounded work); the times live here. `npm run bench:corpus`.
import { CLI_LIMITS } from '../src/cli/main';
import { DEFAULT_LIMITS, type EngineLimits } from '../src/engine/limits';
import type { RunOptions } from '../src/engine/types';
import { createProblemCache } from '../src/host/problemCache';
import { HOVER_BUDGET_MS } from '../src/usecases/defaults';
import { quickRun } from '../src/usecases/hover';
import { computeJob, type JobContext } from '../src/usecases/jobs';
import { resolveRunOptions } from '../src/usecases/runOptions';
import { frameWindow } from '../src/usecases/window';
import { PIPELINE_CASES } from '../test/corpus/pipelineCases';

function optionsAt(start: readonly number[], traceLimit: number): RunOptions {
  return { start, optimizer: {}, stop: {}, maximize: false, traceLimit, fitStart: true };
}

/** The panel's jobs for one input: formula, options, run, window and landscape. */
function panelJobs(input: string, start: readonly number[], limits: EngineLimits): void {
  const ctx: JobContext = { problems: createProblemCache(limits), limits };
  const info = computeJob({ kind: 'formula', formula: input }, ctx);
  const options = resolveRunOptions(optionsAt(start, 500), info.variables.length, limits);
  const run = computeJob({ kind: 'run', formula: input, options }, ctx);
  const window = frameWindow(
    undefined,
    options.start,
    [run.trace],
    info.variables.length,
    limits.maxPlotVariables,
  );
  if (window) computeJob({ kind: 'landscape', formula: input, window }, ctx);
}

/** CPU milliseconds of `work` (it may throw: refusals are timed too). */
function cpuMs(work: () => unknown): number {
  const started = process.cpuUsage();
  try {
    work();
  } catch {
    // A refusal is an outcome; only its time matters here.
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

function report(title: string, times: { label: string; ms: number }[]): void {
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.ms;
  console.log(
    `${title}: ${times.length} inputs, p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`,
  );
  for (const t of sorted.slice(-3).reverse()) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms  ${t.label}`);
}

const LIMITS: readonly (readonly [string, EngineLimits])[] = [
  ['extension', DEFAULT_LIMITS],
  ['CLI', CLI_LIMITS],
];
for (const [name, limits] of LIMITS) {
  const label = (input: string, note: string): string => `${JSON.stringify(input.slice(0, 40))} (${note})`;
  report(
    `panel jobs, ${name} limits`,
    PIPELINE_CASES.map((c) => ({
      label: label(c.input, c.note),
      ms: cpuMs(() => panelJobs(c.input, c.start, limits)),
    })),
  );
  report(
    `hover quickRun (${HOVER_BUDGET_MS} ms budget), ${name} limits`,
    PIPELINE_CASES.map((c) => ({
      label: label(c.input, c.note),
      ms: cpuMs(() =>
        quickRun(createProblemCache(limits), c.input, optionsAt(c.start, 50), HOVER_BUDGET_MS, limits),
      ),
    })),
  );
}
