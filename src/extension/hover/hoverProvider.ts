// Hover previews of convergence: over a selected formula, or a math span in the languages the
// settings allow, a short Markdown summary of a quick run. Cached per formula and settings; a run
// gets a few milliseconds at most and the hover gives up silently past them.
import { withNoteData } from '../../usecases/noteData';
import * as vscode from 'vscode';
import { findMathAt, unwrapMath } from '../../engine/extract';
import { parameterValuesNear } from '../../engine/extract/parameterValues';
import type { EngineHost } from '../../host/engineHost';
import { LruCache } from '../../shared/lruCache';
import { previewInSlices } from '../../usecases/hover';
import { OPEN_COMMAND } from '../../usecases/hoverText';
import { readSettings } from '../settings';

/** Lines above and below the cursor scanned for delimited math (bounds the cost on huge files). */
const WINDOW_LINES = 150;
const CACHE_SIZE = 256;

/** Lines around a formula read for the values a note gives its parameters (`a = 2`, `$\lambda = 0.1$`). */
const NOTE_LINES = 40;

/** The values the lines around `range` give some of `names`. */
function notedNear(document: vscode.TextDocument, range: vscode.Range, names: readonly string[]) {
  const first = Math.max(0, range.start.line - NOTE_LINES);
  const last = Math.min(document.lineCount - 1, range.end.line + NOTE_LINES);
  const around = new vscode.Range(first, 0, last, document.lineAt(last).text.length);
  const offset = document.offsetAt(range.start) - document.offsetAt(around.start);
  return parameterValuesNear(document.getText(around), offset, names);
}

/** A formula under the hover position and its range. */
interface Target {
  readonly formula: string;
  readonly range: vscode.Range;
}

/** The non-empty selection under `position` in an editor showing `document`. */
function selectedTarget(document: vscode.TextDocument, position: vscode.Position): Target | undefined {
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document !== document) continue;
    const selection = editor.selections.find((s) => !s.isEmpty && s.contains(position));
    if (selection) return { formula: unwrapMath(document.getText(selection)), range: selection };
  }
  return undefined;
}

/** The delimited math span under `position`, read from a window of lines around it. */
function spanTarget(document: vscode.TextDocument, position: vscode.Position): Target | undefined {
  const first = Math.max(0, position.line - WINDOW_LINES);
  const last = Math.min(document.lineCount - 1, position.line + WINDOW_LINES);
  const window = new vscode.Range(first, 0, last, document.lineAt(last).text.length);
  const base = document.offsetAt(window.start);
  const span = findMathAt(document.getText(window), document.offsetAt(position) - base);
  if (!span) return undefined;
  return {
    formula: span.text,
    range: new vscode.Range(document.positionAt(base + span.start), document.positionAt(base + span.end)),
  };
}

/** Cheap checks before any parsing: not empty, not too long, no stray `$` (prose such as "$5 and $10"). */
function plausible(formula: string, maxLength: number): boolean {
  return formula !== '' && formula.length <= maxLength && !/(^|[^\\])\$/.test(formula);
}

/** Provides the previews; `clear()` drops the cache (on settings changes). */
export class ConvergenceHoverProvider implements vscode.HoverProvider {
  private readonly cache = new LruCache<string, string | null>(CACHE_SIZE);

  constructor(private readonly engine: EngineHost) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document);
    if (!settings.hover.enabled || !settings.hover.languages.includes(document.languageId)) return undefined;
    const target = selectedTarget(document, position) ?? spanTarget(document, position);
    if (!target || !plausible(target.formula, settings.limits.maxFormulaLength)) return undefined;
    // The note's values count for the preview, so the cache knows where in which version it was asked.
    const key = `${target.formula}\u0000${JSON.stringify(settings.run)}\u0000${document.uri.toString()}@${document.version}:${target.range.start.line}`;
    let markdown = this.cache.get(key);
    if (markdown === undefined) {
      // A loss over data previews its fit on the table (or lists) the note gives it.
      const formula = withNoteData(target.formula, document.getText(), document.offsetAt(target.range.start));
      const outcome = await previewInSlices(
        this.engine.problems(settings.limits),
        formula,
        settings.run,
        settings.limits,
        () => token.isCancellationRequested,
        undefined,
        undefined,
        (names) => notedNear(document, target.range, names),
      );
      markdown = outcome.markdown;
      // Only settled answers are cached: an over-budget hover may fit next time (the engine keeps the compiled formula).
      if (outcome.final) this.cache.set(key, markdown);
    }
    if (markdown === null || token.isCancellationRequested) return undefined;
    const content = new vscode.MarkdownString(markdown);
    content.isTrusted = { enabledCommands: [OPEN_COMMAND] };
    return new vscode.Hover(content, target.range);
  }

  /** Drops every cached preview. */
  clear(): void {
    this.cache.clear();
  }
}
