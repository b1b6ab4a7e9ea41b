// Bundles the four programs: the extension host, its worker, the headless CLI and the webview script.
// With --production it also prints each bundle's size and what in it is largest (esbuild's metafile).
const esbuild = require('esbuild');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/host/worker.ts'],
    outfile: 'dist/worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
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
  return pkg ? pkg[1] : path.dirname(input);
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

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching');
    return;
  }
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: production })));
  if (production) for (const result of results) printSizes(result.metafile);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
