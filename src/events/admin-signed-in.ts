import type { Staff } from '../admin/types.js';

/** The sign-in page tells the back office shell who signed in, and how (the passkey prompt follows a password). */
export class AdminSignedInEvent extends Event {
  static readonly eventName = 'admin-signed-in';
  constructor(
    readonly staff: Staff,
    readonly method: 'password' | 'passkey',
  ) {
    super(AdminSignedInEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'admin-signed-in': AdminSignedInEvent;
  }
}
