// How long the bad-input corpus takes through the engine, per input, cold caches: analyze with the
// extension's and the CLI's limits, and a hover's quickRun. The unit tests assert only what does not
// depend on the machine (honest outcomes, bounded work); the times live here. `npm run bench:corpus`.
import { CLI_LIMITS } from '../src/cli/main';
import { analyze, quickRun } from '../src/engine/analyze';
import { DEFAULT_LIMITS, type EngineLimits } from '../src/engine/limits';
import { clearProblemCache } from '../src/engine/problemCache';
import type { RunOptions } from '../src/engine/types';
import { HOVER_BUDGET_MS } from '../src/extension/hover/hoverRun';
import { PIPELINE_CASES } from '../test/corpus/pipelineCases';

function optionsAt(start: readonly number[], traceLimit: number): RunOptions {
  return { start, optimizer: {}, stop: {}, maximize: false, traceLimit, fitStart: true };
}

/** CPU milliseconds of `work` from a cold cache (it may throw: refusals are timed too). */
function cpuMs(work: () => unknown): number {
  clearProblemCache();
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
    `analyze, ${name} limits`,
    PIPELINE_CASES.map((c) => ({
      label: label(c.input, c.note),
      ms: cpuMs(() =>
        analyze({ formula: c.input, options: optionsAt(c.start, 500), landscape: true }, limits),
      ),
    })),
  );
  report(
    `hover quickRun (${HOVER_BUDGET_MS} ms budget), ${name} limits`,
    PIPELINE_CASES.map((c) => ({
      label: label(c.input, c.note),
      ms: cpuMs(() => quickRun(c.input, optionsAt(c.start, 50), HOVER_BUDGET_MS, limits)),
    })),
  );
}
