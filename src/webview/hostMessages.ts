// What the webview does with each message of the host: the store takes it, and what it changed is
// drawn at the next frame (the chrome for a new state, the content for a run or a part). Part values
// a run's summary refers to and the webview lacks are asked for, once each.
import type { HostMessage } from '../shared/protocol';
import type { Store } from './store';

/** What handling a host message touches. */
export interface HostMessageDeps {
  readonly store: Store;
  readonly schedule: (what: 'chrome' | 'content') => void;
  /** Shows the store's notice. */
  readonly showNotice: () => void;
  /** Asks the host for these part values. */
  readonly need: (ids: number[]) => void;
  /** After every message: report whether the panel is busy, save the state soon. */
  readonly afterwards: () => void;
}

/** The handler of the host's messages. */
export function hostMessageHandler(deps: HostMessageDeps): (message: HostMessage) => void {
  const { store } = deps;
  const requested = new Set<number>();
  return (message) => {
    const change = store.apply(message);
    if (change === 'state') deps.schedule('chrome');
    else if (change === 'run' || change === 'part') deps.schedule('content');
    else if (change === 'notice') deps.showNotice();
    if (change === 'run') {
      const missing = store.missing().filter((id) => !requested.has(id));
      if (missing.length > 0) {
        for (const id of missing) requested.add(id);
        deps.need(missing);
      }
    }
    deps.afterwards();
  };
}
