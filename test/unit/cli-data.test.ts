// The CLI on a loss over data: --data FILE, --batch-size, --shuffle --seed, --epochs.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const MSE = 'J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2';

describe('CLI --data', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gdlab-data-'));
    file = join(dir, 'line.csv');
    // Least squares: w = 2.3, b = 0.5 (Sxy = 11.5, Sxx = 5).
    writeFileSync(file, 'x,y\n1,3\n2,5\n3,7\n4,10\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fits the least-squares line on the file full-batch', () => {
    const ran = cli(
      'run',
      MSE,
      '--data',
      file,
      '--start',
      '0,0',
      '--lr',
      '0.1',
      '--max-iter',
      '5000',
      '--tol',
      '0',
      '--json',
    );
    assert.equal(ran.code, 0, ran.stderr);
    const out = JSON.parse(ran.stdout);
    assert.ok(Math.abs(out.final.point[0] - 2.3) < 1e-9 && Math.abs(out.final.point[1] - 0.5) < 1e-9);
    assert.equal(out.data.rows, 4);
    assert.equal(out.data.batchSize, 4);
  });

  it('--batch-size 2 alone takes file order: two steps per epoch, --epochs sets the iterations', () => {
    const out = JSON.parse(
      cli('run', MSE, '--data', file, '--batch-size', '2', '--epochs', '3', '--json').stdout,
    );
    assert.equal(out.iterations, 6);
    assert.equal(out.data.batchesPerEpoch, 2);
    assert.equal(out.data.shuffle, false);
    assert.deepEqual(
      out.data.epochLosses.map((e: { iteration: number }) => e.iteration),
      [0, 2, 4, 6],
    );
  });

  it('--shuffle --seed N repeats; another seed differs', () => {
    const run = (seed: string) =>
      JSON.parse(
        cli(
          'run',
          MSE,
          '--data',
          file,
          '--batch-size',
          '1',
          '--shuffle',
          '--seed',
          seed,
          '--epochs',
          '2',
          '--json',
        ).stdout,
      ).final.point;
    assert.deepEqual(run('1'), run('1'));
    assert.notDeepEqual(run('1'), run('2'));
  });

  it('refuses batch options without --data, a missing file and a missing column, in one line', () => {
    const noData = cli('run', MSE, '--batch-size', '2');
    assert.equal(noData.code, 2);
    assert.match(noData.stderr, /^error: --batch-size needs --data FILE\./);
    const missing = cli('run', MSE, '--data', join(dir, 'nope.csv'));
    assert.match(missing.stderr, /^error: Cannot read the data file .*nope\.csv\.\n$/);
    const column = cli('run', MSE.replace(/x_i/, 'z_i'), '--data', file);
    assert.match(
      column.stderr,
      /^error: The loss reads column z \(z_i\), but line\.csv has the columns x, y\.\n$/,
    );
    assert.match(cli('run', MSE).stderr, /give it the data, a table in the note or a CSV file/);
  });
});
