// Issue 5 through the whole engine: every corpus input through the panel's jobs (with the landscape) under the
// extension's and the CLI's limits, and through a hover's quickRun. Each must end in a readable
// FormulaError or in a run whose stop reason agrees with its numbers. How long each takes depends on
// the machine, so the times are printed by `npm run bench:corpus`, not asserted here; the work itself
// is bounded by things that do not vary (iterations, differentiation work, formula length).
import { strict as assert } from 'node:assert';
import { CLI_LIMITS } from '../../src/cli/main';
import { DEFAULT_LIMITS, type EngineLimits } from '../../src/engine/limits';
import { createProblemCache } from '../../src/host/problemCache';
import { quickRun } from '../../src/usecases/hover';
import { computeJob, type JobContext } from '../../src/usecases/jobs';
import { resolveRunOptions } from '../../src/usecases/runOptions';
import { frameWindow } from '../../src/usecases/window';
import { DEFAULT_STOP } from '../../src/engine/settings';
import { FormulaError, type Landscape, type RunOptions, type RunResult } from '../../src/engine/types';
import { PIPELINE_CASES as CASES, PIPELINE_NUMERIC as NUMERIC } from '../corpus/pipelineCases';
import { HOVER_BUDGET_MS } from '../../src/usecases/defaults';

const LIMITS: readonly (readonly [string, EngineLimits])[] = [
  ['extension', DEFAULT_LIMITS],
  ['CLI', CLI_LIMITS],
];

function optionsAt(start: readonly number[], traceLimit: number): RunOptions {
  return { start, optimizer: {}, stop: {}, maximize: false, traceLimit, fitStart: true };
}

/** Runs `work`; its value or what it threw. */
function outcomeOf<T>(work: () => T): { value?: T; error?: unknown } {
  try {
    return { value: work() };
  } catch (error) {
    return { error };
  }
}

function errorProblems(error: unknown, input: string): string[] {
  if (!(error instanceof FormulaError)) {
    return [`threw a raw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`];
  }
  const problems: string[] = [];
  if (error.message.trim() === '') problems.push('empty message');
  if (/\n\s+at /.test(error.message)) problems.push('stack trace in the message');
  if (error.column !== undefined && (error.column < 1 || error.column > input.length)) {
    problems.push(`column ${error.column} out of range`);
  }
  return problems;
}

/** Disagreements between a run's stop reason and its final numbers. */
function runProblems(run: RunResult, tolerance: number): string[] {
  const { value, point, gradientNorm } = run.final;
  const finite = Number.isFinite(value) && Number.isFinite(gradientNorm) && point.every(Number.isFinite);
  const problems: string[] = [];
  if (run.stopReason === 'non-finite' && finite) {
    problems.push(`'non-finite' with finite f = ${value}, ‖∇f‖ = ${gradientNorm}`);
  }
  if (run.stopReason !== 'non-finite' && !finite) {
    problems.push(`'${run.stopReason}' with f = ${value}, ‖∇f‖ = ${gradientNorm}`);
  }
  if (run.stopReason === 'gradient-tolerance' && !(gradientNorm < tolerance)) {
    problems.push(`'gradient-tolerance' with ‖∇f‖ = ${gradientNorm}`);
  }
  if (run.stopReason === 'max-iterations' && run.iterations !== DEFAULT_STOP.maxIterations) {
    problems.push(`'max-iterations' after ${run.iterations}`);
  }
  if (run.stationary !== 'not-stationary' && !(gradientNorm <= 1e-3)) {
    problems.push(`'${run.stationary}' with ‖∇f‖ = ${gradientNorm}`);
  }
  if (point.length !== run.variables.length) {
    problems.push(`point of ${point.length} coordinates for ${run.variables.length} variables`);
  }
  return problems;
}

/** The panel's pipeline for one input, cold: formula, options, run, window and landscape. */
function panelPipeline(
  input: string,
  start: readonly number[],
  limits: EngineLimits,
): { run: RunResult; landscape: Landscape } {
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
  const landscape = window
    ? computeJob({ kind: 'landscape', formula: input, window }, ctx)
    : { kind: 'none' as const };
  return { run, landscape };
}

function analysisProblems(analysis: { run: RunResult; landscape: Landscape }): string[] {
  const problems = runProblems(analysis.run, DEFAULT_STOP.gradientTolerance);
  const { landscape } = analysis;
  if (landscape.kind === 'curve' && landscape.values.some((v) => !Number.isNaN(v) && !Number.isFinite(v))) {
    problems.push('infinite landscape sample');
  }
  if (landscape.kind === 'grid' && landscape.values.some((v) => !Number.isNaN(v) && !Number.isFinite(v))) {
    problems.push('infinite landscape sample');
  }
  return problems;
}

describe('bad-input corpus through the whole pipeline (issue 5)', function () {
  this.timeout(600_000);

  it('holds the issue numeric cases besides the parser corpus', () => {
    assert.ok(CASES.length >= 200 + NUMERIC.length, `${CASES.length}`);
  });

  for (const [name, limits] of LIMITS) {
    it(`the panel's jobs with the ${name} limits give a FormulaError or an honest run`, () => {
      const problems: string[] = [];
      for (const c of CASES) {
        const label = `${JSON.stringify(c.input.slice(0, 50))} at ${c.start.join(',')} (${c.note})`;
        const { value, error } = outcomeOf(() => panelPipeline(c.input, c.start, limits));
        const found = value !== undefined ? analysisProblems(value) : errorProblems(error, c.input);
        problems.push(...found.map((p) => `${label}: ${p}`));
      }
      assert.deepEqual(problems, []);
    });

    it(`a hover's quickRun with the ${name} limits answers honestly or gives up`, () => {
      const problems: string[] = [];
      for (const c of CASES) {
        const label = `${JSON.stringify(c.input.slice(0, 50))} at ${c.start.join(',')} (${c.note})`;
        const problems0 = createProblemCache(limits);
        const { value, error } = outcomeOf(() =>
          quickRun(problems0, c.input, optionsAt(c.start, 50), HOVER_BUDGET_MS, limits),
        );
        if (value === undefined) problems.push(...errorProblems(error, c.input).map((p) => `${label}: ${p}`));
        else if (value !== null) {
          problems.push(
            ...runProblems(value.result, DEFAULT_STOP.gradientTolerance).map((p) => `${label}: ${p}`),
          );
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
