// The inputs the whole-pipeline tests and `npm run bench:corpus` send through the engine: the bad-input
// corpus, its generated entries, and the numeric cases of issue 5 at the points where they are undefined,
// flat or overflow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedEntries, type CorpusEntry } from './generated';

/** One input and where its run starts. */
export interface PipelineCase {
  readonly input: string;
  readonly start: readonly number[];
  readonly note: string;
}

const file = JSON.parse(readFileSync(join(__dirname, 'bad-inputs.json'), 'utf8')) as {
  entries: CorpusEntry[];
};
const wide = (n: number, term: (i: number) => string, sep: string): string =>
  Array.from({ length: n }, (_, i) => term(i + 1)).join(sep);

/** The issue's numeric cases, at the points where they are undefined, flat or overflow. */
export const PIPELINE_NUMERIC: readonly PipelineCase[] = [
  { input: 'abs(x)', start: [0], note: 'abs at its kink' },
  { input: 'log(x)', start: [0], note: 'log at 0' },
  { input: 'log(x)', start: [-2], note: 'log at a negative x' },
  { input: '1/x', start: [0], note: '1/x at its pole' },
  { input: 'exp(exp(x))', start: [5], note: 'overflow' },
  { input: 'exp(exp(x))', start: [1], note: 'fast growth' },
  { input: 'sqrt(x)', start: [-1], note: 'sqrt at a negative x' },
  { input: 'sqrt(x)', start: [0], note: 'sqrt at 0' },
  { input: '0*x + 3', start: [1], note: 'constant formula' },
  { input: 'x - x', start: [2], note: 'cancelling formula' },
  { input: '1e308*x', start: [1], note: 'huge coefficient' },
  { input: '1e308*x^2', start: [1e10], note: 'overflow at the start' },
  { input: 'x^2', start: [1e200], note: 'huge start' },
  { input: '-x^2', start: [1], note: 'unbounded below' },
  { input: wide(200, (i) => `x_${i}`, '*'), start: [1], note: 'product of 200 variables' },
  { input: wide(1000, (i) => `x_${i}^2`, '+'), start: [1], note: '1,000-variable sum of squares' },
  { input: `(${wide(1000, (i) => `x_${i}`, '+')})^2`, start: [0], note: 'square of a 1,000-variable sum' },
  {
    input: wide(600, (i) => `(x_${i}-x_${i + 1})^2`, '+'),
    start: [0],
    note: 'chain of 601 variables at its minimum',
  },
];

export const PIPELINE_CASES: readonly PipelineCase[] = [
  ...[...file.entries, ...generatedEntries()].map((e) => ({
    input: e.input,
    start: [1],
    note: e.note ?? '',
  })),
  ...PIPELINE_NUMERIC,
];
