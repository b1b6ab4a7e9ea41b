// Validation between options, once every one is read: ranges whose ends must be in order, options
// that need another (the batch options need --data, --seed needs --shuffle) or exclude one.
import { UsageError, type CliArgs } from './cliArgs';

/** Throws UsageError when the options, each valid alone, do not go together. */
export function checkCombinations(out: CliArgs): void {
  if (out.betaMin !== undefined && out.betaMax !== undefined && !(out.betaMax >= out.betaMin)) {
    throw new UsageError(`--beta-max (${out.betaMax}) must not be below --beta-min (${out.betaMin}).`);
  }
  const batchOption = ['batchSize', 'shuffle', 'seed', 'epochs'].find(
    (k) => out[k as keyof CliArgs] !== undefined && out[k as keyof CliArgs] !== false,
  );
  if (batchOption !== undefined && out.data === undefined) {
    throw new UsageError(`--${batchOption === 'batchSize' ? 'batch-size' : batchOption} needs --data FILE.`);
  }
  if (out.seed !== undefined && !out.shuffle) throw new UsageError('--seed needs --shuffle.');
  if (out.epochs !== undefined && out.maxIterations !== undefined) {
    throw new UsageError('Give --epochs or --max-iter, not both.');
  }
  if (out.lrMin !== undefined && out.lrMax !== undefined && !(out.lrMax > out.lrMin)) {
    throw new UsageError(`--lr-max (${out.lrMax}) must be greater than --lr-min (${out.lrMin}).`);
  }
}
