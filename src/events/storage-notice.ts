/** Why the local storage wants the shopper's attention; each kind reads differently in the UI. */
export const STORAGE_NOTICE_KINDS = {
  /** A damaged or outdated record was repaired or dropped. */
  repaired: 'repaired',
  /** The device is out of space; nothing was lost, the last change was not saved. */
  full: 'full',
  /** Another tab runs an older Laden and holds up a storage upgrade. */
  blocked: 'blocked',
  /** Another tab upgraded the storage; this (older) page must reload to keep saving. */
  outdated: 'outdated',
} as const;
export type StorageNoticeKind = (typeof STORAGE_NOTICE_KINDS)[keyof typeof STORAGE_NOTICE_KINDS];

/** Told on `storageNotices` (src/storage/notices.ts), not bubbled: storage lives outside the DOM. */
export class StorageNoticeEvent extends Event {
  static readonly eventName = 'shop-storage-notice';
  constructor(
    readonly kind: StorageNoticeKind,
    readonly message: string,
  ) {
    super(StorageNoticeEvent.eventName);
  }
}
