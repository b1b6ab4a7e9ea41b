// Any run as code that reproduces it outside the engine: a PyTorch script with torch.optim, or a
// NumPy script with the update rule written out. Generated only from the allow-listed tree and the
// resolved settings, never from the person's text. vscode-free, for the CLI and the panel.
import { numpyScript } from './numpy';
import { pytorchScript } from './pytorch';
import { nodes, type MathNode } from '../math';
import type { ExportedRun } from './common';

export type { ExportedRun } from './common';

/** The languages a run can be written in. */
export type CodeLanguage = 'pytorch' | 'numpy';
export const CODE_LANGUAGES: readonly CodeLanguage[] = ['pytorch', 'numpy'];

/**
 * A standalone Python script that runs `run.iterations` steps of the run's optimizer (and
 * scheduler) on its formula from its start, and prints the final point as a JSON array on its last
 * line.
 */
export function exportCode(run: ExportedRun, language: CodeLanguage): string {
  const bound = withParameterValues(run);
  return language === 'pytorch' ? pytorchScript(bound) : numpyScript(bound);
}

/** The run's formula with its parameters written in as the numbers the run held them at. */
function withParameterValues(run: ExportedRun): ExportedRun {
  const { formula, options } = run;
  if (formula.parameters.length === 0) return run;
  const given = options.parameters ?? {};
  const values = new Map(
    formula.parameters.map((p) => [p.name, Object.hasOwn(given, p.name) ? given[p.name]! : p.value] as const),
  );
  const expression = formula.expression.transform((node: MathNode) => {
    const symbol = node as unknown as { isSymbolNode?: boolean; name?: string };
    const name = symbol.isSymbolNode === true ? symbol.name : undefined;
    const value = name === undefined ? undefined : values.get(name);
    return value === undefined ? node : new nodes.ConstantNode(value);
  });
  return { ...run, formula: { ...formula, expression, parameters: [] } };
}
