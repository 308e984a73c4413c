/** Asks the app shell to show another URL of the shop (pushes history). */
export class NavigateEvent extends Event {
  static readonly eventName = 'shop-navigate';
  constructor(readonly href: string) {
    super(NavigateEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-navigate': NavigateEvent;
  }
}
