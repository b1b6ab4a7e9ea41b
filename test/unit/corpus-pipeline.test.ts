// Issue 5 through the whole engine: every corpus input through analyze (with the landscape) under the
// extension's and the CLI's limits, and through a hover's quickRun. Each must end in a readable
// FormulaError or in a run whose stop reason agrees with its numbers, within the CPU budgets.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_LIMITS } from '../../src/cli/main';
import { analyze, quickRun } from '../../src/engine/analyze';
import { DEFAULT_LIMITS, type EngineLimits } from '../../src/engine/limits';
import { clearProblemCache } from '../../src/engine/problemCache';
import { DEFAULT_STOP } from '../../src/engine/settings';
import { FormulaError, type Analysis, type RunOptions, type RunResult } from '../../src/engine/types';
import { generatedEntries, type CorpusEntry } from '../corpus/generated';

interface Case {
  readonly input: string;
  readonly start: readonly number[];
  readonly note: string;
}

const file = JSON.parse(readFileSync(join(__dirname, '..', 'corpus', 'bad-inputs.json'), 'utf8')) as {
  entries: CorpusEntry[];
};
const wide = (n: number, term: (i: number) => string, sep: string): string =>
  Array.from({ length: n }, (_, i) => term(i + 1)).join(sep);

/** The issue's numeric cases, at the points where they are undefined, flat or overflow. */
const NUMERIC: readonly Case[] = [
  { input: 'abs(x)', start: [0], note: 'abs at its kink' },
  { input: 'log(x)', start: [0], note: 'log at 0' },
  { input: 'log(x)', start: [-2], note: 'log at a negative x' },
  { input: '1/x', start: [0], note: '1/x at its pole' },
  { input: 'exp(exp(x))', start: [5], note: 'overflow' },
  { input: 'exp(exp(x))', start: [1], note: 'fast growth' },
  { input: 'sqrt(x)', start: [-1], note: 'sqrt at a negative x' },
  { input: 'sqrt(x)', start: [0], note: 'sqrt at 0' },
  { input: '0*x + 3', start: [1], note: 'constant formula' },
  { input: 'x - x', start: [2], note: 'cancelling formula' },
  { input: '1e308*x', start: [1], note: 'huge coefficient' },
  { input: '1e308*x^2', start: [1e10], note: 'overflow at the start' },
  { input: 'x^2', start: [1e200], note: 'huge start' },
  { input: '-x^2', start: [1], note: 'unbounded below' },
  { input: wide(200, (i) => `x_${i}`, '*'), start: [1], note: 'product of 200 variables' },
  { input: wide(1000, (i) => `x_${i}^2`, '+'), start: [1], note: '1,000-variable sum of squares' },
  { input: `(${wide(1000, (i) => `x_${i}`, '+')})^2`, start: [0], note: 'square of a 1,000-variable sum' },
  {
    input: wide(600, (i) => `(x_${i}-x_${i + 1})^2`, '+'),
    start: [0],
    note: 'chain of 601 variables at its minimum',
  },
];

const CASES: readonly Case[] = [
  ...[...file.entries, ...generatedEntries()].map((e) => ({
    input: e.input,
    start: [1],
    note: e.note ?? '',
  })),
  ...NUMERIC,
];

const LIMITS: readonly (readonly [string, EngineLimits])[] = [
  ['extension', DEFAULT_LIMITS],
  ['CLI', CLI_LIMITS],
];

const ANALYZE_CPU_MS = 1000;
const HOVER_CPU_MS = 50;
const HOVER_BUDGET_MS = 10;

function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

function optionsAt(start: readonly number[], traceLimit: number): RunOptions {
  return { start, optimizer: {}, stop: {}, maximize: false, traceLimit, fitStart: true };
}

/** Runs `work` from a cold cache and returns its CPU time; a second try absorbs a GC pause or a busy compiler thread. */
function timed<T>(work: () => T): { value?: T; error?: unknown; ms: number } {
  let best: { value?: T; error?: unknown; ms: number } = { ms: Infinity };
  for (let attempt = 0; attempt < 2 && best.ms > 0; attempt++) {
    clearProblemCache();
    const started = process.cpuUsage();
    let outcome: { value?: T; error?: unknown };
    try {
      outcome = { value: work() };
    } catch (error) {
      outcome = { error };
    }
    const ms = cpuMs(started);
    if (ms < best.ms) best = { ...outcome, ms };
    if (ms <= HOVER_CPU_MS) break;
  }
  return best;
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

function analysisProblems(analysis: Analysis): string[] {
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
    it(`analyze with the ${name} limits gives a FormulaError or an honest run within ${ANALYZE_CPU_MS} ms of CPU each`, () => {
      const problems: string[] = [];
      for (const c of CASES) {
        const label = `${JSON.stringify(c.input.slice(0, 50))} at ${c.start.join(',')} (${c.note})`;
        const { value, error, ms } = timed(() =>
          analyze({ formula: c.input, options: optionsAt(c.start, 500), landscape: true }, limits),
        );
        if (ms > ANALYZE_CPU_MS) problems.push(`${label}: took ${ms.toFixed(0)} ms of CPU`);
        const found = value !== undefined ? analysisProblems(value) : errorProblems(error, c.input);
        problems.push(...found.map((p) => `${label}: ${p}`));
      }
      assert.deepEqual(problems, []);
    });

    it(`a hover's quickRun with the ${name} limits answers or gives up within ${HOVER_CPU_MS} ms of CPU each`, () => {
      const problems: string[] = [];
      for (const c of CASES) {
        const label = `${JSON.stringify(c.input.slice(0, 50))} at ${c.start.join(',')} (${c.note})`;
        const { value, error, ms } = timed(() =>
          quickRun(c.input, optionsAt(c.start, 50), HOVER_BUDGET_MS, limits),
        );
        if (ms > HOVER_CPU_MS) problems.push(`${label}: took ${ms.toFixed(0)} ms of CPU`);
        if (value === undefined) problems.push(...errorProblems(error, c.input).map((p) => `${label}: ${p}`));
        else if (value !== null) {
          problems.push(...runProblems(value, DEFAULT_STOP.gradientTolerance).map((p) => `${label}: ${p}`));
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
