import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StorageNoticeEvent } from '../events/storage-notice.js';
import { storageNotices } from '../storage/notices.js';

/** The storage notices for a component (a repaired cart, a full disk), each message once. */
export class StorageNoticeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  notices: StorageNoticeEvent[] = [];

  readonly #onNotice = (event: Event): void => {
    if (!(event instanceof StorageNoticeEvent)) return;
    if (this.notices.some((n) => n.message === event.message)) return;
    this.notices = [...this.notices, event];
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    storageNotices.addEventListener(StorageNoticeEvent.eventName, this.#onNotice);
  }

  hostDisconnected(): void {
    storageNotices.removeEventListener(StorageNoticeEvent.eventName, this.#onNotice);
  }

  dismiss(notice: StorageNoticeEvent): void {
    this.notices = this.notices.filter((n) => n !== notice);
    this.#host.requestUpdate();
  }
}
