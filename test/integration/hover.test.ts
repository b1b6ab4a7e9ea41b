// Hover previews inside a real VS Code: the text for a converging and a diverging formula, the
// trusted command link and sparkline, nothing for prose, and the settings that switch it off.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, closeAll, openWithCursor, selectTexts, setSetting } from './entrySupport';

/** Our hover's Markdown at the first `|` of `marked` (other providers' hovers are ignored). */
async function previewAt(marked: string, language: string, select?: string): Promise<string | undefined> {
  const editor = await openWithCursor(marked, language);
  if (select) selectTexts(editor, [select]);
  const position = select ? editor.selection.start.translate(0, 1) : editor.selection.active;
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      position,
    )) ?? [];
  const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  return texts.find((t) => t.includes('**Gradient descent**'));
}

describe('entry points: hover preview', () => {
  before(async () => {
    await activeExtension();
  });
  afterEach(async () => {
    await closeAll();
    for (const key of ['learningRate', 'hover.enabled', 'hover.languages']) await setSetting(key, undefined);
  });

  it('tells how descent converged on $f(x) = 2x^{2}$: 30 iterations to 0.6^30', async () => {
    const text = await previewAt('The parabola $f(x) = 2|x^{2}$ again.', 'markdown');
    assert.ok(text, 'a preview is shown');
    // By hand, with the default settings (η = 0.1, x0 = 1, tolerance 1e-6): x_k = 0.6^k and f′(x_k) = 4·0.6^k,
    // first below 1e-6 at k = 30; x* = 0.6^30 ≈ 2.211e-7 and f(x*) = 2·0.6^60 ≈ 9.775e-14.
    assert.match(
      text,
      /^\*\*Gradient descent\*\* \(gd, η = 0\.1, start x = 1\): converged in 30 iterations to x\\\* = 2\.211e−7, f\(x\\\*\) = 9\.775e−14/,
    );
  });

  it('carries a loss sparkline and a link that opens the formula in the panel', async () => {
    const text = await previewAt('$$(1-x)^2 + 100(y-|x^2)^2$$', 'markdown');
    assert.ok(text);
    assert.match(text, /!\[loss per iteration\]\(data:image\/svg\+xml;base64,/);
    const link = /\[Open in Gradient Descent panel\]\(command:gradientDescent\.run\?([^)\s]+)\)/.exec(text);
    assert.ok(link, 'the command link is there');
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), ['(1-x)^2 + 100(y-x^2)^2']);
  });

  it('says diverged, with the critical learning rate, when η is too large', async () => {
    await setSetting('learningRate', 0.6);
    const text = await previewAt('$f(x) = 2|x^{2}$', 'markdown');
    assert.ok(text);
    assert.match(text, /η = 0\.6/);
    assert.match(text, /diverged at iteration \d+ \(critical η ≈ 0\.5\)/);
  });

  it('answers for a selected formula in code', async () => {
    const text = await previewAt('def f(x):\n    return x**2 - 4*x\n', 'python', 'x**2 - 4*x');
    assert.ok(text, 'a preview for the selection');
    assert.match(text, /converged/);
  });

  it('shows nothing for prose, dollar amounts or text that is not a formula', async () => {
    assert.equal(await previewAt('It costs $5 and $1|0 today.', 'markdown'), undefined);
    assert.equal(await previewAt('Plain pro|se here.', 'markdown'), undefined);
    assert.equal(await previewAt('Not math: $the lea|rning rate$', 'markdown'), undefined);
  });

  it('is switched off by gradientDescent.hover.enabled', async () => {
    await setSetting('hover.enabled', false);
    assert.equal(await previewAt('$f(x) = 2|x^{2}$', 'markdown'), undefined);
  });

  it('answers only in the languages of gradientDescent.hover.languages', async () => {
    await setSetting('hover.languages', ['latex']);
    assert.equal(await previewAt('$f(x) = 2|x^{2}$', 'markdown'), undefined);
    assert.ok(await previewAt('$f(x) = 2|x^{2}$', 'latex'));
  });
});
