import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFormula } from '../../src/engine/parse';
import { FormulaError, type Formula } from '../../src/engine/types';
import { generatedEntries, type CorpusEntry } from '../corpus/generated';

const corpus = JSON.parse(readFileSync(join(__dirname, '..', 'corpus', 'bad-inputs.json'), 'utf8')) as {
  entries: CorpusEntry[];
};

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
  const entries = [...corpus.entries, ...generatedEntries()];

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
      if (want === 'ok' && !formula) {
        problems.push(`${label}: expected a formula, got ${error?.code}: ${error?.message}`);
      }
      if (want === 'error' && !error) {
        problems.push(`${label}: expected an error, got ${formula?.expression.toString().slice(0, 60)}`);
      }
      if (want === 'error' && error && code !== undefined && error.code !== code) {
        problems.push(`${label}: expected ${code}, got ${error.code}: ${error.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
