// What the panel's session does to the outside world (panel.ts does it with VS Code; tests record it).
import type { Envelope } from '../../shared/channel';
import type { HostMessage } from '../../shared/protocol';

/** What the session does to the outside world. */
export interface SessionEffects {
  post(message: HostMessage & Envelope): void;
  copy(text: string): Promise<void>;
  /** Asks where to save and writes the file; the saved location, or undefined if cancelled. */
  save(format: 'svg' | 'png', data: string, name: string): Promise<string | undefined>;
  log(message: string): void;
  /** Asks for a CSV/TSV file and reads it: its name and text, or undefined if cancelled. */
  pickData?(): Promise<{ readonly origin: string; readonly text: string } | undefined>;
  /** A main run the person may wait for: show progress after a while, with a way to cancel it. */
  busy?(finished: Promise<unknown>, cancel: () => void): void;
}
