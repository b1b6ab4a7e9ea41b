// Inputs of the bad-input corpus (issue 5) too large to keep in bad-inputs.json: long, deep and wide
// formulas, generated on demand. Shared by the parser corpus test and the whole-pipeline corpus test.

/** One corpus input and what the parser should make of it. */
export interface CorpusEntry {
  readonly input: string;
  /** ok | error | error:<code> | any */
  readonly expect: string;
  readonly note?: string;
}

/** Inputs too large to keep in the file: long, deep and wide formulas. */
export function generatedEntries(): CorpusEntry[] {
  const vars = (n: number, sep: string): string =>
    Array.from({ length: n }, (_, i) => `x_${i + 1}`).join(sep);
  return [
    {
      input: `${'('.repeat(1000)}x${')'.repeat(1000)}`,
      expect: 'error:too-long',
      note: '1,000 nested parentheses',
    },
    {
      input: `$${'{'.repeat(1000)}x${'}'.repeat(1000)}$`,
      expect: 'error:too-long',
      note: '1,000 nested braces',
    },
    {
      input: `${'\\left('.repeat(300)}x${'\\right)'.repeat(300)}`,
      expect: 'error:too-long',
      note: 'deep \\left(',
    },
    { input: `${'sin('.repeat(1000)}x${')'.repeat(1000)}`, expect: 'error:too-long', note: 'deep calls' },
    { input: `${'('.repeat(90)}x${')'.repeat(90)}`, expect: 'ok', note: '90 nested parentheses' },
    { input: `${'x^'.repeat(2000)}x`, expect: 'any', note: 'long power tower' },
    { input: `${'-'.repeat(5000)}x`, expect: 'any', note: '5,000 unary minus' },
    { input: `x${'+x'.repeat(4999)}`, expect: 'any', note: '10k-character sum' },
    { input: `x${' + 1'.repeat(2499)}`, expect: 'any', note: '10k-character sum of constants' },
    { input: `${'9'.repeat(9999)}x`, expect: 'error', note: '10k-digit number' },
    { input: 'x'.repeat(10_000), expect: 'ok', note: 'one 10k-character name' },
    { input: 'x'.repeat(10_001), expect: 'error:too-long', note: 'over the length limit' },
    { input: `$${'x^2 + '.repeat(1600)}x$`, expect: 'any', note: '10k-character LaTeX' },
    { input: `$${'\\frac{1}{'.repeat(95)}x${'}'.repeat(95)}$`, expect: 'ok', note: 'nested fractions' },
    { input: vars(1000, ' + '), expect: 'ok', note: '1,000 variables' },
    {
      input: `$${vars(1000, ' + ').replace(/_(\d+)/g, '_{$1}')}$`,
      expect: 'ok',
      note: '1,000 LaTeX variables',
    },
    { input: vars(1001, '+'), expect: 'error:too-many-variables', note: '1,001 variables' },
    { input: `${'x*'.repeat(3000)}x`, expect: 'any', note: 'long product' },
    { input: 'x $'.repeat(2000), expect: 'error', note: 'many $ spans' },
    { input: '\u0000\u0001\u0002 x', expect: 'any', note: 'control characters' },
    { input: '\uD83D\uDE00 + x', expect: 'any', note: 'emoji' },
    { input: '\uD800 + x', expect: 'any', note: 'lone surrogate' },
  ];
}
