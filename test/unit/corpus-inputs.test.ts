import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFormula } from '../../src/engine/parse';
import { MAX_REDUCTION_TERMS } from '../../src/engine/parse/reduction';
import { FormulaError, type Formula } from '../../src/engine/types';
import { generatedEntries, type CorpusEntry } from '../corpus/generated';

const corpus = JSON.parse(readFileSync(join(__dirname, '..', 'corpus', 'bad-inputs.json'), 'utf8')) as {
  entries: CorpusEntry[];
};

function outcome(input: string): { formula?: Formula; error?: FormulaError } {
  try {
    return { formula: parseFormula(input) };
  } catch (error) {
    if (error instanceof FormulaError) return { error };
    throw new Error(`${JSON.stringify(input.slice(0, 80))} threw a raw ${String(error)}`);
  }
}

/** Nodes of a parsed tree: the work every later stage does is bounded by it (the timings are in npm run bench:corpus). */
function nodeCount(formula: Formula): number {
  let count = 0;
  formula.expression.traverse(() => {
    count += 1;
  });
  return count;
}

describe('bad-input corpus (issue 5)', () => {
  const entries = [...corpus.entries, ...generatedEntries()];

  it('holds at least 200 curated and generated inputs', () => {
    assert.ok(corpus.entries.length >= 200, `${corpus.entries.length}`);
  });

  it('gives a Formula of bounded size or a readable FormulaError for each, as the corpus expects', () => {
    const problems: string[] = [];
    for (const entry of entries) {
      const label = `${JSON.stringify(entry.input.slice(0, 60))} (${entry.note ?? ''})`;
      const { formula, error } = outcome(entry.input);
      // A tree grows with the text, and a sum by at most MAX_REDUCTION_TERMS terms of it.
      const bound = 2 * entry.input.length * (/\\(?:sum|prod)/.test(entry.input) ? MAX_REDUCTION_TERMS : 1);
      if (formula && nodeCount(formula) > bound) problems.push(`${label}: ${nodeCount(formula)} nodes`);
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
