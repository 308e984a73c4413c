import type { ClaimedMail, MailStore } from '../db/mail-store.js';
import { MailSendError, type MailTransport } from './transport.js';

export interface SenderOptions {
  /** How often the outbox is looked at when nothing woke the sender (default 1 s). */
  pollMs?: number;
  /**
   * How long a claim on a mail lasts (default 2 min, well above the transport's timeouts): a claim
   * older than this belongs to a process that died mid-send, and another sender takes the mail over.
   */
  leaseMs?: number;
  /** The wait after the first temporary failure; doubled after each further one (default 30 s). */
  retryBaseMs?: number;
  /** The longest wait between two attempts (default 1 h). */
  retryMaxMs?: number;
  /** Attempts before a mail that keeps failing temporarily is given up (default 24, about a day). */
  maxAttempts?: number;
}

/** The wait before attempt `attempts + 1`: exponential, capped. */
export const backoff = (attempts: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));

/**
 * Delivers the outbox, one mail at a time: claims the next due mail, hands it to the transport and
 * records the outcome. Temporary failures (4xx, no connection) are retried with exponential backoff;
 * permanent ones (5xx) are recorded as failed with the server's answer and not retried. Delivery is
 * at least once: a process killed after the server took a mail but before the outcome was stored
 * sends it again once its claim has run out (same Message-ID).
 */
export class MailSender {
  readonly #store: MailStore;
  readonly #transport: MailTransport;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;
  readonly #maxAttempts: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;

  constructor(store: MailStore, transport: MailTransport, options: SenderOptions = {}) {
    this.#store = store;
    this.#transport = transport;
    this.#pollMs = options.pollMs ?? 1000;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#retryBaseMs = options.retryBaseMs ?? 30_000;
    this.#retryMaxMs = options.retryMaxMs ?? 3_600_000;
    this.#maxAttempts = options.maxAttempts ?? 24;
  }

  start(): void {
    this.#stopped = false;
    this.wake();
  }

  /** Look at the outbox now (after a mail was queued or resent), not at the next poll. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.wake();
      } else {
        this.#timer = setTimeout(() => this.wake(), this.#pollMs);
        this.#timer.unref();
      }
    });
  }

  /** Called from inside a transaction that queued a mail: look once it has had time to commit. */
  wakeSoon(): void {
    if (!this.#stopped) setTimeout(() => this.wake(), 50).unref();
  }

  /** Stops polling and waits for the mail being sent, if any. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    this.#transport.close();
  }

  async #drain(): Promise<void> {
    try {
      while (!this.#stopped) {
        const mail = await this.#store.claimNext(this.#leaseMs);
        if (!mail) return;
        await this.#deliver(mail);
      }
    } catch (error) {
      // The database is away: the mails stay queued; the next poll tries again.
      console.error(`mail: cannot read the outbox (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  async #deliver(mail: ClaimedMail): Promise<void> {
    let answer: string;
    try {
      answer = await this.#transport.send(mail);
    } catch (error) {
      const failure = error instanceof MailSendError ? error : new MailSendError(String(error), true);
      if (failure.temporary && mail.attempts < this.#maxAttempts) {
        const next = Date.now() + backoff(mail.attempts, this.#retryBaseMs, this.#retryMaxMs);
        await this.#store.markRetry(mail, failure.message, next);
        console.warn(`mail ${mail.id}: attempt ${mail.attempts} failed, retrying (${failure.message})`);
      } else {
        await this.#store.markFailed(mail, failure.message);
        console.error(`mail ${mail.id}: given up after ${mail.attempts} attempts (${failure.message})`);
      }
      return;
    }
    await this.#store.markSent(mail, answer);
  }
}
