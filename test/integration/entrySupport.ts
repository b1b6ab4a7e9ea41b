// Helpers shared by the entry-point suites: open a document with a cursor mark, read the
// extension's test API, reset settings.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GradientDescentApi } from '../../src/extension/extension';
import type { PanelRunResult } from '../../src/extension/panel/session';

const EXTENSIONS: Record<string, string> = {
  markdown: 'md',
  latex: 'tex',
  python: 'py',
  javascript: 'js',
  plaintext: 'txt',
};
let fileCount = 0;
let scratch: string | undefined;

/** The extension's id (publisher.name). */
export const EXTENSION_ID = 'gradient-descent-lab.gradient-descent-lab';

/**
 * Opens a new file of `language` whose text is `marked` without its `|` cursor marks, one cursor per
 * mark. Real files in a scratch folder, not untitled documents: a closed untitled URI is reused by
 * the next one before the host has dropped the old text.
 */
export async function openWithCursor(marked: string, language: string): Promise<vscode.TextEditor> {
  const parts = marked.split('|');
  const content = parts.join('');
  scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), 'gd-entry-'));
  const file = path.join(scratch, `doc${++fileCount}.${EXTENSIONS[language] ?? 'txt'}`);
  fs.writeFileSync(file, content);
  let document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  if (document.languageId !== language) {
    document = await vscode.languages.setTextDocumentLanguage(document, language);
  }
  const editor = await vscode.window.showTextDocument(document);
  assert.equal(editor.document, document, 'the new document is in the active editor');
  const offsets: number[] = [];
  let at = 0;
  for (const part of parts.slice(0, -1)) {
    at += part.length;
    offsets.push(at);
  }
  if (offsets.length > 0) {
    editor.selections = offsets.map(
      (o) => new vscode.Selection(document.positionAt(o), document.positionAt(o)),
    );
  }
  return editor;
}

/** Selects each of `texts` (first occurrence) in the editor, as a multi-selection. */
export function selectTexts(editor: vscode.TextEditor, texts: readonly string[]): void {
  const whole = editor.document.getText();
  editor.selections = texts.map((t) => {
    const offset = whole.indexOf(t);
    assert.ok(offset >= 0, `document holds ${t}: ${JSON.stringify(whole)}`);
    return new vscode.Selection(
      editor.document.positionAt(offset),
      editor.document.positionAt(offset + t.length),
    );
  });
}

/** Activates the extension and returns it. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  await extension.activate();
  return extension;
}

/** Sets a gradientDescent.* setting globally (undefined removes it). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('gradientDescent')
    .update(key, value, vscode.ConfigurationTarget.Global);
}

/** Closes every editor (and the panel) between tests, dropping unsaved edits so no save prompt waits. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The panel's runs through the extension's exported API. */
export async function panelRuns(): Promise<readonly PanelRunResult[]> {
  const extension = await activeExtension();
  return (extension.exports as GradientDescentApi).panelRuns();
}

/** Polls `check` until it returns a value (not undefined) or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
