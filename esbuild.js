// Bundles the programs: on the extension host's side a tiny activation bundle (extension.js), the
// features it loads on first need (features.js: commands, hover, panel), the worker thread's entry
// (worker.js) and the one engine bundle both of those require (engine.js: engine, use cases, job
// cache, worker code); then the headless CLI (standalone, not shipped) and the webview script.
// It copies the panel's KaTeX stylesheet and fonts to dist/katex (scripts/katex-assets.js). With
// --production it also prints each bundle's size and what in it is largest (esbuild's metafile).
const esbuild = require('esbuild');
const path = require('node:path');
const { isBuiltin } = require('node:module');
const { copyKatexAssets } = require('./scripts/katex-assets');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const SRC = path.join(__dirname, 'src');
/** The engine's folders: code from them reaches features.js and worker.js only through engine.js. */
const ENGINE_DIRS = ['engine', 'usecases', 'host'].map((dir) => path.join(SRC, dir) + path.sep);
const FEATURES = path.join(SRC, 'extension', 'features.ts');
/** What the modules of the engine's folders become in features.js and worker.js. */
const ENGINE_REQUIRE = 'gdlab:engine.js';

const inEngine = (file) => ENGINE_DIRS.some((dir) => file.startsWith(dir));
const key = (file) => path.relative(SRC, file).split(path.sep).join('/');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

/** The engine's modules that features.js and worker.js use, by key (collected while they build). */
const seamModules = new Map();

/** Resolves an import the ordinary way (the plugins below only decide what to do with the result). */
async function resolved(build, args) {
  const result = await build.resolve(args.path, {
    kind: args.kind,
    importer: args.importer,
    resolveDir: args.resolveDir,
    pluginData: { plain: true },
  });
  return result.errors.length > 0 ? undefined : result.path;
}

/**
 * features.js and worker.js: every module of the engine's folders is replaced by its namespace in
 * engine.js, so the engine exists once per thread (and FormulaError is one class on the host).
 */
const engineSeam = {
  name: 'engine-seam',
  setup(build) {
    build.onResolve({ filter: /^gdlab:engine\.js$/ }, () => ({ path: './engine.js', external: true }));
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.plain || args.kind === 'entry-point') return undefined;
      const file = await resolved(build, args);
      if (!file || !inEngine(file)) return undefined;
      seamModules.set(key(file), file);
      return { path: key(file), namespace: 'engine-seam' };
    });
    // A package (mathjs, the LaTeX parser) would be a second copy of it: only Node's own and vscode.
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path === 'vscode' || args.path === ENGINE_REQUIRE || isBuiltin(args.path)) return undefined;
      return { errors: [{ text: `${args.path} belongs in engine.js, imported from the engine's folders` }] };
    });
    build.onLoad({ filter: /.*/, namespace: 'engine-seam' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(ENGINE_REQUIRE)}).modules[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

/** extension.js: loads features.js by a dynamic import only, and nothing of the engine at all. */
const activationOnly = {
  name: 'activation-only',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.plain || args.kind === 'entry-point') return undefined;
      const file = await resolved(build, args);
      if (file === FEATURES) {
        if (args.kind === 'dynamic-import') return { path: './features.js', external: true };
        return { errors: [{ text: 'extension.ts may load features.ts only with import(), on first need' }] };
      }
      if (file && inEngine(file)) {
        return { errors: [{ text: `the activation bundle may not import the engine (${key(file)})` }] };
      }
      return undefined;
    });
  },
};

/** engine.js: one module whose `modules` holds the namespace of every module features.js and worker.js use. */
const engineEntry = {
  name: 'engine-entry',
  setup(build) {
    build.onResolve({ filter: /^gdlab:engine-entry$/ }, () => ({
      path: 'engine',
      namespace: 'engine-entry',
    }));
    build.onLoad({ filter: /.*/, namespace: 'engine-entry' }, () => {
      const modules = [...seamModules].sort(([a], [b]) => a.localeCompare(b));
      const imports = modules.map(([, file], i) => `import * as m${i} from ${JSON.stringify(file)};`);
      const entries = modules.map(([name], i) => `  ${JSON.stringify(name)}: m${i},`);
      return {
        contents: [...imports, 'export const modules = {', ...entries, '};'].join('\n'),
        resolveDir: SRC,
        loader: 'js',
        watchFiles: modules.map(([, file]) => file),
      };
    });
  },
};

/** Bundles that name the engine's modules; they build before engine.js, which serves what they name. */
const seamUsers = [
  {
    ...node,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    // import() becomes require() in a promise: VS Code loads an extension's modules through require.
    supported: { 'dynamic-import': false },
    plugins: [activationOnly],
  },
  {
    ...node,
    entryPoints: [FEATURES],
    outfile: 'dist/features.js',
    external: ['vscode'],
    plugins: [engineSeam],
  },
  { ...node, entryPoints: ['src/host/worker.ts'], outfile: 'dist/worker.js', plugins: [engineSeam] },
];

/** The engine bundle; no `vscode` here (the worker thread cannot require it), so an import of it fails the build. */
const engine = {
  ...node,
  entryPoints: ['gdlab:engine-entry'],
  outfile: 'dist/engine.js',
  plugins: [engineEntry],
};

const standalone = [
  {
    ...node,
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

const TOP = 6;

/** Groups a metafile input under its npm package (node_modules/<name>) or its source folder. */
function owner(input) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1];
  return input.startsWith('engine-seam:') ? 'from engine.js' : path.dirname(input);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);

/** One block per output file: its size, then its largest contributors by bytes in the output. */
function printSizes(metafile) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const byOwner = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + bytesInOutput);
    }
    const largest = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, TOP);
    console.log(`${kb(output.bytes)}  ${file}`);
    for (const [name, bytes] of largest) console.log(`${kb(bytes)}    ${name}`);
  }
}

/** Watching: engine.js is built again whenever a bundle that uses it was (it may name new modules). */
async function watchAll() {
  const engineContext = await esbuild.context(engine);
  const rebuildEngine = {
    name: 'rebuild-engine',
    setup(build) {
      // Returns nothing: esbuild reads what onEnd returns as options.
      build.onEnd(async () => {
        await engineContext.rebuild().catch(() => undefined);
      });
    },
  };
  const contexts = await Promise.all([
    ...seamUsers.map((b) => esbuild.context({ ...b, plugins: [...b.plugins, rebuildEngine] })),
    ...standalone.map((b) => esbuild.context(b)),
  ]);
  await Promise.all(contexts.map((c) => c.watch()));
  await engineContext.watch();
  console.log('[esbuild] watching');
}

async function main() {
  copyKatexAssets(__dirname);
  if (watch) return watchAll();
  const metafile = production;
  const first = await Promise.all(
    [...seamUsers, ...standalone].map((b) => esbuild.build({ ...b, metafile })),
  );
  const last = await esbuild.build({ ...engine, metafile });
  if (production) for (const result of [...first, last]) printSizes(result.metafile);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
