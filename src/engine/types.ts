// Shared engine types: the contract between formula parsing, the compiler, the optimizers and
// every consumer (CLI, extension host, worker, tests), one module per topic. This module re-exports
// them so that the many modules importing './types' need not change.
export * from './formulaTypes';
export * from './optimizerTypes';
export * from './schedulerTypes';
export * from './optionTypes';
export * from './traceTypes';
export * from './resultTypes';
export * from './problemTypes';
