// What the webview knows: the host's latest report of the runs, the selection and the view, and the
// part values the summaries refer to by id. The host owns the state; this is what it last said, kept
// so the page can be drawn (and, saved with setState, drawn again at once after a reload).
import type { HostMessage, PanelView, PartValue, PersistedState, RunSummary } from '../shared/protocol';

/** The value of a part of kind K. */
type PartValues = { [P in PartValue as P['kind']]: P['value'] };
export type PartOf<K extends PartValue['kind']> = PartValues[K];

/** Part values kept; a value still referred to by the shown run is never dropped. */
const PART_CACHE = 96;

/** The webview's copy of what the host reported. */
export class Store {
  runs: RunSummary[] = [];
  selected = 0;
  view: PanelView = 'runs';
  notice = '';
  private readonly parts = new Map<number, PartValue>();

  /** The selected run's summary (or the first). */
  get run(): RunSummary | undefined {
    return this.runs.find((r) => r.id === this.selected) ?? this.runs[0];
  }

  /** A part value by id, of the expected kind. */
  part<K extends PartValue['kind']>(id: number | undefined, kind: K): PartOf<K> | undefined {
    if (id === undefined) return undefined;
    const part = this.parts.get(id);
    if (part?.kind !== kind) return undefined;
    // The kind was just checked; TypeScript cannot narrow a union by a generic kind.
    const value: unknown = part.value;
    return value as PartOf<K>;
  }

  /** Ids the shown run refers to that the webview does not hold (to ask the host for). */
  missing(): number[] {
    const parts = this.run?.parts;
    if (!parts) return [];
    const ids = Object.values(parts).flatMap((v) => (Array.isArray(v) ? v : [v])) as number[];
    return ids.filter((id) => !this.parts.has(id));
  }

  /** Applies a host message; returns what changed: the list ('state'), one run ('run'), or nothing drawn. */
  apply(message: HostMessage): 'state' | 'run' | 'part' | 'notice' | 'none' {
    switch (message.type) {
      case 'state':
        this.runs = [...message.runs];
        this.selected = message.selected;
        this.view = message.view;
        return 'state';
      case 'run': {
        const index = this.runs.findIndex((r) => r.id === message.run.id);
        if (index < 0) return 'none';
        this.runs[index] = message.run;
        return message.run.id === this.run?.id ? 'run' : 'state';
      }
      case 'part':
        this.keep(message.id, message.part);
        return 'part';
      case 'notice':
        this.notice = message.text;
        return 'notice';
      default:
        return 'none';
    }
  }

  /** Takes back what a previous page saved, to draw at once before the host answers. */
  restore(saved: PersistedState): void {
    this.selected = saved.selected;
    this.view = saved.view;
    const scene = saved.scene;
    if (scene) {
      this.runs = [scene.run];
      for (const { id, part } of scene.parts) this.keep(id, part);
    }
  }

  /** The shown run and the values it refers to, for setState. */
  scene(): PersistedState['scene'] {
    const run = this.run;
    if (!run?.parts) return undefined;
    const ids = Object.values(run.parts).flatMap((v) => (Array.isArray(v) ? v : [v])) as number[];
    const parts = ids.flatMap((id) => {
      const part = this.parts.get(id);
      return part ? [{ id, part }] : [];
    });
    return { run, parts };
  }

  private keep(id: number, part: PartValue): void {
    this.parts.delete(id);
    this.parts.set(id, part);
    if (this.parts.size <= PART_CACHE) return;
    const pinned = new Set(this.scene()?.parts.map((p) => p.id) ?? []);
    for (const key of this.parts.keys()) {
      if (this.parts.size <= PART_CACHE) break;
      if (!pinned.has(key)) this.parts.delete(key);
    }
  }
}
