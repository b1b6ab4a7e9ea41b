// Mutation testing of the modules that guard input and decide results (npm run test:mutation;
// not part of npm test). Run one module at a time on a shared machine:
//   npm run test:mutation -- --mutate src/engine/stationary.ts
// Results are kept in test-results/mutation, so a rerun only tests mutants whose code or tests changed.
// MUTATION_SPECS (comma-separated paths or globs) runs only the specs that test the module: a module
// whose code runs at load time (static mutants) reruns every spec for each mutant, so a narrow list
// is many times faster; the score can only be lower than with every spec.
//   MUTATION_SPECS=test/unit/allowList.test.ts,test/unit/parse-*.test.ts npm run test:mutation -- --mutate …
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  // The specs are TypeScript, run through tsx as npm run test:unit runs them.
  testRunnerNodeArgs: ['--import', 'tsx'],
  mochaOptions: {
    'no-config': true,
    require: ['./test/mutation/setup.ts'],
    spec: process.env.MUTATION_SPECS?.split(',') ?? [
      'test/unit/parse-*.test.ts',
      'test/unit/notation-*.test.ts',
      'test/unit/messages.test.ts',
      'test/unit/corpus-inputs.test.ts',
      'test/unit/functions.test.ts',
      'test/unit/parameters.test.ts',
      'test/unit/bounded.test.ts',
      'test/unit/stationary.test.ts',
      'test/unit/descent.test.ts',
      'test/unit/trace.test.ts',
      'test/unit/genericLoop.test.ts',
      'test/unit/descentRules.test.ts',
      'test/unit/sweep.test.ts',
      'test/unit/optionsApply.test.ts',
      'test/unit/optimizer.test.ts',
      'test/unit/optimizer-state.test.ts',
      'test/unit/steps.test.ts',
      'test/unit/multistart.test.ts',
      'test/unit/cli.test.ts',
      'test/unit/cli-args.test.ts',
      'test/unit/allowList.test.ts',
      'test/unit/fuzz-notation.test.ts',
      'test/unit/reference.test.ts',
      'test/unit/registry.test.ts',
      'test/unit/newton.test.ts',
      'test/unit/lineSearch.test.ts',
      'test/unit/strongWolfe.test.ts',
      'test/unit/schema.test.ts',
      'test/unit/protocol.test.ts',
      'test/unit/protocol-guards.test.ts',
      'test/unit/session.test.ts',
      'test/unit/panelState.test.ts',
      'test/unit/panel-parameters.test.ts',
    ],
  },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/engine/parse/allowList.ts',
    'src/engine/stationary.ts',
    'src/engine/descent.ts',
    'src/engine/fusedGd.ts',
    'src/engine/loop.ts',
    'src/engine/sweep.ts',
    'src/engine/trace.ts',
    'src/engine/optimizers/*.ts',
    'src/shared/schema.ts',
    'src/shared/protocol.ts',
    'src/extension/panel/state.ts',
  ],
  ignorePatterns: ['dist', 'out', '.vscode-test', '.code-server', 'test/e2e', 'test/integration', 'docs'],
  tempDirName: 'test-results/stryker-tmp',
  incremental: true,
  incrementalFile: 'test-results/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'test-results/mutation/mutation.json' },
  htmlReporter: { fileName: 'test-results/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  concurrency: 1,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 80, break: null },
};
