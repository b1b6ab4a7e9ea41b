import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFormula } from '../../src/engine/parse';
import { FormulaError, type Formula } from '../../src/engine/types';

interface Entry {
  readonly input: string;
  /** ok | error | error:<code> | any */
  readonly expect: string;
  readonly note?: string;
}

const corpus = JSON.parse(readFileSync(join(__dirname, '..', 'corpus', 'bad-inputs.json'), 'utf8')) as { entries: Entry[] };

/** Inputs too large to keep in the file: long, deep and wide formulas. */
function generated(): Entry[] {
  const vars = (n: number, sep: string): string => Array.from({ length: n }, (_, i) => `x_${i + 1}`).join(sep);
  return [
    { input: `${'('.repeat(1000)}x${')'.repeat(1000)}`, expect: 'error:too-long', note: '1,000 nested parentheses' },
    { input: `$${'{'.repeat(1000)}x${'}'.repeat(1000)}$`, expect: 'error:too-long', note: '1,000 nested braces' },
    { input: `${'\\left('.repeat(300)}x${'\\right)'.repeat(300)}`, expect: 'error:too-long', note: 'deep \\left(' },
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
    { input: `$${vars(1000, ' + ').replace(/_(\d+)/g, '_{$1}')}$`, expect: 'ok', note: '1,000 LaTeX variables' },
    { input: vars(1001, '+'), expect: 'error:too-many-variables', note: '1,001 variables' },
    { input: `${'x*'.repeat(3000)}x`, expect: 'any', note: 'long product' },
    { input: 'x $'.repeat(2000), expect: 'error', note: 'many $ spans' },
    { input: '\u0000\u0001\u0002 x', expect: 'any', note: 'control characters' },
    { input: '\uD83D\uDE00 + x', expect: 'any', note: 'emoji' },
    { input: '\uD800 + x', expect: 'any', note: 'lone surrogate' },
  ];
}

/** CPU milliseconds since `from`: unlike wall time, not inflated when the machine is busy with other work. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

function outcome(input: string): { formula?: Formula; error?: FormulaError; ms: number } {
  const started = process.cpuUsage();
  try {
    const formula = parseFormula(input);
    return { formula, ms: cpuMs(started) };
  } catch (error) {
    const ms = cpuMs(started);
    if (error instanceof FormulaError) return { error, ms };
    throw new Error(`${JSON.stringify(input.slice(0, 80))} threw a raw ${String(error)}`);
  }
}

describe('bad-input corpus (issue 5)', () => {
  const entries = [...corpus.entries, ...generated()];

  it('holds at least 200 curated and generated inputs', () => {
    assert.ok(corpus.entries.length >= 200, `${corpus.entries.length}`);
  });

  it('gives a Formula or a readable FormulaError for each, within a second, as the corpus expects', () => {
    const problems: string[] = [];
    for (const entry of entries) {
      const label = `${JSON.stringify(entry.input.slice(0, 60))} (${entry.note ?? ''})`;
      const { formula, error, ms } = outcome(entry.input);
      if (ms > 1000) problems.push(`${label}: took ${ms.toFixed(0)} ms of CPU`);
      if (error) {
        if (error.message.trim() === '') problems.push(`${label}: empty message`);
        if (/\n\s+at /.test(error.message)) problems.push(`${label}: stack trace in the message`);
        if (error.column !== undefined && (error.column < 1 || error.column > entry.input.length)) {
          problems.push(`${label}: column ${error.column} out of range`);
        }
      } else if (formula && formula.variables.length === 0) {
        problems.push(`${label}: formula without variables`);
      }
      const [want, code] = entry.expect.split(':');
      if (want === 'ok' && !formula) problems.push(`${label}: expected a formula, got ${error?.code}: ${error?.message}`);
      if (want === 'error' && !error) problems.push(`${label}: expected an error, got ${formula?.expression.toString().slice(0, 60)}`);
      if (want === 'error' && error && code !== undefined && error.code !== code) {
        problems.push(`${label}: expected ${code}, got ${error.code}: ${error.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
