import { StorageNoticeEvent, type StorageNoticeKind } from '../events/storage-notice.js';

/**
 * Where the storage modules tell the UI about things the shopper should know (a repaired cart, a full
 * disk, a tab that must reload). <shop-storage-notice> listens; storage code never touches the DOM.
 */
export const storageNotices = new EventTarget();

export function notify(kind: StorageNoticeKind, message: string): void {
  storageNotices.dispatchEvent(new StorageNoticeEvent(kind, message));
}
