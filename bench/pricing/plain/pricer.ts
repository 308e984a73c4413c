// One quote's arithmetic: coupons, the cheapest combination of promotions, shipping and VAT, on
// typed arrays that live as long as the engine.
import type { CouponStatus } from '../../../src/domain/quote.js';
import { mulDiv, mulDivRemainder, roundDiv } from './arith.js';
import type { CartLines } from './lines.js';
import {
  BUY_X_GET_Y,
  FREE_SHIPPING,
  ORDER_AMOUNT,
  PERCENTAGE,
  VOLUME_TIERS,
  type CouponEntry,
  type PlainState,
} from './state.js';

const STACK = -1;
/** Items below 2^20 and goods below 2^33 cents keep a packed remainder key below 2^53. */
const ITEM_SPAN = 2 ** 20;
const ITEM_LIMIT_GOODS = 2 ** 33;
const STATUSES: CouponStatus[] = ['applied', 'expired', 'not-yet-valid', 'minimum-not-reached', 'not-combinable'];
const APPLIED = 0,
  EXPIRED = 1,
  NOT_YET_VALID = 2,
  MINIMUM_NOT_REACHED = 3,
  NOT_COMBINABLE = 4;

export class Pricer {
  lineCount = 0;
  item = new Int32Array(0);
  quantity = new Float64Array(0);
  listTotal = new Float64Array(0);
  value = new Float64Array(0);
  discount = new Float64Array(0);
  adjLine = new Int32Array(0);
  adjPromotion = new Int32Array(0);
  adjAmount = new Float64Array(0);
  adjCount = 0;
  subtotal = 0;
  discountTotal = 0;
  shipping = 0;
  freeBy = -1;
  freeThreshold = -1;
  freeRemaining = 0;
  vatRows = 0;
  readonly vatRate = new Float64Array(8);
  readonly vatGross = new Float64Array(8);
  readonly vatRemainder = new Float64Array(8);
  #state!: PlainState;
  #candidate = new Uint8Array(0);
  #covered = new Int32Array(0);
  #coveredCount = new Int32Array(0);
  #order = new Int32Array(0);
  #tmp = new Int32Array(0);
  #share = new Float64Array(0);
  #remainder = new Float64Array(0);
  #keys = new Float64Array(0);
  #itemLine = new Int32Array(0);
  #status = new Int32Array(0);
  #recording = false;

  couponStatus(i: number): CouponStatus {
    return STATUSES[this.#status[i]!]!;
  }

  price(state: PlainState, lines: CartLines, known: (CouponEntry | undefined)[], at: number, express: boolean): void {
    this.#state = state;
    const n = lines.count,
      promos = state.promotions.length;
    this.#reserve(n, promos, known.length);
    this.lineCount = n;
    this.item = lines.item;
    this.quantity = lines.quantity;
    let subtotal = 0;
    for (let i = 0; i < n; i++) {
      const list = state.price[this.item[i]!]! * this.quantity[i]!;
      this.listTotal[i] = list;
      this.discount[i] = 0;
      subtotal += list;
    }
    this.subtotal = subtotal;
    const candidate = this.#candidate;
    for (let p = 0; p < promos; p++) {
      candidate[p] = state.automatic[p] === 1 && at >= state.from[p]! && at <= state.until[p]! ? 1 : 0;
    }
    this.#evaluateCoupons(known, at, subtotal);
    this.#collectCovered(n, promos);

    // The customer gets the cheapest total: the non-exclusive stack, or one exclusive promotion alone.
    this.#recording = false;
    let best = STACK;
    let bestGoods = this.#run(STACK);
    let bestTotal = bestGoods + this.#shippingFor(bestGoods, express, false);
    for (let p = 0; p < promos; p++) {
      if (candidate[p] === 0 || state.type[p] === FREE_SHIPPING || state.exclusive[p] === 0) continue;
      bestGoods = this.#run(p);
      const total = bestGoods + this.#shippingFor(bestGoods, express, false);
      if (total < bestTotal) {
        bestTotal = total;
        best = p;
      }
    }
    this.#recording = true;
    this.adjCount = 0;
    const goods = this.#run(best);
    this.shipping = this.#shippingFor(goods, express, true);
    let k = 0;
    for (let i = 0; i < known.length; i++) {
      const entry = known[i];
      if (!entry) continue;
      const p = entry.promotionIndex;
      const chosen = state.type[p] === FREE_SHIPPING || this.#inOption(p, best);
      if (this.#status[k] === APPLIED && !chosen) this.#status[k] = NOT_COMBINABLE;
      k++;
    }
    let discountTotal = 0;
    for (let i = 0; i < n; i++) discountTotal += this.discount[i]!;
    this.discountTotal = discountTotal;
    this.#vat();
  }

  #evaluateCoupons(known: (CouponEntry | undefined)[], at: number, subtotal: number): void {
    let applied = 0,
      exclusiveApplied = false,
      k = 0;
    for (const entry of known) {
      if (!entry) continue;
      const combinable = entry.coupon.combinable;
      let status = APPLIED;
      if (at < entry.from) status = NOT_YET_VALID;
      else if (at > entry.until) status = EXPIRED;
      else if (subtotal < entry.coupon.minimumOrder) status = MINIMUM_NOT_REACHED;
      else if (applied > 0 && (!combinable || exclusiveApplied)) status = NOT_COMBINABLE;
      this.#status[k++] = status;
      if (status !== APPLIED) continue;
      applied++;
      if (!combinable) exclusiveApplied = true;
      this.#candidate[entry.promotionIndex] = 1;
    }
  }

  /** Each candidate promotion's covered lines, once per quote. */
  #collectCovered(n: number, promos: number): void {
    const { covers } = this.#state;
    for (let p = 0; p < promos; p++) {
      let count = 0;
      if (this.#candidate[p] === 1) {
        const row = covers[p];
        const base = p * n;
        for (let i = 0; i < n; i++)
          if (row === undefined || row[this.item[i]!] === 1) this.#covered[base + count++] = i;
      }
      this.#coveredCount[p] = count;
    }
  }

  #inOption(p: number, option: number): boolean {
    const state = this.#state;
    if (this.#candidate[p] === 0 || state.type[p] === FREE_SHIPPING) return false;
    return option === STACK ? state.exclusive[p] === 0 : p === option;
  }

  #run(option: number): number {
    const n = this.lineCount;
    for (let i = 0; i < n; i++) this.value[i] = this.listTotal[i]!;
    const state = this.#state;
    for (let p = 0; p < state.promotions.length; p++) {
      if (!this.#inOption(p, option)) continue;
      const type = state.type[p];
      if (type === PERCENTAGE) this.#percentage(p);
      else if (type === ORDER_AMOUNT) this.#orderAmount(p);
      else if (type === BUY_X_GET_Y) this.#buyXGetY(p);
      else if (type === VOLUME_TIERS) this.#volumeTiers(p);
    }
    let goods = 0;
    for (let i = 0; i < n; i++) goods += this.value[i]!;
    return goods;
  }

  #take(line: number, p: number, amount: number): void {
    if (amount <= 0) return;
    this.value[line]! -= amount;
    if (!this.#recording) return;
    this.discount[line]! += amount;
    const a = this.adjCount++;
    this.adjLine[a] = line;
    this.adjPromotion[a] = p;
    this.adjAmount[a] = amount;
  }

  #percentage(p: number): void {
    const base = p * this.lineCount,
      count = this.#coveredCount[p]!,
      covered = this.#covered;
    let units = 0;
    for (let c = 0; c < count; c++) units += this.quantity[covered[base + c]!]!;
    if (units === 0 || units < this.#state.minQuantity[p]!) return;
    const percent = this.#state.percent[p]!;
    for (let c = 0; c < count; c++) {
      const line = covered[base + c]!;
      this.#take(line, p, roundDiv(this.value[line]! * percent, 100));
    }
  }

  #buyXGetY(p: number): void {
    const base = p * this.lineCount,
      count = this.#coveredCount[p]!;
    let units = 0;
    for (let c = 0; c < count; c++) {
      const line = this.#covered[base + c]!;
      this.#order[c] = line;
      units += this.quantity[line]!;
    }
    const get = this.#state.get[p]!;
    let free = Math.floor(units / (this.#state.buy[p]! + get)) * get;
    if (free === 0) return;
    this.#sort(count, true);
    for (let c = 0; c < count && free > 0; c++) {
      const line = this.#order[c]!;
      const quantity = this.quantity[line]!;
      const taken = Math.min(free, quantity);
      const value = this.value[line]!;
      this.#take(line, p, taken === quantity ? value : roundDiv(value * taken, quantity));
      free -= taken;
    }
  }

  #volumeTiers(p: number): void {
    const base = p * this.lineCount,
      count = this.#coveredCount[p]!;
    const mins = this.#state.tierMin[p]!,
      prices = this.#state.tierPrice[p]!;
    for (let c = 0; c < count; c++) {
      const line = this.#covered[base + c]!;
      const quantity = this.quantity[line]!;
      let unitPrice = -1;
      for (let t = 0; t < mins.length; t++) if (mins[t]! <= quantity) unitPrice = prices[t]!;
      if (unitPrice < 0) continue;
      const value = this.value[line]!,
        target = unitPrice * quantity;
      if (target < value) this.#take(line, p, value - target);
    }
  }

  /** A fixed amount split over the covered lines by value; leftover cents to the largest remainders. */
  #orderAmount(p: number): void {
    const base = p * this.lineCount,
      count = this.#coveredCount[p]!;
    let goods = 0;
    for (let c = 0; c < count; c++) goods += this.value[this.#covered[base + c]!]!;
    if (goods === 0 || goods < this.#state.minimumOrder[p]!) return;
    const amount = Math.min(this.#state.amount[p]!, goods);
    let given = 0;
    for (let c = 0; c < count; c++) {
      const line = this.#covered[base + c]!;
      const share = mulDiv(amount, this.value[line]!, goods);
      this.#share[line] = share;
      this.#remainder[line] = mulDivRemainder;
      this.#order[c] = line;
      given += share;
    }
    const leftover = amount - given;
    if (leftover > 0) {
      this.#selectLargestRemainders(count, leftover, goods);
      for (let c = 0; c < leftover; c++) this.#share[this.#order[c]!]!++;
    }
    for (let c = 0; c < count; c++) {
      const line = this.#covered[base + c]!;
      this.#take(line, p, this.#share[line]!);
    }
  }

  /**
   * Leaves in #order first the `take` lines with the largest remainders (ties: lower item), in no
   * particular order. Remainder and item pack into one exact number, (goods - 1 - remainder) x
   * 2^20 + item, while that stays below 2^53; a quickselect then compares plain numbers. Larger
   * carts fall back to the full comparator sort.
   */
  #selectLargestRemainders(count: number, take: number, goods: number): void {
    const items = this.#state.price.length;
    if (goods >= ITEM_LIMIT_GOODS || items > ITEM_SPAN) {
      this.#sort(count, false);
      return;
    }
    if (this.#itemLine.length < items) this.#itemLine = new Int32Array(items);
    const keys = this.#keys,
      itemLine = this.#itemLine;
    for (let c = 0; c < count; c++) {
      const line = this.#order[c]!,
        item = this.item[line]!;
      itemLine[item] = line;
      keys[c] = (goods - 1 - this.#remainder[line]!) * ITEM_SPAN + item;
    }
    let lo = 0,
      hi = count - 1;
    const target = take - 1;
    while (lo < hi) {
      const a = keys[lo]!,
        b = keys[lo + ((hi - lo) >> 1)]!,
        c = keys[hi]!;
      const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
      let i = lo,
        j = hi;
      while (i <= j) {
        while (keys[i]! < pivot) i++;
        while (keys[j]! > pivot) j--;
        if (i <= j) {
          const t = keys[i]!;
          keys[i] = keys[j]!;
          keys[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) hi = j;
      else if (target >= i) lo = i;
      else break;
    }
    for (let c = 0; c < take; c++) this.#order[c] = itemLine[keys[c]! % ITEM_SPAN]!;
  }

  /** Before: by unit value ascending (cross-multiplied), else by remainder descending; ties by item. */
  #before(byUnitValue: boolean, a: number, b: number): boolean {
    if (byUnitValue) {
      const left = this.value[a]! * this.quantity[b]!,
        right = this.value[b]! * this.quantity[a]!;
      if (left !== right) return left < right;
    } else {
      const left = this.#remainder[a]!,
        right = this.#remainder[b]!;
      if (left !== right) return left > right;
    }
    return this.item[a]! < this.item[b]!;
  }

  /** Bottom-up merge sort of the first `count` entries of #order. */
  #sort(count: number, byUnitValue: boolean): void {
    let src = this.#order,
      dst = this.#tmp;
    for (let width = 1; width < count; width <<= 1) {
      for (let lo = 0; lo < count; lo += width << 1) {
        const mid = Math.min(lo + width, count),
          hi = Math.min(lo + (width << 1), count);
        let i = lo,
          j = mid,
          k = lo;
        while (i < mid && j < hi) {
          const a = src[i]!,
            b = src[j]!;
          if (this.#before(byUnitValue, b, a)) {
            dst[k++] = b;
            j++;
          } else {
            dst[k++] = a;
            i++;
          }
        }
        while (i < mid) dst[k++] = src[i++]!;
        while (j < hi) dst[k++] = src[j++]!;
      }
      const swap = src;
      src = dst;
      dst = swap;
    }
    if (src !== this.#order) for (let i = 0; i < count; i++) this.#order[i] = src[i]!;
  }

  #shippingFor(goods: number, express: boolean, record: boolean): number {
    if (record) {
      this.freeBy = -1;
      this.freeRemaining = 0;
      this.freeThreshold = -1;
    }
    const state = this.#state;
    if (this.lineCount === 0) return 0;
    if (express) return state.shippingExpress;
    let freeBy = -1,
      nearest = Infinity;
    for (let p = 0; p < state.promotions.length; p++) {
      if (this.#candidate[p] === 0 || state.type[p] !== FREE_SHIPPING) continue;
      const threshold = state.threshold[p]!;
      if (goods >= threshold) {
        if (freeBy < 0) freeBy = p;
      } else if (threshold < nearest) nearest = threshold;
    }
    if (record) {
      this.freeBy = freeBy;
      const open = freeBy < 0 && nearest !== Infinity;
      this.freeRemaining = open ? nearest - goods : 0;
      this.freeThreshold = open ? nearest : freeBy >= 0 ? state.threshold[freeBy]! : -1;
    }
    return freeBy >= 0 ? 0 : state.shippingStandard;
  }

  /** VAT rows per rate, highest first; shipping split over them by goods value. */
  #vat(): void {
    const { vatRate, vatGross } = this;
    let rows = 0;
    for (let i = 0; i < this.lineCount; i++) {
      const rate = this.#state.rate[this.item[i]!]!;
      let r = 0;
      while (r < rows && vatRate[r] !== rate) r++;
      if (r === rows) {
        r = 0;
        while (r < rows && vatRate[r]! > rate) r++;
        vatRate.copyWithin(r + 1, r, rows);
        vatGross.copyWithin(r + 1, r, rows);
        vatRate[r] = rate;
        vatGross[r] = 0;
        rows++;
      }
      vatGross[r]! += this.value[i]!;
    }
    const shipping = this.shipping;
    if (shipping > 0 && rows > 0) {
      let goods = 0;
      for (let r = 0; r < rows; r++) goods += vatGross[r]!;
      if (goods === 0) vatGross[0] = shipping;
      else {
        let left = shipping;
        for (let r = 0; r < rows; r++) {
          const share = mulDiv(shipping, vatGross[r]!, goods);
          this.vatRemainder[r] = mulDivRemainder;
          vatGross[r]! += share;
          left -= share;
        }
        for (; left > 0; left--) {
          let best = 0;
          for (let r = 1; r < rows; r++) if (this.vatRemainder[r]! > this.vatRemainder[best]!) best = r;
          this.vatRemainder[best] = -1;
          vatGross[best]!++;
        }
      }
    }
    this.vatRows = rows;
  }

  #reserve(n: number, promos: number, coupons: number): void {
    if (this.listTotal.length < n) {
      const size = Math.max(n, this.listTotal.length * 2, 16);
      this.listTotal = new Float64Array(size);
      this.value = new Float64Array(size);
      this.discount = new Float64Array(size);
      this.#order = new Int32Array(size);
      this.#tmp = new Int32Array(size);
      this.#share = new Float64Array(size);
      this.#remainder = new Float64Array(size);
      this.#keys = new Float64Array(size);
    }
    if (this.#candidate.length < promos) {
      this.#candidate = new Uint8Array(promos);
      this.#coveredCount = new Int32Array(promos);
    }
    if (this.#covered.length < n * promos) {
      this.#covered = new Int32Array(Math.max(n * promos, this.#covered.length * 2));
      this.adjLine = new Int32Array(this.#covered.length);
      this.adjPromotion = new Int32Array(this.#covered.length);
      this.adjAmount = new Float64Array(this.#covered.length);
    }
    if (this.#status.length < coupons) this.#status = new Int32Array(Math.max(coupons, 8));
  }
}
