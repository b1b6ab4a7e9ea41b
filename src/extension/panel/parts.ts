// Job values go to the webview once each: every job key gets a small id, a value is posted the first
// time a scene needs it, and summaries refer to values by id. A webview that lost a value (a reload,
// or its own cache dropped it) asks for it again by id.
import type { Envelope } from '../../shared/channel';
import { LruCache } from '../../shared/lruCache';
import type { HostMessage, SceneParts } from '../../shared/protocol';
import type { JobKind, JobOf } from '../../usecases/jobs';
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

  /** Marks a value as not held by the webview (it asked for it again). */
  unsent(id: number): void {
    this.sent.delete(id);
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
