import type { OpenOrder, OrderRequest, ShopOrder } from '../domain/order.js';
import type { Quote } from '../domain/quote.js';
import { placeOrder, updateOrder } from '../storage/outbox-store.js';
import { orderSender } from './page-order-sender.js';

/** What the order service needs of the sender: a way to start a delivery pass. */
export interface OrderDelivery {
  start(): void;
  stop(): void;
  deliverSoon(): void;
}

/**
 * Placing and re-placing orders for the pages: each order is stored in the outbox first (so it
 * survives going offline and closing the page), then the sender is asked to deliver it. Provided to
 * components through `orderContext`.
 */
export class OrderService {
  constructor(readonly delivery: OrderDelivery = orderSender) {}

  /** Starts delivering stored orders (at start-up, on `online`, on a timer while one waits). */
  start(): void {
    this.delivery.start();
  }

  stop(): void {
    this.delivery.stop();
  }

  /** Stores the order and empties the cart in one transaction, then starts sending it. */
  async place(request: OrderRequest, quote: Quote): Promise<OpenOrder> {
    const order = await placeOrder(request, quote);
    this.delivery.deliverSoon();
    return order;
  }

  /**
   * Orders a rejected order again at the price in `quote` (the cart stays as it is), as it was or
   * changed (`request`: e.g. cut down to what is in stock).
   */
  async reorder(
    order: OpenOrder,
    quote: Quote,
    request: OrderRequest = { ...order.request, expectedTotal: quote.total },
  ): Promise<OpenOrder> {
    const again = await placeOrder(request, quote, { fromCart: false });
    await updateOrder(order.key, (o) => ({ ...o, resolution: { action: 'reordered', key: again.key } }));
    this.delivery.deliverSoon();
    return again;
  }

  /** Records that a rejected order's articles went back into the cart. */
  async returnedToCart(order: ShopOrder): Promise<void> {
    await updateOrder(order.key, (o) => ({ ...o, resolution: { action: 'returned-to-cart' } }));
  }
}
