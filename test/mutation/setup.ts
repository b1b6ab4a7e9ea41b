// Loaded by Stryker before the specs: property tests draw the same cases in every run, so a
// mutant's survival does not depend on the luck of the draw and incremental runs stay valid.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20_100 });
