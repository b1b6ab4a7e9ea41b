import assert from 'node:assert/strict';
import { findMathAt, isCodeLanguage, unwrapMath } from '../../src/engine/extract';

/** Text with a `|` marking the cursor; returns the text without it and the cursor offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'test text needs a | cursor mark');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function mathAt(marked: string, code = false): string | null {
  const { text, offset } = cursor(marked);
  const span = findMathAt(text, offset, { code });
  if (span) assert.ok(text.slice(span.start, span.end).length > 0, 'range is not empty');
  return span ? span.text : null;
}

describe('findMathAt: delimited math', () => {
  it('reads inline $...$ and gives the range inside the delimiters', () => {
    const { text, offset } = cursor('minimize $f(x) = 2x^{|2}$ now');
    const span = findMathAt(text, offset);
    assert.ok(span);
    assert.equal(span.text, 'f(x) = 2x^{2}');
    assert.equal(text.slice(span.start, span.end), 'f(x) = 2x^{2}');
    assert.equal(span.kind, 'inline-dollar');
  });

  it('picks the span under the cursor among several on one line', () => {
    assert.equal(mathAt('Let $a+b$ and $x^2 |+ y$ and $c$.'), 'x^2 + y');
    assert.equal(mathAt('Let $a|+b$ and $x^2 + y$.'), 'a+b');
  });

  it('counts the cursor on a delimiter as inside', () => {
    assert.equal(mathAt('see |$x^2$'), 'x^2');
    assert.equal(mathAt('see $x^2$|'), 'x^2');
  });

  it('finds nothing in prose with dollar amounts', () => {
    assert.equal(mathAt('It costs $5 and |$10 today.'), null);
    assert.equal(mathAt('It costs $5 a|nd $10 today.'), null);
    assert.equal(mathAt('Plain prose with no mat|h at all.'), null);
  });

  it('ignores an escaped dollar', () => {
    assert.equal(mathAt('price \\$5 and \\$|6'), null);
  });

  it('reads $$...$$ over several lines', () => {
    assert.equal(mathAt('text\n$$\n(1-x)^2 + |100(y-x^2)^2\n$$\nmore'), '(1-x)^2 + 100(y-x^2)^2');
  });

  it('reads \\(...\\) and \\[...\\]', () => {
    assert.equal(mathAt('where \\( x^2 |+ 1 \\) holds'), 'x^2 + 1');
    assert.equal(mathAt('\\[\n  \\sin(x) |y\n\\]'), '\\sin(x) y');
  });

  it('does not let inline math run across a blank line', () => {
    assert.equal(mathAt('costs $5\n\nand then x|$ later'), null);
  });

  it('reads a LaTeX equation environment and drops its label', () => {
    assert.equal(
      mathAt('\\begin{equation}\\label{eq:f}\n  f(x) = |x^2 + 3x\n\\end{equation}'),
      'f(x) = x^2 + 3x',
    );
    assert.equal(mathAt('\\begin{equation*} |x^4 \\end{equation*}'), 'x^4');
  });

  it('takes the row under the cursor of an align environment, without & marks', () => {
    const doc =
      '\\begin{align}\n  \\frac{df}{dx} &= 0 = 4x\\newline\n  g(x) &= |(x-1)^2 \\\\\n  h &= y\n\\end{align}';
    assert.equal(mathAt(doc), 'g(x) = (x-1)^2');
    assert.equal(mathAt(doc.replace('|', '').replace('h &= y', 'h &= |y')), 'h = y');
  });

  it('ignores environments that are not math', () => {
    assert.equal(mathAt('\\begin{itemize} \\item x|^2 \\end{itemize}'), null);
  });

  it('reads a fenced math block and nothing in other fences', () => {
    assert.equal(mathAt('# T\n\n```math\nx^2 + |y^2\n```\n'), 'x^2 + y^2');
    assert.equal(mathAt('```python\ncost = "$x$|"\n```\n'), null);
    assert.equal(mathAt('~~~ math\n|e^x\n~~~'), 'e^x');
  });

  it('does not open math inside inline code', () => {
    assert.equal(mathAt('run `echo $HO|ME` and `$x$`'), null);
  });

  it('ignores trailing punctuation of display math', () => {
    assert.equal(mathAt('$$ x^2 + |1 , $$'), 'x^2 + 1');
  });
});

describe('findMathAt: code', () => {
  it('reads the right side of an assignment', () => {
    assert.equal(mathAt('y = 3*x**2 |+ 2*x', true), '3*x**2 + 2*x');
    assert.equal(mathAt('loss: float = (w - 3) ** 2  # squared error|', true), '(w - 3) ** 2');
    assert.equal(mathAt('let loss = (w - 3) ** 2; // js|', true), '(w - 3) ** 2');
  });

  it('reads the body of return, lambda and arrow functions', () => {
    assert.equal(mathAt('def f(x):\n    return x**2 |- 4*x\n', true), 'x**2 - 4*x');
    assert.equal(mathAt('def f(x): return |x**2', true), 'x**2');
    assert.equal(mathAt('f = lambda x, y: x*|y + 1', true), 'x*y + 1');
    assert.equal(mathAt('const f = (x) => |x * x;', true), 'x * x');
    assert.equal(mathAt('function f(x) { return |x * x; }', true), 'x * x');
  });

  it('continues over lines while brackets are open', () => {
    const { text, offset } = cursor('z = (x -| 1)**2 + (\n    100*(y - x**2)**2)\nw = 1');
    const span = findMathAt(text, offset, { code: true });
    assert.ok(span);
    assert.equal(span.text, '(x - 1)**2 + ( 100*(y - x**2)**2)');
    assert.equal(text.slice(span.end), '\nw = 1');
  });

  it('skips comparisons and augmented assignments', () => {
    assert.equal(mathAt('if x =|= 1:', true), null);
    assert.equal(mathAt('x += 1|', true), null);
  });

  it('prefers delimited math in a docstring and reads code only when asked', () => {
    assert.equal(mathAt('"""Minimize $x^2 |+ 1$."""', true), 'x^2 + 1');
    assert.equal(mathAt('y = x|**2', false), null);
  });

  it('classifies languages', () => {
    assert.equal(isCodeLanguage('python'), true);
    assert.equal(isCodeLanguage('markdown'), false);
    assert.equal(isCodeLanguage('latex'), false);
  });
});

describe('findMathAt: robustness', () => {
  it('returns null or a span inside the text for odd inputs', () => {
    const odd = [
      '',
      '$',
      '$$',
      '\\',
      '\\[',
      '\\begin{align}',
      '`',
      '```math',
      '$a',
      '$$ x',
      '\\(x',
      '= ',
      'return',
    ];
    for (const text of odd) {
      for (let offset = 0; offset <= text.length; offset++) {
        for (const code of [false, true]) {
          const span = findMathAt(text, offset, { code });
          if (span) {
            assert.ok(
              span.start >= 0 && span.end <= text.length && span.start < span.end,
              JSON.stringify(text),
            );
          }
        }
      }
    }
  });

  it('clamps offsets outside the text', () => {
    assert.equal(findMathAt('$x$', 99)?.text ?? null, 'x');
    assert.equal(findMathAt('$x$', -5)?.text ?? null, 'x');
  });
});

describe('unwrapMath and outer ranges', () => {
  it('strips the delimiters of a selection that is one math span', () => {
    assert.equal(unwrapMath('  $f(x) = 2x^{2}$ '), 'f(x) = 2x^{2}');
    assert.equal(unwrapMath('\\[ x^2 \\]'), 'x^2');
    assert.equal(unwrapMath('\\begin{equation} x^2 \\label{a} \\end{equation}'), 'x^2');
    assert.equal(unwrapMath('(1-x)^2 + 100(y-x^2)^2'), '(1-x)^2 + 100(y-x^2)^2');
    assert.equal(unwrapMath('$a$ and $b$'), '$a$ and $b$');
  });

  it('gives the region with its delimiters, for inserting below a display', () => {
    const text = 'intro\n$$\nx^2 + 1\n$$\nafter';
    const span = findMathAt(text, text.indexOf('+'));
    assert.ok(span);
    assert.equal(text.slice(span.outerStart, span.outerEnd), '$$\nx^2 + 1\n$$');
    const code = 'y = x**2  # c\nz = 1';
    const stmt = findMathAt(code, 5, { code: true });
    assert.ok(stmt);
    assert.equal(code.slice(stmt.outerStart, stmt.outerEnd), 'y = x**2');
  });
});

describe('findMathAt: long and unbalanced text', () => {
  it('finds no math in a long line of prices and still finds a real span after it', () => {
    const prices = 'costs $5 and '.repeat(2000);
    assert.equal(findMathAt(prices, prices.length - 3), null);
    const text = `${prices}\n\nthen $x^2 + 1$`;
    assert.equal(findMathAt(text, text.length - 3)?.text, 'x^2 + 1');
  });

  it('treats many unclosed openers as text and reads a later closed span', () => {
    const text = `${'\\( a '.repeat(1000)}${'\\begin{equation} '.repeat(500)}`;
    assert.equal(findMathAt(text, 10), null);
    const closed = '\\[ y^2 \\] and $$ z^4 $$';
    assert.equal(findMathAt(closed, 3)?.text, 'y^2');
    assert.equal(findMathAt(closed, closed.length - 4)?.text, 'z^4');
  });
});
