// Words and numbers the panel shows: worked steps as the seed writes them by hand, numbers,
// stop reasons, the start-point parser and the iteration tables.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/engine/analyze';
import { formatCell, iterationsCsv, iterationsMarkdown } from '../../src/extension/panel/table';
import {
  formatNumber,
  formatPoint,
  parseNumberList,
  runOutcomeText,
  stopReasonText,
  subscript,
  workedStepLines,
} from '../../src/webview/format';

const OPTIONS = {
  start: [1],
  optimizer: { name: 'gd' as const, lr: 0.1 },
  stop: { maxIterations: 50 },
  maximize: false,
  traceLimit: 100,
};

describe('worked steps and formatting', () => {
  it('writes out the seed example f(x) = 2x² from x₀ = 1 with η = 0.1: x₁ = 0.6, x₂ = 0.36', () => {
    const analysis = analyze({ formula: '2x^2', options: OPTIONS, steps: 2 });
    const steps = analysis.steps ?? [];
    assert.equal(steps.length, 2);
    const first = workedStepLines(steps[0], ['x'], 'gd', false);
    assert.ok(first.includes('x₁ = x₀ − η·f′(x₀) = 1 − 0.1·4 = 0.6'), first.join('\n'));
    const second = workedStepLines(steps[1], ['x'], 'gd', false);
    assert.ok(second.includes('x₂ = x₁ − η·f′(x₁) = 0.6 − 0.1·2.4 = 0.36'), second.join('\n'));
  });

  it('shows intermediate quantities for momentum and a final line that checks out', () => {
    const analysis = analyze({
      formula: 'x^2 + y^2',
      options: { ...OPTIONS, start: [1, -2], optimizer: { name: 'momentum', lr: 0.1 } },
      steps: 2,
    });
    const lines = workedStepLines(analysis.steps![1], ['x', 'y'], 'momentum', false);
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
    const lines = workedStepLines(analysis.steps![0], ['x'], 'gd', true);
    assert.ok(
      lines.some((l) => l.startsWith('x₁ = x₀ + η·f′(x₀) = 1 + 0.1·(−2) = 0.8')),
      lines.join('\n'),
    );
  });

  it("writes Adam's step with the run's η and u = m̂/(√v̂ + ε), as the listed quantities give it", () => {
    const options = { ...OPTIONS, optimizer: { name: 'adam' as const, lr: 0.1 } };
    const analysis = analyze({ formula: 'x^4 - 3x^2 + x', options, steps: 2 });
    const [first, second] = analysis.steps!.map((step) =>
      workedStepLines(step, ['x'], 'adam', false, analysis.run.learningRate),
    );
    // f′(1) = −1: m̂₁ = −1, v̂₁ = 1, so x₁ = 1 − 0.1·(−1) = 1.1 (the engine's step size η/(1 − β₁) = 1 is no η).
    assert.ok(first.includes('x₁ = x₀ − η·u = 1 − 0.1·(−1) = 1.1'), first.join('\n'));
    const quantity = (symbol: string): number =>
      analysis.steps![1].quantities.find((q) => q.symbol === symbol)!.value[0];
    const u = quantity('m̂') / (Math.sqrt(quantity('v̂')) + 1e-8);
    const line = second.find((l) => l.startsWith('x₂ ='))!;
    assert.ok(line.includes(`− 0.1·(${formatNumber(u)})`), `${line} should use u = ${u}`);
  });

  it('writes a maximizing optimizer step as x − η·u with u from −∇f, matching the momentum buffer shown', () => {
    const options = { ...OPTIONS, maximize: true, optimizer: { name: 'momentum' as const, lr: 0.1 } };
    const analysis = analyze({ formula: '-x^2', options, steps: 1 });
    const lines = workedStepLines(analysis.steps![0], ['x'], 'momentum', true, analysis.run.learningRate);
    // f′(1) = −2; ascent negates it: buf₁ = 2 and x₁ = 1 − 0.1·2 = 0.8.
    assert.ok(lines.includes('buf₁ = 2'), lines.join('\n'));
    assert.ok(lines.includes('x₁ = x₀ − η·u = 1 − 0.1·2 = 0.8'), lines.join('\n'));
  });

  it('formats numbers for people', () => {
    assert.equal(formatNumber(0.6000000000000001), '0.6');
    assert.equal(formatNumber(-2.5), '−2.5');
    assert.equal(formatNumber(1.234e-9), '1.234e−9');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatNumber(NaN), 'NaN');
    assert.equal(subscript(12), '₁₂');
  });

  it('formats by the shared rule: exponent from 10^digits, every minus typographic, digits kept in exponent form', () => {
    assert.equal(formatNumber(999999), '999999');
    assert.equal(formatNumber(1.5e7), '1.5e7');
    assert.equal(formatNumber(-2.5e-5), '−2.5e−5');
    assert.equal(formatNumber(1.23456e-9, 3), '1.23e−9');
    assert.equal(formatNumber(1234.5678, 4), '1235');
    assert.equal(formatNumber(12345.678, 4), '1.235e4');
    assert.equal(formatNumber(-Infinity), '−∞');
    assert.equal(formatPoint([1, -2.5e-5]), '(1, −2.5e−5)');
    assert.equal(formatPoint([0.36]), '0.36');
  });

  it('says why a run stopped', () => {
    assert.match(stopReasonText('diverged', 7), /Diverged at iteration 7.*smaller learning rate/);
    assert.match(stopReasonText('gradient-tolerance', 1), /Converged in 1 iteration:/);
  });

  it('says a smaller learning rate will not help when f ran off the way descent goes', () => {
    const saddle = analyze({
      formula: 'x^2 - y^2',
      options: {
        start: [1, 1],
        optimizer: { name: 'gd', lr: 0.1 },
        stop: { maxIterations: 5000 },
        maximize: false,
        traceLimit: 50,
      },
    }).run;
    assert.match(
      runOutcomeText(saddle),
      /^Diverged at iteration \d+: f fell without bound \(towards −∞\), so it has no minimum along this path; a smaller learning rate only slows the fall\.$/,
    );
    const climb = { ...saddle, unbounded: 'above' as const };
    assert.match(
      runOutcomeText(climb),
      /f rose without bound \(towards \+∞\), so it has no maximum along this path/,
    );
    const overshoot = analyze({
      formula: 'x^2',
      options: {
        start: [1],
        optimizer: { name: 'gd', lr: 1.5 },
        stop: { maxIterations: 5000 },
        maximize: false,
        traceLimit: 50,
      },
    }).run;
    assert.equal(runOutcomeText(overshoot), stopReasonText('diverged', overshoot.iterations));
    assert.match(runOutcomeText(overshoot), /Try a smaller learning rate/);
  });

  it('parses start points and refuses text that is not numbers', () => {
    assert.deepEqual(parseNumberList('1, −2.5  3'), [1, -2.5, 3]);
    assert.equal(parseNumberList('1, x'), undefined);
    assert.equal(parseNumberList('  '), undefined);
  });

  it('reads back the start points it writes, exponents included', () => {
    const start = [-1.2, 1e-7, -2.5e-12, 3e15];
    assert.deepEqual(parseNumberList(start.map((v) => formatNumber(v, 12)).join(', ')), start);
  });

  it('writes table cells with 6 digits and an ASCII minus, exponent form from 1e6 and below 1e-4', () => {
    assert.equal(formatCell(-0.6), '-0.6');
    assert.equal(formatCell(123456.789), '123457');
    assert.equal(formatCell(1234567), '1.23457e6');
    assert.equal(formatCell(2e6), '2e6');
    assert.equal(formatCell(1e-5), '1e-5');
    assert.equal(formatCell(-2.5e-5), '-2.5e-5');
    assert.equal(formatCell(-Infinity), '-∞');
    assert.equal(formatCell(NaN), 'NaN');
    assert.equal(formatCell(-0), '0');
  });

  it('builds Markdown and CSV tables of the iterations', () => {
    const run = analyze({ formula: '2x^2', options: OPTIONS }).run;
    const md = iterationsMarkdown(run, 3).trim().split('\n');
    assert.deepEqual(md.slice(0, 2), ['| k | x | f | ‖∇f‖ |', '| --- | --- | --- | --- |']);
    assert.equal(md[3], '| 1 | 0.6 | 0.72 | 2.4 |');
    assert.equal(md.length, 5);
    const fromLeft = iterationsMarkdown(
      analyze({ formula: '2x^2', options: { ...OPTIONS, start: [-1] } }).run,
      2,
    )
      .trim()
      .split('\n');
    assert.equal(fromLeft[3], '| 1 | -0.6 | 0.72 | 2.4 |');
    const csv = iterationsCsv(run).trim().split('\n');
    assert.equal(csv[0], 'k,x,f,grad_norm');
    assert.equal(csv.length, run.trace.length + 1);
  });
});
