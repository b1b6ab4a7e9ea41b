// The entry points inside a real VS Code: "Run Gradient Descent" on selections, on the math under
// the cursor and on code; "Compare Learning Rates"; "Insert Iteration Table" writing the first
// iterations under the formula.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { NewRun as PanelRun } from '../../src/extension/panel/state';
import {
  activeExtension,
  closeAll,
  eventually,
  openWithCursor,
  panelRuns,
  selectTexts,
} from './entrySupport';

async function run(command: string, argument?: string): Promise<PanelRun[]> {
  return (
    (await vscode.commands.executeCommand<PanelRun[]>(
      command,
      ...(argument === undefined ? [] : [argument]),
    )) ?? []
  );
}

describe('entry points: commands', () => {
  before(async () => {
    await activeExtension();
  });
  afterEach(closeAll);

  it('registers the three commands', async () => {
    const registered = await vscode.commands.getCommands(true);
    for (const id of [
      'gradientDescent.run',
      'gradientDescent.compareLearningRates',
      'gradientDescent.insertIterationTable',
    ]) {
      assert.ok(registered.includes(id), id);
    }
  });

  it('runs the selected formula and adds it to the panel', async () => {
    const editor = await openWithCursor('Minimize $f(x) = 2x^{2}$ by hand.', 'markdown');
    selectTexts(editor, ['f(x) = 2x^{2}']);
    const runs = await run('gradientDescent.run');
    assert.deepEqual(
      runs.map((r) => r.formula),
      ['f(x) = 2x^{2}'],
    );
    assert.equal(runs[0].options.optimizer.lr, 0.1, 'options come from the settings');
    const inPanel = await eventually(
      async () => (await panelRuns()).find((r) => r.formula === 'f(x) = 2x^{2}' && r.run),
      'the panel run',
    );
    // By hand: f′(x_k) = 4·0.6^k first falls below the default tolerance 1e-6 at k = 30.
    assert.equal(inPanel.run?.iterations, 30);
  });

  it('strips the delimiters of a selection that includes them', async () => {
    const editor = await openWithCursor('See $x^2 + 3y^2$ here.', 'markdown');
    selectTexts(editor, ['$x^2 + 3y^2$']);
    assert.deepEqual(
      (await run('gradientDescent.run')).map((r) => r.formula),
      ['x^2 + 3y^2'],
    );
  });

  it('opens one run per selection', async () => {
    const editor = await openWithCursor('a: $x^4 - 3x^2$ and b: $\\sin(x)\\cos(y)$', 'markdown');
    selectTexts(editor, ['x^4 - 3x^2', '\\sin(x)\\cos(y)']);
    assert.deepEqual(
      (await run('gradientDescent.run')).map((r) => r.formula),
      ['x^4 - 3x^2', '\\sin(x)\\cos(y)'],
    );
  });

  it('takes the math under the cursor when nothing is selected', async () => {
    await openWithCursor('Rosenbrock: $$f(x, y) = (1-x)^2 + 100(y|-x^2)^2$$ and more', 'markdown');
    assert.deepEqual(
      (await run('gradientDescent.run')).map((r) => r.formula),
      ['f(x, y) = (1-x)^2 + 100(y-x^2)^2'],
    );
  });

  it('takes the row under the cursor of a LaTeX align environment', async () => {
    await openWithCursor(
      '\\begin{align}\n  g(x) &= (x-1)^2 \\\\\n  h(y) &= y^4| + y\n\\end{align}\n',
      'latex',
    );
    assert.deepEqual(
      (await run('gradientDescent.run')).map((r) => r.formula),
      ['h(y) = y^4 + y'],
    );
  });

  it('takes the right side of an assignment or return in code', async () => {
    await openWithCursor('def loss(w):\n    return (w - 3)**2| + 1\n', 'python');
    assert.deepEqual(
      (await run('gradientDescent.run')).map((r) => r.formula),
      ['(w - 3)**2 + 1'],
    );
    await openWithCursor('const f = (x, y) => x*x |+ 3*y*y;\n', 'javascript');
    assert.deepEqual(
      (await run('gradientDescent.run')).map((r) => r.formula),
      ['x*x + 3*y*y'],
    );
  });

  it('runs a formula given as the argument (the hover link)', async () => {
    assert.deepEqual(
      (await run('gradientDescent.run', 'x^2 + y^2')).map((r) => r.formula),
      ['x^2 + y^2'],
    );
  });

  it('opens Compare Learning Rates with a learning-rate sweep', async () => {
    const runs = await run('gradientDescent.compareLearningRates', '(w - 3)^2 + 10b^2');
    assert.deepEqual(
      runs.map((r) => r.formula),
      ['(w - 3)^2 + 10b^2'],
    );
    const swept = await eventually(
      async () => (await panelRuns()).find((r) => r.formula === '(w - 3)^2 + 10b^2' && r.sweep),
      'a run with a sweep',
    );
    // The Hessian of (w − 3)² + 10b² is diag(2, 20): λmax = 20, so the critical η = 2/λmax = 0.1.
    const critical = swept.sweep?.criticalLearningRate ?? Number.NaN;
    assert.ok(Math.abs(critical - 0.1) < 1e-6, `critical η ${critical}`);
  });

  it('keeps a bad formula as a run with a message instead of throwing', async () => {
    await run('gradientDescent.run', 'x +');
    const failed = await eventually(
      async () => (await panelRuns()).find((r) => r.formula === 'x +' && r.error),
      'the error',
    );
    assert.match(failed.error ?? '', /stops too early after "\+": something must follow it/);
  });
});

describe('entry points: Insert Iteration Table', () => {
  afterEach(closeAll);

  it('writes x1 = 0.6 and x2 = 0.36 with a caption after the paragraph of f(x) = 2x^2 (x0 = 1, η = 0.1)', async () => {
    const editor = await openWithCursor(
      'Minimize $f(x) = 2x^{2}|$ by hand,\nas the seed does.\n\nNext paragraph.',
      'markdown',
    );
    const tables = await vscode.commands.executeCommand<string[]>('gradientDescent.insertIterationTable');
    assert.equal(tables?.length, 1);
    const lines = editor.document.getText().split('\n');
    assert.deepEqual(
      lines.slice(0, 2),
      ['Minimize $f(x) = 2x^{2}$ by hand,', 'as the seed does.'],
      'not mid-paragraph',
    );
    assert.equal(lines[2], '');
    assert.equal(lines[3], '*f(x) = 2x^{2} · gd, η = 0.1 · from x₀ = 1*');
    assert.equal(lines[4], '');
    assert.match(lines[5]!, /^\| k \| x \| f \|/);
    const cells = (row: string) =>
      row
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c !== '');
    const rows = lines.filter((l) => /^\| \d+ \|/.test(l)).map(cells);
    assert.deepEqual(
      rows.slice(0, 3).map((r) => [r[0], r[1]]),
      [
        ['0', '1'],
        ['1', '0.6'],
        ['2', '0.36'],
      ],
    );
    assert.equal(rows.length, 11, 'iterations 0 to 10');
    const after = lines.indexOf('Next paragraph.');
    assert.equal(lines[after - 1], '', 'a blank line keeps the next paragraph out of the table');
  });

  it('puts the table under the closing delimiter of a display block', async () => {
    const editor = await openWithCursor('$$\nx^2 + |y^2\n$$\n', 'markdown');
    await vscode.commands.executeCommand('gradientDescent.insertIterationTable');
    const text = editor.document.getText();
    assert.ok(
      text.startsWith(
        '$$\nx^2 + y^2\n$$\n\n*x^2 + y^2 · gd, η = 0.1 · from (x, y)₀ = (1, 1)*\n\n| k | x | y |',
      ),
      text,
    );
  });

  it('inserts nothing and warns when there is no formula', async () => {
    const editor = await openWithCursor('Just prose| here.', 'markdown');
    const tables = await vscode.commands.executeCommand<string[]>('gradientDescent.insertIterationTable');
    assert.deepEqual(tables, []);
    assert.equal(editor.document.getText(), 'Just prose here.');
  });
});
