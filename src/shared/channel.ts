// Matched request/reply messaging over any postMessage-like transport: the host and its webview, the
// host and its worker. A request carries a `messageId`; its answer carries `inReplyTo` with that id.
// Everything that arrives is checked by the receiving side's schema first (a webview is untrusted
// input); a malformed message is dropped and reported, never thrown.
import { isRecord, type Schema } from './schema';

/** The envelope fields the channel adds to a message. */
export interface Envelope {
  readonly messageId?: number;
  readonly inReplyTo?: number;
}

/** A message the channel can send: an object with a `type`. */
export type Message = { readonly type: string };

/** What the channel needs from its side. */
export interface ChannelOptions<TIn extends Message, TOut extends Message> {
  /** Sends one message (with its envelope) to the other side. */
  readonly post: (message: TOut & Envelope) => void;
  /** The schema of everything the other side may send. */
  readonly incoming: Schema<TIn>;
  /** Handles a message that is not an answer; returning a message answers a request with it. */
  readonly handle: (message: TIn) => TOut | undefined | Promise<TOut | undefined>;
  /** Hears why a message was dropped. */
  readonly reject?: (reason: string) => void;
}

interface Pending<TIn> {
  resolve(message: TIn): void;
  reject(error: Error): void;
}

const validId = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined;

/** One side of a channel. */
export class MessageChannel<TIn extends Message, TOut extends Message> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending<TIn>>();

  constructor(private readonly options: ChannelOptions<TIn, TOut>) {}

  /** Sends a message that expects no answer. */
  notify(message: TOut): void {
    this.options.post(message);
  }

  /** Sends a request and resolves with its answer (rejects when the channel is closed first). */
  request(message: TOut): Promise<TIn> {
    const messageId = this.nextId++;
    return new Promise<TIn>((resolve, reject) => {
      this.pending.set(messageId, { resolve, reject });
      try {
        this.options.post({ ...message, messageId });
      } catch (error) {
        this.pending.delete(messageId);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Requests sent and not yet answered. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Takes one raw message from the other side. Never throws. */
  receive(raw: unknown): void {
    const parsed = this.options.incoming.parse(raw);
    if (!parsed.ok) {
      this.options.reject?.(parsed.error);
      return;
    }
    const envelope = isRecord(raw) ? raw : {};
    const inReplyTo = validId(envelope.inReplyTo);
    if (inReplyTo !== undefined) {
      const pending = this.pending.get(inReplyTo);
      this.pending.delete(inReplyTo);
      if (pending) pending.resolve(parsed.value);
      else this.options.reject?.(`an answer to ${inReplyTo}, which nobody asked`);
      return;
    }
    const messageId = validId(envelope.messageId);
    void this.answer(parsed.value, messageId);
  }

  /** Fails every request still waiting (the other side went away). */
  close(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }

  private async answer(message: TIn, messageId: number | undefined): Promise<void> {
    let reply: TOut | undefined;
    try {
      reply = await this.options.handle(message);
    } catch (error) {
      this.options.reject?.(
        `${message.type} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    if (reply !== undefined && messageId !== undefined) this.options.post({ ...reply, inReplyTo: messageId });
  }
}
