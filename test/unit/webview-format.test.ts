// Words and numbers the panel shows: worked steps as the seed writes them by hand, numbers and the
// start-point parser.
import * as assert from 'node:assert/strict';
import { resolveLimits } from '../../src/engine/limits';
import type { RunOptions } from '../../src/engine/types';
import { createProblemCache } from '../../src/host/problemCache';
import { toStepsWire } from '../../src/shared/wire';
import { computeJob } from '../../src/usecases/jobs';
import { resolveRunOptions } from '../../src/usecases/runOptions';
import {
  criticalNote,
  formatNumber,
  formatPoint,
  parseNumberList,
  subscript,
} from '../../src/webview/format';
import { symbolTex, workedStepLines, workedStepTex } from '../../src/webview/workedSteps';

const OPTIONS = {
  start: [1],
  optimizer: { name: 'gd' as const, lr: 0.1 },
  stop: { maxIterations: 50 },
  maximize: false,
  traceLimit: 100,
};

/** The engine's worked steps of a formula (and its run's η), as the panel receives them. */
function analyze(request: { formula: string; options: RunOptions; steps: number }) {
  const limits = resolveLimits();
  const ctx = { problems: createProblemCache(limits), limits };
  const info = computeJob({ kind: 'formula', formula: request.formula }, ctx);
  const options = resolveRunOptions(request.options, info.variables.length, limits);
  const steps = toStepsWire(
    computeJob({ kind: 'steps', formula: request.formula, options, count: request.steps }, ctx),
  );
  return { steps, run: { learningRate: options.optimizer.lr! } };
}

describe('worked steps and formatting', () => {
  it('writes out the seed example f(x) = 2x² from x₀ = 1 with η = 0.1: x₁ = 0.6, x₂ = 0.36', () => {
    const analysis = analyze({ formula: '2x^2', options: OPTIONS, steps: 2 });
    const steps = analysis.steps;
    assert.equal(steps.length, 2);
    const first = workedStepLines(steps[0]!, ['x'], 'gd', false);
    assert.ok(first.includes('x₁ = x₀ − η·f′(x₀) = 1 − 0.1·4 = 0.6'), first.join('\n'));
    const second = workedStepLines(steps[1]!, ['x'], 'gd', false);
    assert.ok(second.includes('x₂ = x₁ − η·f′(x₁) = 0.6 − 0.1·2.4 = 0.36'), second.join('\n'));
  });

  it("writes the person's names: their function's, and an iteration on a subscripted name as a superscript", () => {
    // L(θ₀) = θ₀² from θ₀ = 1 at η = 0.1: L′ = 2θ₀ = 2, θ₀⁽¹⁾ = 1 − 0.1·2 = 0.8.
    const { steps } = analyze({ formula: 'L(theta_0) = theta_0^2', options: OPTIONS, steps: 1 });
    const lines = workedStepLines(steps[0]!, ['θ₀'], 'gd', false, 0.1, 'L');
    assert.deepEqual(lines, [
      'L(θ₀⁽⁰⁾) = 1',
      'L′(θ₀⁽⁰⁾) = 2',
      'θ₀⁽¹⁾ = θ₀⁽⁰⁾ − η·L′(θ₀⁽⁰⁾) = 1 − 0.1·2 = 0.8',
    ]);
  });

  it('writes the same step as LaTeX for typesetting: 2x² from 1 at η = 0.1, and θ₀ with its own subscript', () => {
    const { steps } = analyze({ formula: '2x^2', options: OPTIONS, steps: 1 });
    assert.deepEqual(workedStepTex(steps[0]!, { fn: 'f', variables: ['x'] }, 'gd', false), [
      'f(x_{0}) = 2',
      "f'(x_{0}) = 4",
      "x_{1} = x_{0} - \\eta\\cdot f'(x_{0}) = 1 - 0.1\\cdot 4 = 0.6",
    ]);
    const theta = analyze({ formula: 'L(theta_0) = theta_0^2', options: OPTIONS, steps: 1 }).steps[0]!;
    assert.equal(
      workedStepTex(theta, { fn: 'L', variables: ['\\theta_{0}'] }, 'gd', false).at(-1),
      "{\\theta_{0}}^{(1)} = {\\theta_{0}}^{(0)} - \\eta\\cdot L'({\\theta_{0}}^{(0)}) = 1 - 0.1\\cdot 2 = 0.8",
    );
  });

  it("writes an optimizer's quantities as LaTeX symbols: m̂, v_max, buf", () => {
    assert.equal(symbolTex('m\u0302'), '\\hat{m}');
    assert.equal(symbolTex('v_max'), 'v_{\\mathrm{max}}');
    assert.equal(symbolTex('buf'), '\\mathit{buf}');
    assert.equal(symbolTex('m'), 'm');
  });

  it('shows intermediate quantities for momentum and a final line that checks out', () => {
    const analysis = analyze({
      formula: 'x^2 + y^2',
      options: { ...OPTIONS, start: [1, -2], optimizer: { name: 'momentum', lr: 0.1 } },
      steps: 2,
    });
    const lines = workedStepLines(analysis.steps[1]!, ['x', 'y'], 'momentum', false);
    assert.ok(
      lines.some((l) => /^buf|^b/.test(l)),
      lines.join('\n'),
    );
    const xLine = lines.find((l) => l.startsWith('x₂ ='))!;
    const [, x, lr, u, next] = /= (\S+) − (\S+)·\(?(\S+?)\)? = (\S+)$/
      .exec(xLine.replace(/−(?=\d)/g, '-'))!
      .map((s) => s.replace(/−/g, '-'));
    assert.ok(Math.abs(Number(x) - Number(lr) * Number(u) - Number(next)) < 1e-4, xLine);
  });

  it('writes gradient ascent with a plus sign', () => {
    const analysis = analyze({ formula: '-x^2', options: { ...OPTIONS, maximize: true }, steps: 1 });
    const lines = workedStepLines(analysis.steps[0]!, ['x'], 'gd', true);
    assert.ok(
      lines.some((l) => l.startsWith('x₁ = x₀ + η·f′(x₀) = 1 + 0.1·(−2) = 0.8')),
      lines.join('\n'),
    );
  });

  it("writes Adam's step with the run's η and u = m̂/(√v̂ + ε), as the listed quantities give it", () => {
    const options = { ...OPTIONS, optimizer: { name: 'adam' as const, lr: 0.1 } };
    const analysis = analyze({ formula: 'x^4 - 3x^2 + x', options, steps: 2 });
    const [first, second] = analysis.steps.map((step) =>
      workedStepLines(step, ['x'], 'adam', false, analysis.run.learningRate),
    );
    // f′(1) = −1: m̂₁ = −1, v̂₁ = 1, so x₁ = 1 − 0.1·(−1) = 1.1 (the engine's step size η/(1 − β₁) = 1 is no η).
    assert.ok(first.includes('x₁ = x₀ − η·u = 1 − 0.1·(−1) = 1.1'), first.join('\n'));
    const quantity = (symbol: string): number =>
      analysis.steps[1]!.quantities.find((q) => q.symbol === symbol)!.value[0]!;
    const u = quantity('m̂') / (Math.sqrt(quantity('v̂')) + 1e-8);
    const line = second.find((l) => l.startsWith('x₂ ='))!;
    assert.ok(line.includes(`− 0.1·(${formatNumber(u)})`), `${line} should use u = ${u}`);
  });

  it('writes a maximizing optimizer step as x − η·u with u from −∇f, matching the momentum buffer shown', () => {
    const options = { ...OPTIONS, maximize: true, optimizer: { name: 'momentum' as const, lr: 0.1 } };
    const analysis = analyze({ formula: '-x^2', options, steps: 1 });
    const lines = workedStepLines(analysis.steps[0]!, ['x'], 'momentum', true, analysis.run.learningRate);
    // f′(1) = −2; ascent negates it: buf₁ = 2 and x₁ = 1 − 0.1·2 = 0.8.
    assert.ok(lines.includes('buf₁ = 2'), lines.join('\n'));
    assert.ok(lines.includes('x₁ = x₀ − η·u = 1 − 0.1·2 = 0.8'), lines.join('\n'));
  });

  it('formats numbers for people', () => {
    assert.equal(formatNumber(0.6000000000000001), '0.6');
    assert.equal(formatNumber(-2.5), '−2.5');
    assert.equal(formatNumber(1.234e-9), '1.234×10⁻⁹');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatNumber(NaN), 'NaN');
    assert.equal(subscript(12), '₁₂');
  });

  it('formats by the shared rule: exponent from 10^digits, every minus typographic, digits kept in exponent form', () => {
    assert.equal(formatNumber(999999), '999999');
    assert.equal(formatNumber(1.5e7), '1.5×10⁷');
    assert.equal(formatNumber(-2.5e-5), '−2.5×10⁻⁵');
    assert.equal(formatNumber(1.23456e-9, 3), '1.23×10⁻⁹');
    assert.equal(formatNumber(1234.5678, 4), '1235');
    assert.equal(formatNumber(12345.678, 4), '1.235×10⁴');
    assert.equal(formatNumber(-Infinity), '−∞');
    assert.equal(formatPoint([1, -2.5e-5]), '(1, −2.5×10⁻⁵)');
    assert.equal(formatPoint([0.36]), '0.36');
  });

  it("words the sweep's critical η: 2/λmax, none when λmax ≤ 0, not known when the budget cut λmax", () => {
    assert.equal(
      criticalNote({ lambdaMax: 4, criticalLearningRate: 0.5 }),
      'Critical learning rate 2/λmax = 0.5 (λmax = 4); beyond it plain gradient descent diverges near the start.',
    );
    assert.equal(
      criticalNote({ lambdaMax: -2 }),
      'λmax = −2 ≤ 0 at the start: no finite critical learning rate.',
    );
    assert.match(
      criticalNote({ lambdaMax: NaN, lambdaMaxCut: true }),
      /^λmax is not known: the time budget ran out/,
    );
  });

  it('parses start points and refuses text that is not numbers', () => {
    assert.deepEqual(parseNumberList('1, −2.5  3'), [1, -2.5, 3]);
    assert.equal(parseNumberList('1, x'), undefined);
    assert.equal(parseNumberList('  '), undefined);
    // Numbers as the panel writes them in prose, pasted back.
    assert.deepEqual(parseNumberList('2.5×10⁻⁵, −10⁷, 10¹²'), [2.5e-5, -1e7, 1e12]);
    assert.equal(parseNumberList('2.5×10'), undefined);
  });

  it('reads back the start points it writes, exponents included', () => {
    const start = [-1.2, 1e-7, -2.5e-12, 3e15];
    assert.deepEqual(parseNumberList(start.map((v) => formatNumber(v, 12)).join(', ')), start);
  });
});
