// Issue 10 §5: runs that cannot crash, hang or run past their budget. Nesting is refused at a
// depth the parser, the derivative and the code generator all survive; every step of a run counts
// against its time budget (shown with budgets that started long ago, never by timing this machine);
// a trace that `--trace all` had to cut says so.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { runCli } from '../../src/cli/main';
import { compileFormula } from '../../src/engine/compile';
import { runDescent } from '../../src/engine/descent';
import { parseFormula } from '../../src/engine/parse';
import { MAX_NESTING_DEPTH } from '../../src/engine/parse/allowList';
import { FormulaError, type RunOptions } from '../../src/engine/types';

/** The shapes of deep input the issue found, `depth` operations deep. */
const SHAPES: Readonly<Record<string, (depth: number) => string>> = {
  'x^x^…': (d) =>
    Array(d + 1)
      .fill('x')
      .join('^'),
  'x/x/…': (d) =>
    Array(d + 1)
      .fill('x')
      .join('/'),
  'x*(x*(…': (d) => `${'x*('.repeat(Math.min(d, 90))}x${')'.repeat(Math.min(d, 90))}`,
  '\\sin\\sin…': (d) => `$${'\\sin '.repeat(d)}x$`,
  'sin sin …': (d) => `${'sin '.repeat(d)}x`,
  '\\exp\\cos…': (d) => `$${'\\exp\\cos '.repeat(Math.ceil(d / 2))}x$`,
  '- - …': (d) => `${'-'.repeat(d)}x`,
};

function outcome(text: string): 'ok' | 'too-long' | string {
  try {
    compileFormula(parseFormula(text));
    return 'ok';
  } catch (error) {
    return error instanceof FormulaError ? error.code : `${String(error)}`;
  }
}

describe('bounded: nesting', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`${shape} 600 deep gets a one-line message`, () => {
      const error = (() => {
        try {
          compileFormula(parseFormula(make(600)));
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      if (shape.startsWith('x*(')) return; // bracket nesting is capped sooner, see below
      assert.ok(error instanceof FormulaError, `${shape}: ${String(error)}`);
      assert.equal(error.code, 'too-long');
      assert.doesNotMatch(error.message, /\n|stack/);
    });
  }

  it('compiles every shape just inside the limit', () => {
    for (const [shape, make] of Object.entries(SHAPES)) {
      assert.equal(outcome(make(MAX_NESTING_DEPTH - 10)), 'ok', shape);
    }
  });

  it('refuses random deep nestings with a typed error, and compiles them when shallow', () => {
    // Each layer wraps the formula so far, in plain text and in LaTeX.
    const layers: readonly (readonly [(u: string) => string, (u: string) => string])[] = [
      [(u) => `sin(${u})`, (u) => `\\sin\\left(${u}\\right)`],
      [(u) => `exp(${u})`, (u) => `e^{${u}}`],
      [(u) => `-(${u})`, (u) => `-\\left(${u}\\right)`],
      [(u) => `2*(${u})`, (u) => `2\\left(${u}\\right)`],
      [(u) => `x^(${u})`, (u) => `x^{${u}}`],
      [(u) => `1/(${u})`, (u) => `\\frac{1}{${u}}`],
      [(u) => `sqrt(${u})`, (u) => `\\sqrt{${u}}`],
      [(u) => `relu(${u})`, (u) => `\\operatorname{relu}\\left(${u}\\right)`],
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: layers.length - 1 }), { minLength: 1, maxLength: 90 }),
        fc.boolean(),
        (picks, latex) => {
          const text = picks.reduce((inner, k) => layers[k][latex ? 1 : 0](inner), 'x');
          const result = outcome(latex ? `$${text}$` : text);
          assert.ok(result === 'ok' || result === 'too-long', `${result}: ${text.slice(0, 80)}`);
          if (picks.length <= 40) assert.equal(result, 'ok', text.slice(0, 80));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps long sums, which are no deeper for the derivative than one term', () => {
    const terms = Array.from({ length: 900 }, (_, i) => `x_${i}^2`).join(' + ');
    assert.equal(outcome(terms), 'ok');
  });
});

describe('bounded: the time budget covers every step', () => {
  const problem = compileFormula(parseFormula('(x - 3)^2 + y^2'));
  const options: RunOptions = {
    start: [0, 1],
    optimizer: {},
    stop: { timeBudgetMs: 100 },
    maximize: false,
    traceLimit: 10,
  };

  it('stops before the first iteration when parsing and compiling used the budget', () => {
    const run = runDescent(problem, { ...options, startedAt: performance.now() - 1e6 });
    assert.deepEqual([run.stopReason, run.iterations, run.budgetCut], ['time-budget', 0, 'iterations']);
    assert.equal(run.stationary, 'not-stationary');
  });

  it('says nothing of a cut when the budget was enough', () => {
    const run = runDescent(problem, options);
    assert.equal(run.stopReason, 'gradient-tolerance');
    assert.equal(run.budgetCut, undefined);
    assert.equal(run.stationary, 'minimum');
  });
});

describe('bounded: the CLI says when a trace was cut', () => {
  function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
    let stdout = '';
    let stderr = '';
    const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('notes a --trace all that kept fewer iterates than the run made, and only then', () => {
    // 600 variables × 8,001 iterates need 4.8 million numbers; a trace holds 4 million.
    const wide = Array.from({ length: 600 }, (_, i) => `x_${i}^2`).join(' + ');
    const cut = cli('run', wide, '--trace', 'all', '--max-iter', '8000', '--tol', '0', '--json');
    assert.equal(cut.code, 0, cut.stderr);
    const { trace, iterations } = JSON.parse(cut.stdout) as { trace: unknown[]; iterations: number };
    assert.equal(iterations, 8000);
    assert.ok(trace.length < 8001);
    assert.match(
      cut.stderr,
      new RegExp(`^note: the trace keeps ${trace.length.toLocaleString('en-US')} of the 8,001 iterates`),
    );
    const whole = cli('run', 'x^2', '--trace', 'all', '--max-iter', '50', '--tol', '0');
    assert.equal(whole.stderr, '');
  });
});
