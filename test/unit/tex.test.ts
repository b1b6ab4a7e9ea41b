// Formulas as LaTeX for the panel (src/engine/tex.ts): the person's names as they would write them.
import * as assert from 'node:assert/strict';
import { parseFormula } from '../../src/engine/parse';
import { expressionTex, nameTex, nameText, textTex } from '../../src/engine/tex';

const tex = (formula: string) => expressionTex(parseFormula(formula).expression).replace(/\s+/g, '');

describe('formulas as LaTeX', () => {
  it('writes names as a person would: Greek letters, subscripts, words in italics', () => {
    assert.equal(nameTex('theta_0'), '\\theta_{0}');
    assert.equal(nameTex('x12'), 'x_{12}');
    assert.equal(nameTex('w_ij'), 'w_{\\mathit{ij}}');
    assert.equal(nameTex('lambda'), '\\lambda');
    assert.equal(nameTex('lr'), '\\mathit{lr}');
    assert.equal(nameTex('b'), 'b');
    assert.equal(nameTex('θ'), 'θ');
  });

  it('writes names as plain text a person would: Greek letters and digit subscripts', () => {
    assert.equal(nameText('theta_0'), 'θ₀');
    assert.equal(nameText('theta12'), 'θ₁₂');
    assert.equal(nameText('x1'), 'x₁');
    assert.equal(nameText('x_10'), 'x₁₀');
    assert.equal(nameText('lambda'), 'λ');
    assert.equal(nameText('epsilon'), 'ϵ');
    assert.equal(nameText('varphi'), 'φ');
    assert.equal(nameText('Omega'), 'Ω');
    // Letter subscripts and longer words stay as written.
    assert.equal(nameText('w_ij'), 'w_ij');
    assert.equal(nameText('lr'), 'lr');
    assert.equal(nameText('lr2'), 'lr2');
    assert.equal(nameText('b'), 'b');
  });

  it('typesets whole formulas, with implicit products unmarked and no unit faces', () => {
    assert.equal(tex('L(w, b) = (w - 3)^2 + 10b^2'), '{\\left(w-3\\right)}^{2}+10~{b}^{2}');
    // The parser makes 1/2 θ₀² an explicit product (mathjs reads it as (1/2)·θ₀²).
    assert.equal(tex('f(theta_0) = 1/2 theta_0^2'), '\\frac{1}{2}\\cdot{\\theta_{0}}^{2}');
    // An explicit product keeps its dot, and the name after it does not run into \cdot.
    assert.equal(tex('x1 * lr'), 'x_{1}\\cdot\\mathit{lr}');
    assert.match(expressionTex(parseFormula('2 * x').expression), /\\cdot x/);
  });

  it('typesets the text of a derivative, and writes text that does not parse as text', () => {
    assert.equal(textTex('2 * (w - 3)').replace(/\s+/g, ''), '2\\cdot\\left(w-3\\right)');
    assert.equal(textTex('∂/∂x by central differences'), '\\text{∂/∂x by central differences}');
    assert.equal(textTex('a {b} $c'), '\\text{a  b   c}');
  });
});
