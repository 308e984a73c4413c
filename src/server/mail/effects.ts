import type { PlacedOrder } from '../../domain/order.js';
import { enqueueMail, type MailKind } from '../db/mail-store.js';
import type { Db } from '../db/transaction.js';
import type { OrderEffects } from '../orders/effects.js';
import { cancelledMail, confirmationMail, shippedMail, type LineTitle, type RenderedMail } from './order-mails.js';
import { CARRIERS, tracking as trackingOf, type Carrier } from '../../domain/fulfilment.js';

export interface MailEffectsOptions {
  /** The shop's public address (LADEN_PUBLIC_URL, else the server's own), for links in mails. */
  baseUrl(): string;
  titleOf: LineTitle;
  /** Called once a mail is queued: the sender looks soon (after the transaction has committed). */
  queued?(): void;
}

/**
 * The mails an order causes, queued in the order's own transaction: the confirmation when it is
 * placed, the shipping notice when it is shipped, the cancellation notice when it is cancelled. If
 * the transaction rolls back, no mail was ever queued; if it commits, the mail will go out.
 */
export function mailEffects(options: MailEffectsOptions): OrderEffects {
  const orderUrl = async (trx: Db, order: PlacedOrder) => {
    // The shop's order page is addressed by the order's key (the device's outbox key).
    const row = await trx.selectFrom('orders').select('idempotency_key').where('id', '=', order.id).executeTakeFirst();
    return new URL(`/orders/${encodeURIComponent(row?.idempotency_key ?? order.id)}`, options.baseUrl()).toString();
  };
  const queue = async (trx: Db, kind: MailKind, order: PlacedOrder, mail: RenderedMail) => {
    const { firstName, lastName } = order.request.shippingAddress;
    await enqueueMail(trx, {
      kind,
      orderId: order.id,
      to: order.request.contact.email,
      toName: `${firstName} ${lastName}`,
      ...mail,
    });
    options.queued?.();
  };
  return {
    async placed(trx, order) {
      await queue(
        trx,
        'order-confirmation',
        order,
        confirmationMail(order, await orderUrl(trx, order), options.titleOf),
      );
    },
    async stateChanged(trx, { order, to, details }) {
      if (to === 'shipped') {
        const carrier = details['carrier'] ?? '';
        const number = details['trackingNumber'] ?? '';
        const known = Object.hasOwn(CARRIERS, carrier) ? (carrier as Carrier) : undefined;
        const tracking = known
          ? { carrier: CARRIERS[known].name, number, url: trackingOf(known, number).url ?? undefined }
          : { carrier, number };
        await queue(trx, 'order-shipped', order, shippedMail(order, tracking, await orderUrl(trx, order)));
      } else if (to === 'cancelled') {
        const payment = await trx
          .selectFrom('orders')
          .select('payment_state')
          .where('id', '=', order.id)
          .executeTakeFirst();
        const paid = payment?.payment_state === 'paid';
        const reason = details['reason'] ?? '';
        await queue(trx, 'order-cancelled', order, cancelledMail(order, reason, await orderUrl(trx, order), paid));
      }
    },
  };
}
