// The job cache: a job is computed once however many ask for it at once, served from the cache after,
// cancelled when every caller gave up, and started again (not joined) by a caller that comes after.
import * as assert from 'node:assert/strict';
import { resolveLimits } from '../../src/engine/limits';
import { JobService, type RemoteRunner } from '../../src/host/jobService';
import { createProblemCache } from '../../src/host/problemCache';
import type { JobKind, JobOf } from '../../src/usecases/jobs';
import { CANCELLED, runJob, type JobOutcome } from '../../src/usecases/jobOutcome';

/** A worker stand-in that computes a job only when the test says so. */
class ManualRemote implements RemoteRunner {
  readonly started: { request: JobOf<JobKind>; signal?: AbortSignal; finish: () => void }[] = [];
  run<K extends JobKind>(request: JobOf<K>, signal?: AbortSignal): Promise<JobOutcome<K>> {
    return new Promise((resolve) => {
      const limits = resolveLimits();
      const finish = () =>
        resolve(
          signal?.aborted
            ? { ok: false, error: CANCELLED }
            : runJob(request, { problems: createProblemCache(limits), limits }),
        );
      this.started.push({ request, ...(signal ? { signal } : {}), finish });
      signal?.addEventListener('abort', finish);
    });
  }
}

function service(remote?: RemoteRunner, inlineBudgetMs = 12) {
  const limits = resolveLimits();
  return new JobService({
    problems: createProblemCache(limits),
    limits,
    ...(remote ? { remote } : {}),
    inlineBudgetMs,
  });
}

const RUN = {
  kind: 'run',
  formula: 'x^2',
  options: {
    start: [1],
    optimizer: { name: 'gd', lr: 0.1 },
    stop: { maxIterations: 10 },
    maximize: false,
    traceLimit: 20,
  },
} as const;

describe('job service', () => {
  it('computes a cheap job inline once, then serves it from the cache', async () => {
    const jobs = service(new ManualRemote());
    // Parsing a short formula is cheap, and once it is compiled its run can be costed: both inline.
    assert.ok((await jobs.get({ kind: 'formula', formula: 'x^2' })).ok);
    const a = await jobs.get(RUN);
    const b = await jobs.get({ ...RUN, options: { ...RUN.options } });
    assert.ok(a.ok && b.ok && a.value === b.value);
    assert.equal(jobs.computed.run, 1);
    assert.equal(jobs.peek(RUN), a);
  });

  it('sends a job the host cannot estimate to the worker, once for every caller at the same time', async () => {
    const remote = new ManualRemote();
    const jobs = service(remote, 0);
    const first = jobs.get(RUN);
    const second = jobs.get(RUN);
    assert.equal(remote.started.length, 1, 'one computation for two callers');
    remote.started[0]!.finish();
    const [a, b] = await Promise.all([first, second]);
    assert.ok(a.ok && b.ok);
    assert.equal(jobs.computed.run, 1);
  });

  it('cancels a job when every caller gave up, and starts it again for a caller that comes later', async () => {
    const remote = new ManualRemote();
    const jobs = service(remote, 0);
    const one = new AbortController();
    const two = new AbortController();
    const a = jobs.get(RUN, one.signal);
    const b = jobs.get(RUN, two.signal);
    one.abort();
    assert.equal(remote.started[0]!.signal?.aborted, false, 'one caller still waits');
    two.abort();
    assert.equal(remote.started[0]!.signal?.aborted, true, 'nobody waits: the job is cancelled');
    const late = jobs.get(RUN);
    assert.equal(remote.started.length, 2, 'the late caller does not join the cancelled job');
    remote.started[1]!.finish();
    const [ra, rb, rl] = await Promise.all([a, b, late]);
    assert.ok(!ra.ok && ra.error.code === 'cancelled' && !rb.ok);
    assert.ok(rl.ok, 'the late caller gets a result');
    assert.equal(jobs.peek(RUN), rl, 'a cancelled outcome is never cached');
  });
});
