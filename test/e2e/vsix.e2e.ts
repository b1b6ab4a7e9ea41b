// The packaged extension, and nothing else: the VSIX `npm run package` wrote is installed into a
// fresh code-server with `--install-extension` (no linked folder, no development path), and a hover,
// the palette and the panel run on it. E2E_VSIX=<file> tests another VSIX.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../scripts/vscode/paths';
import { VSIX_BUDGET_BYTES, vsixPath } from '../../scripts/vscode/vsix';
import { readActivation } from './support/activation';
import { expectPanelWithPlots } from './support/panel-checks';
import { Session } from './support/session';

const VSIX = process.env.E2E_VSIX ?? vsixPath();

/** Every file under `dir`, relative to it, with / separators. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

describe('the packaged extension (VSIX installed with --install-extension)', function () {
  let session: Session | undefined;

  before(async function () {
    this.timeout(300_000);
    session = await Session.start({ kind: 'vsix', path: VSIX });
  });

  after(async () => {
    await session?.end();
  });

  function started(): Session {
    if (!session) throw new Error('the VSIX session did not start');
    return session;
  }

  it('is within its size budget and installs as plain files: bundles (the engine in one), media, README, no sources or maps', () => {
    const size = fs.statSync(VSIX).size;
    assert.ok(size <= VSIX_BUDGET_BYTES, `the VSIX has ${size} bytes, over ${VSIX_BUDGET_BYTES}`);
    const { extensionsDir } = started().server;
    const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
    };
    const installed = fs
      .readdirSync(extensionsDir)
      .filter((name) => name.startsWith(`${manifest.publisher}.${manifest.name}-`));
    assert.equal(installed.length, 1, `installed: ${fs.readdirSync(extensionsDir).join(', ')}`);
    const dir = path.join(extensionsDir, installed[0]);
    assert.ok(!fs.lstatSync(dir).isSymbolicLink(), 'installed, not linked');
    const files = filesUnder(dir);
    const bundles = ['extension', 'features', 'engine', 'worker', 'webview'].map((b) => `dist/${b}.js`);
    for (const needed of ['package.json', ...bundles]) {
      assert.ok(files.includes(needed), `${needed} is installed (${files.join(', ')})`);
    }
    // The engine once: mathjs's parse error and the LaTeX parser's error code are in engine.js alone.
    for (const marker of ['Unexpected end of expression', 'unexpected-command']) {
      const holders = files.filter(
        (f) => f.endsWith('.js') && fs.readFileSync(path.join(dir, f), 'utf8').includes(marker),
      );
      assert.deepEqual(holders, ['dist/engine.js'], `the bundles that hold "${marker}"`);
    }
    const stray = files.filter((f) =>
      /^(src|test|scripts|bench|examples|node_modules|out)\/|\.(map|ts)$|^dist\/cli\.js$/.test(f),
    );
    assert.deepEqual(stray, [], 'no sources, tests, scripts, maps or CLI in the VSIX');
  });

  it('previews descent in a hover, then runs "Run Gradient Descent" from the palette into the panel', async () => {
    const workbench = await started().newWorkbench();
    await workbench.openFile('quick-tour.md');
    const text = await workbench.hoverText('2x^{2}', 'Gradient descent');
    // By hand (η = 0.1, x0 = 1, tolerance 1e-6): x_k = 0.6^k, and |f′(x_k)| = 4·0.6^k < 1e-6 first at k = 30.
    assert.match(text, /converged in 30 iterations to x\* = 2\.211e−7/, text);
    await workbench.selectText('f(x) = 2x^{2}');
    await workbench.runCommand('Run Gradient Descent');
    await expectPanelWithPlots(workbench);
    const activation = await readActivation(workbench, 'Gradient Descent Lab');
    console.log(`      activation of the packaged extension: ${activation.ms} ms`);
    assert.equal(activation.startup, false, 'activated by an activation event, not at start-up');
  });
});
