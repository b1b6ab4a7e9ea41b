import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { kernelOf } from '../../src/engine/compile';
import { emitBlock, formatNumber } from '../../src/engine/compile/emit';
import { IrBuilder } from '../../src/engine/compile/ir';
import { centralDifference } from '../../src/engine/compile/numeric';
import { parseExpression } from '../../src/engine/math';
import { FormulaError, type Problem } from '../../src/engine/types';
import { problemOf } from './problemOf';

function gradientAt(problem: Problem, point: number[]): { value: number; gradient: number[] } {
  const out = new Float64Array(problem.dimension);
  const value = problem.valueAndGradient(Float64Array.from(point), out);
  return { value, gradient: Array.from(out) };
}

function close(actual: number, expected: number, relative: number): void {
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected)),
    `${actual} vs ${expected}`,
  );
}

describe('compileFormula', () => {
  it('evaluates Rosenbrock and its symbolic gradient', () => {
    const p = problemOf('(1 - x)^2 + 100*(y - x^2)^2', ['x', 'y']);
    const [x, y] = [-1.2, 1];
    const { value, gradient } = gradientAt(p, [x, y]);
    close(value, (1 - x) ** 2 + 100 * (y - x * x) ** 2, 1e-14);
    close(gradient[0], -2 * (1 - x) - 400 * x * (y - x * x), 1e-14);
    close(gradient[1], 200 * (y - x * x), 1e-14);
    assert.equal(p.value(Float64Array.of(x, y)), value);
    assert.equal(p.gradientMethod, 'symbolic');
  });

  it('shares subexpressions, folds constants and turns x^2 into a product', () => {
    const kernel = kernelOf(problemOf('(1 - x)^2 + 100*(y - x^2)^2', ['x', 'y']));
    assert.ok(kernel);
    const source = [...kernel.statements, kernel.valueExpression, ...kernel.gradientExpressions].join('\n');
    assert.ok(!source.includes('Math.pow'), source);
    assert.ok(!/\(2 - 1\)|\b0 \*|\* 1\b/.test(source), source);
    // (1 - x) and (y - x^2) each appear once as a shared local.
    assert.equal(kernel.statements.filter((s) => s.includes('(1 - v0)')).length, 1, source);
    assert.equal(kernel.statements.filter((s) => s.includes('(v1 - (v0 * v0))')).length, 1, source);
  });

  it('keeps non-integer and large powers as Math.pow and evaluates them', () => {
    const p = problemOf('x^2.5 + x^7', ['x']);
    const { value, gradient } = gradientAt(p, [1.3]);
    close(value, 1.3 ** 2.5 + 1.3 ** 7, 1e-14);
    close(gradient[0], 2.5 * 1.3 ** 1.5 + 7 * 1.3 ** 6, 1e-13);
  });

  it('compiles constants and table functions, including ones only derivatives use', () => {
    const p = problemOf('tanh(x) + pi * sin(y) + e^x + log(x, 2)', ['x', 'y']);
    const [x, y] = [0.7, -0.4];
    const { value, gradient } = gradientAt(p, [x, y]);
    close(value, Math.tanh(x) + Math.PI * Math.sin(y) + Math.exp(x) + Math.log2(x), 1e-14);
    close(gradient[0], 1 / Math.cosh(x) ** 2 + Math.exp(x) + 1 / (x * Math.LN2), 1e-13);
    close(gradient[1], Math.PI * Math.cos(y), 1e-14);
  });

  it('falls back to central differences per partial where no derivative rule applies', () => {
    // huberSlope is a helper only derivatives call: no rule differentiates it again.
    const p = problemOf('huberSlope(y, 1) + x^2', ['x', 'y']);
    assert.equal(p.gradientMethod, 'numeric');
    const { gradient } = gradientAt(p, [1.5, 0.5]);
    assert.equal(gradient[0], 3);
    close(gradient[1], 1, 1e-9);
    assert.equal(kernelOf(p), undefined);
    assert.match(p.gradientText()[1], /central differences/);
  });

  it('central differences are accurate on a smooth function and leave x untouched', () => {
    const x = Float64Array.of(0.3, 2);
    const d = centralDifference((v) => Math.sin(v[0]) * v[1] ** 3, x, 1, new Float64Array(2));
    close(d, Math.sin(0.3) * 3 * 4, 1e-9);
    assert.deepEqual(Array.from(x), [0.3, 2]);
  });

  it('simplifies the gradient text lazily and caches it', () => {
    const p = problemOf('2 * x^2 + 3*x*y', ['x', 'y']);
    const text = p.gradientText();
    assert.deepEqual(text, ['4 * x + 3 * y', '3 * x']);
    assert.equal(p.gradientText(), text);
  });

  it('rejects node kinds, names and operators outside the tables', () => {
    for (const text of [
      'a.b + x',
      '[1, 2] + x',
      'x == 2',
      'foo(x)',
      'x + q',
      'x!',
      '"s" + x',
      'x ? 1 : 2',
      'x mod 2',
    ]) {
      assert.throws(
        () => problemOf(text, ['x']),
        (e: unknown) => e instanceof FormulaError && e.code === 'not-allowed',
        text,
      );
    }
  });

  it('formats literals from numbers only', () => {
    assert.equal(formatNumber(-2.5), '(-2.5)');
    assert.equal(formatNumber(1e-300), '1e-300');
    assert.equal(formatNumber(-0), '(-0)');
    assert.throws(() => formatNumber('1; process.exit()' as unknown as number));
  });

  it('emits every node kind, re-checking function names against the table', () => {
    const builder = new IrBuilder(['x']);
    const id = builder.fromMath(parseExpression('sin(x) * sin(x) + 3'));
    const block = emitBlock(builder.nodes, [id]);
    assert.deepEqual(block.statements, [
      `const t${builder.nodes.findIndex((n) => n.kind === 'call')} = Math.sin(v0);`,
    ]);
    assert.throws(() => emitBlock([{ kind: 'call', name: 'constructor', args: [] }], [0]));
  });

  it('symbolic gradients agree with central differences on random smooth expressions', () => {
    const leaf = fc.oneof(
      fc.constantFrom('x', 'y', 'z'),
      fc.double({ min: -3, max: 3, noNaN: true }).map((v) => `(${v.toFixed(3)})`),
    );
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc
          .tuple(fc.constantFrom('sin', 'cos', 'atan', 'tanh', 'exp'), tie('e'))
          .map(([f, a]) => `${f}(${a} / 4)`),
        fc.tuple(tie('e'), fc.integer({ min: 0, max: 4 })).map(([a, n]) => `(${a})^${n}`),
        tie('e').map((a) => `sqrt(1 + (${a})^2)`),
      ),
    })).e;
    const point = fc.tuple(
      fc.double({ min: -1.5, max: 1.5, noNaN: true }),
      fc.double({ min: -1.5, max: 1.5, noNaN: true }),
      fc.double({ min: -1.5, max: 1.5, noNaN: true }),
    );
    fc.assert(
      fc.property(expr, point, (text, xs) => {
        const p = problemOf(text, ['x', 'y', 'z']);
        const x = Float64Array.from(xs);
        const { value, gradient } = gradientAt(p, xs);
        const reference = parseExpression(text)
          .compile()
          .evaluate({ x: xs[0], y: xs[1], z: xs[2] }) as number;
        if (!Number.isFinite(reference) || Math.abs(reference) > 1e6) return;
        close(value, reference, 1e-9);
        const scratch = new Float64Array(3);
        for (let i = 0; i < 3; i++) {
          const numeric = centralDifference((v) => p.value(v), x, i, scratch);
          const scale = Math.max(1, Math.abs(value), Math.abs(numeric));
          assert.ok(
            Math.abs(gradient[i] - numeric) <= 1e-5 * scale,
            `${text} ∂${i}: ${gradient[i]} vs ${numeric}`,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
