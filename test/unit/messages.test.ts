// Issue 10 §4: every refusal says what was found and what to write instead, in the person's
// notation and in one line, without the parsers' own words.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseFormula } from '../../src/engine/parse';
import { FormulaError } from '../../src/engine/types';
import { generatedEntries, type CorpusEntry } from '../corpus/generated';
import { refusalOf, refusedCases } from './formulaCases';

// What mathjs and the compute engine say, which a person cannot act on.
const JARGON =
  /Colon|object key|operation [A-Z]|"_"|Value expected|Unexpected (?:end|operator|part)|Parenthesis \)|char \d|Syntax error in part|LaTeX parser returned/;

describe('messages: invisible characters are named, never echoed', () => {
  const invisible: readonly [string, string][] = [
    ['\u200b', 'U+200B ZERO WIDTH SPACE'],
    ['\u200c', 'U+200C ZERO WIDTH NON-JOINER'],
    ['\u200d', 'U+200D ZERO WIDTH JOINER'],
    ['\u2060', 'U+2060 WORD JOINER'],
    ['\ufeff', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['\u00ad', 'U+00AD SOFT HYPHEN'],
    ['\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['\u2066', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
    ['\u200f', 'U+200F RIGHT-TO-LEFT MARK'],
    ['\u0007', 'U+0007 CONTROL CHARACTER'],
  ];
  for (const [char, name] of invisible) {
    for (const text of [`x${char}y`, `$x^2 +${char} y$`, `x**2${char}`]) {
      it(`${name} in ${JSON.stringify(text)}`, () => {
        const error = refusalOf(text);
        assert.equal(error.code, 'syntax');
        assert.ok(error.message.includes(name), error.message);
        assert.ok(!error.message.includes(char), 'the character itself is not in the message');
        assert.equal(error.column, text.indexOf(char) + 1);
      });
    }
  }
});

describe('messages: brackets', () => {
  refusedCases([
    {
      text: '$\\left( x$',
      code: 'syntax',
      words: /unbalanced: \\left\( at column 2 has no \\right/,
      column: 2,
    },
    {
      text: '$x \\right)$',
      code: 'syntax',
      words: /unbalanced: \\right\) at column 4 has no \\left/,
      column: 4,
    },
    { text: '$\\left[ x + 1$', code: 'syntax', words: /unbalanced: \\left\[/ },
    { text: '$\\left( x \\right]$', code: 'syntax', words: /unbalanced or mismatched/ },
    { text: '(x + 1', code: 'syntax', words: /The \( at column 1 is never closed: add the \)/, column: 1 },
    {
      text: 'x + 1)',
      code: 'syntax',
      words: /The \) at column 6 closes a bracket that was never opened/,
      column: 6,
    },
    {
      text: '(x + 1]',
      code: 'syntax',
      words: /The \] at column 7 does not match the \( at column 1/,
      column: 7,
    },
    { text: 'f(x)) = x', code: 'syntax', words: /The \) at column 5 closes/ },
    { text: 'return (x**2 + 1', code: 'syntax', words: /The \( at column 8 is never closed/ },
  ]);
});

describe('messages: syntax in plain words', () => {
  refusedCases([
    { text: 'x^2 +', code: 'syntax', words: /stops too early after "\+"/ },
    { text: 'x +* y', code: 'syntax', words: /A number or a name is missing at column 4, before "\*"/ },
    { text: '## Formulation', code: 'syntax', words: /Markdown heading or a comment/ },
    {
      text: 'Gradient descent is an iterative algorithm.',
      code: 'syntax',
      words: /"\." at column 43 is not part of a number/,
    },
    { text: 'x => { return x }', code: 'syntax', words: /Braces \{ \} group only in LaTeX/ },
    { text: '"abc', code: 'syntax', words: /quote starts text/ },
    { text: '```python\nx**2\n```', code: 'syntax', words: /Backticks/ },
    { text: '$x^2 \\\\ y$', code: 'syntax', words: /line break/ },
    { text: '$x_$', code: 'syntax', words: /"x_" has an empty subscript/ },
    { text: '$\\sum_{i=1}^{3}$', code: 'syntax', words: /needs the terms it adds after it/ },
    {
      text: '$\\begin{cases} x \\end{cases}$',
      code: 'not-allowed',
      words: /case distinction; write it with max, min or abs/,
    },
    { text: '$\\max_{i} x_i$', code: 'not-allowed', words: /maximum or minimum over an index/ },
  ]);
});

describe('messages: the bad-input corpus says everything in one line, without jargon', () => {
  const corpus = JSON.parse(readFileSync(join(__dirname, '..', 'corpus', 'bad-inputs.json'), 'utf8')) as {
    entries: CorpusEntry[];
  };
  it('holds no parser jargon and no line break in any message', () => {
    const problems: string[] = [];
    for (const entry of [...corpus.entries, ...generatedEntries()]) {
      try {
        parseFormula(entry.input);
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        // "undefined" is jargon unless the person wrote it.
        const undefinedWord = error.message.includes('"undefined"') && !entry.input.includes('undefined');
        if (JARGON.test(error.message) || undefinedWord) {
          problems.push(`${JSON.stringify(entry.input)}: ${error.message}`);
        }
        if (error.message.includes('\n')) problems.push(`${JSON.stringify(entry.input)}: two lines`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe('messages: the CLI', () => {
  function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
    let stdout = '';
    let stderr = '';
    const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('says a usage error in one line, pointing at --help instead of printing the usage', () => {
    for (const argv of [
      [],
      ['walk'],
      ['run'],
      ['run', 'x', '--frob'],
      ['run', 'x', '--lr', 'fast'],
      ['sweep', 'x', '--lr', '1'],
    ]) {
      const ran = cli(...argv);
      assert.equal(ran.code, 2);
      assert.equal(ran.stderr.trim().split('\n').length, 1, ran.stderr);
      assert.match(ran.stderr.trim(), /^error: .*Run gdlab --help for the options\.$/);
    }
  });

  it('says a formula error in one line with its column', () => {
    const ran = cli('run', 'x\u200by');
    assert.equal(ran.code, 2);
    assert.equal(
      ran.stderr,
      'error: The selection holds an invisible character (U+200B ZERO WIDTH SPACE) at column 2; delete it and retype what is around it. (column 2)\n',
    );
  });
});
