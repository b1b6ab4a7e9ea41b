// Job values go to the webview once each: every job key gets a small id, a value is posted the first
// time a scene needs it, and summaries refer to values by id. A webview that lost a value (a reload,
// or its own cache dropped it) asks for it again by id.
import type { Envelope } from '../../shared/channel';
import { LruCache } from '../../shared/lruCache';
import type { HostMessage, SceneParts } from '../../shared/protocol';
import type { JobService } from '../../host/jobService';
import { jobKey, type JobKind, type JobOf } from '../../usecases/jobs';
import { wire } from './partWire';
import type { ScenePart } from './sceneTypes';

/** Ids remembered (an id forgotten is given anew and sent again when needed). */
const REMEMBERED = 4_096;

/** Hands out ids and sends each value once. */
export class PartSender {
  private readonly idsByKey = new LruCache<string, number>(REMEMBERED);
  private readonly requests = new LruCache<number, JobOf<JobKind>>(REMEMBERED);
  private readonly sent = new Set<number>();
  private nextId = 1;

  constructor(private readonly post: (message: HostMessage & Envelope) => void) {}

  /** The id of a job key. */
  idOf(key: string): number {
    let id = this.idsByKey.get(key);
    if (id === undefined) {
      id = this.nextId++;
      this.idsByKey.set(key, id);
    }
    return id;
  }

  /** Posts the values the webview does not have yet. */
  send(parts: readonly ScenePart[]): void {
    for (const part of parts) {
      const id = this.idOf(part.key);
      this.requests.set(id, part.request);
      if (this.sent.has(id)) continue;
      this.sent.add(id);
      this.post({ type: 'part', id, part: part.value });
    }
  }

  /** The job behind an id, to compute or fetch it again. */
  requestOf(id: number): JobOf<JobKind> | undefined {
    return this.requests.get(id);
  }

  /** Sends again the values the webview asked for (computed again when the cache dropped them). */
  async resend(ids: readonly number[], jobs: JobService): Promise<void> {
    for (const id of ids) {
      const request = this.requestOf(id);
      if (!request) continue;
      const outcome = await jobs.get(request);
      if (!outcome.ok) continue;
      // The webview lost it: send it even if it went out before.
      this.sent.delete(id);
      this.send([{ slot: 'run', key: jobKey(request), value: wire(request.kind, outcome.value), request }]);
    }
  }

  /** The scene's slots by id. */
  ids(parts: readonly ScenePart[]): SceneParts {
    const single: Record<string, number> = {};
    const lists: Record<'regimes' | 'compare', number[]> = { regimes: [], compare: [] };
    for (const part of parts) {
      const id = this.idOf(part.key);
      if (part.slot === 'regimes' || part.slot === 'compare') lists[part.slot][part.index ?? 0] = id;
      else single[part.slot] = id;
    }
    const list = (l: number[]): number[] | undefined =>
      l.length > 0 && l.every((x) => x !== undefined) ? l : undefined;
    const regimes = list(lists.regimes);
    const compare = list(lists.compare);
    return { ...single, ...(regimes ? { regimes } : {}), ...(compare ? { compare } : {}) } as SceneParts;
  }

  /** A new webview holds nothing that was sent to the previous one. */
  forget(): void {
    this.sent.clear();
  }
}
