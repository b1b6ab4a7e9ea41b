// Any run as code that reproduces it outside the engine: a PyTorch script with torch.optim, or a
// NumPy script with the update rule written out. Generated only from the allow-listed tree and the
// resolved settings, never from the person's text. vscode-free, for the CLI and the panel.
import { numpyScript } from './numpy';
import { pytorchScript } from './pytorch';
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
  return language === 'pytorch' ? pytorchScript(run) : numpyScript(run);
}
