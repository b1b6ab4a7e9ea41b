// Hover preview cost in the host (issue 4: p95 under 20 ms): every formula of the example notes,
// first hover (parse + compile + run, engine caches cold for that formula) and repeat hover (engine
// cache warm, the provider's own LRU bypassed), through the same sliced path the provider uses.
// Prints numbers; `npm run bench:hover`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanMathRegions } from '../src/engine/extract';
import { spanOfRegion } from '../src/engine/extract/rows';
import { createProblemCache } from '../src/host/problemCache';
import { HOVER_BUDGET_MS, HOVER_SLICES } from '../src/usecases/defaults';
import { hoverPreview, previewInSlices } from '../src/usecases/hover';
import { normalizeSettings } from '../src/extension/settingsModel';

const EXAMPLES = join(__dirname, '..', 'examples');

/** Every delimited formula of the example notes, plus each line of formulas.txt. */
function corpus(): string[] {
  const formulas = new Set<string>();
  for (const name of readdirSync(EXAMPLES)) {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    if (name.endsWith('.txt')) text.split('\n').forEach((l) => l.trim() && formulas.add(l.trim()));
    for (const region of scanMathRegions(text)) {
      const span = spanOfRegion(text, region, region.innerStart);
      if (span) formulas.add(span.text);
    }
  }
  return [...formulas];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function summary(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(28)} n=${sorted.length}  p50=${percentile(sorted, 0.5).toFixed(2)} ms  p95=${percentile(sorted, 0.95).toFixed(2)} ms  max=${sorted[sorted.length - 1].toFixed(2)} ms`,
  );
}

async function main(): Promise<void> {
  const settings = normalizeSettings(() => undefined);
  const problems = createProblemCache(settings.limits);
  const formulas = corpus();
  // The extension warms up with one preview after activation; do the same so "first hover" means first for that formula.
  const warm0 = performance.now();
  hoverPreview(problems, 'f(x) = 2x^{2}', settings.run, settings.limits, 1000);
  console.log(
    `corpus: ${formulas.length} formulas; warm-up ${(performance.now() - warm0).toFixed(1)} ms (once per host, off the hover path)`,
  );
  console.log(`budget: ${HOVER_BUDGET_MS} ms per slice, ${HOVER_SLICES} slices per hover`);
  const first: number[] = [];
  const repeat: number[] = [];
  let shown = 0;
  let unsettled = 0;
  for (const pass of [first, repeat]) {
    for (const formula of formulas) {
      const t0 = performance.now();
      const outcome = await previewInSlices(problems, formula, settings.run, settings.limits, () => false);
      pass.push(performance.now() - t0);
      if (pass === repeat) {
        if (outcome.markdown) shown++;
        if (!outcome.final) unsettled++;
      }
    }
  }
  summary('first hover of a formula', first);
  summary('repeat hover (engine warm)', repeat);
  console.log(`previews shown: ${shown}/${formulas.length}; unsettled (over budget twice): ${unsettled}`);
}

void main();
