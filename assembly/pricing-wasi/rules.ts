// The promotions file (rules.json), checked as src/domain/promotions.ts checks it, and brought into
// the order the engine applies promotions in (priority, then file order).
import { ARRAY, Json, OBJECT, jsonError, parseJson } from './json';
import { bad, flag, integer, member, optionalText, strings, text } from './fields';
import { MAX_CENTS, Product } from './catalog';
import { NOT_AN_INSTANT, parseInstant } from './time';
import * as L from '../pricing/layout';

const OPEN_START: i64 = -9007199254740991; // Number.MIN_SAFE_INTEGER, as the facade writes it
const OPEN_END: i64 = 9007199254740991;

export class Promotion {
  id: string = '';
  label: string = '';
  type: i64 = 0;
  priority: i64 = 0;
  fileIndex: i32 = 0;
  exclusive: bool = false;
  from: i64 = OPEN_START;
  until: i64 = OPEN_END;
  percent: i64 = 0;
  minQuantity: i64 = 1;
  buy: i64 = 0;
  get: i64 = 0;
  amount: i64 = 0;
  minimumOrder: i64 = 0;
  threshold: i64 = 0;
  /** (minQuantity, unitPrice) pairs. */
  tiers: i64[] = [];
  hasTarget: bool = false;
  products: string[] = [];
  categories: string[] = [];
  brands: string[] = [];
  tags: string[] = [];

  covers(product: Product): bool {
    if (!this.hasTarget) return true;
    if (this.products.includes(product.id) || this.categories.includes(product.category)) return true;
    if (this.brands.includes(product.brand)) return true;
    for (let i = 0; i < this.tags.length; i++) if (product.tags.includes(this.tags[i])) return true;
    return false;
  }
}

export class Coupon {
  code: string = '';
  /** Index of its promotion in application order. */
  promotion: i32 = 0;
  /** The coupon's window intersected with its promotion's. */
  from: i64 = OPEN_START;
  until: i64 = OPEN_END;
  minimumOrder: i64 = 0;
  combinable: bool = true;
}

export class Rules {
  standard: i64 = 0;
  express: i64 = 0;
  /** In application order: the engine's promotion indices. */
  promotions: Promotion[] = [];
  coupons: Coupon[] = [];
  /** Promotion index to 1 when only a coupon activates it. */
  couponOnly: Set<i32> = new Set();
  /** By normalized code: index into `coupons`. */
  couponByCode: Map<string, i32> = new Map();
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

function instant(object: Json, key: string, where: string, fallback: i64): i64 {
  const value = optionalText(object, key, where);
  if (value == null) return fallback;
  const ms = parseInstant(value);
  if (ms == NOT_AN_INSTANT)
    bad(`${where}.${key}`, 'expected an ISO date-time with offset, e.g. 2026-08-31T23:59:59+02:00');
  return ms;
}

function isId(id: string): bool {
  if (id.length == 0) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c == 0x2d && i > 0);
    if (!ok) return false;
  }
  return true;
}

function isCode(code: string): bool {
  if (code.length < 2 || code.length > 32) return false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c == 0x2d)) return false;
  }
  return true;
}

function typeCode(type: string): i64 {
  if (type == 'percentage') return L.TYPE_PERCENTAGE;
  if (type == 'order-amount') return L.TYPE_ORDER_AMOUNT;
  if (type == 'buy-x-get-y') return L.TYPE_BUY_X_GET_Y;
  if (type == 'volume-tiers') return L.TYPE_VOLUME_TIERS;
  if (type == 'free-shipping') return L.TYPE_FREE_SHIPPING;
  return 0;
}

function readTarget(p: Promotion, json: Json, where: string): void {
  const target = member(json, 'target', OBJECT, where, true);
  if (target == null) return;
  p.hasTarget = true;
  p.products = strings(target.get('products'), `${where}.target.products`);
  p.categories = strings(target.get('categories'), `${where}.target.categories`);
  p.brands = strings(target.get('brands'), `${where}.target.brands`);
  p.tags = strings(target.get('tags'), `${where}.target.tags`);
}

function readPromotion(json: Json, index: i32, where: string): Promotion {
  if (json.kind != OBJECT) bad(where, 'expected an object');
  const p = new Promotion();
  p.fileIndex = index;
  p.id = text(json, 'id', where);
  if (!isId(p.id)) bad(`${where}.id`, 'use lower-case letters, digits and dashes');
  p.label = text(json, 'label', where);
  if (p.label.length < 1 || p.label.length > 80) bad(`${where}.label`, 'expected 1 to 80 characters');
  const type = text(json, 'type', where);
  p.type = typeCode(type);
  if (p.type == 0) bad(`${where}.type`, `unknown promotion type "${type}"`);
  p.priority = integer(json, 'priority', where, -1000, 1000, 0);
  p.exclusive = flag(json, 'exclusive', where, false);
  p.from = instant(json, 'validFrom', where, OPEN_START);
  p.until = instant(json, 'validUntil', where, OPEN_END);
  if (p.from > p.until) bad(`${where}.validUntil`, 'ends before it starts');
  if (p.type == L.TYPE_PERCENTAGE) {
    p.percent = integer(json, 'percent', where, 1, 100);
    p.minQuantity = integer(json, 'minQuantity', where, 1, 999, 1);
  } else if (p.type == L.TYPE_ORDER_AMOUNT) {
    p.amount = integer(json, 'amount', where, 1, MAX_CENTS);
    p.minimumOrder = integer(json, 'minimumOrder', where, 0, MAX_CENTS, 0);
  } else if (p.type == L.TYPE_BUY_X_GET_Y) {
    p.buy = integer(json, 'buy', where, 1, 99);
    p.get = integer(json, 'get', where, 1, 99);
  } else if (p.type == L.TYPE_VOLUME_TIERS) {
    const tiers = member(json, 'tiers', ARRAY, where)!;
    if (tiers.items.length < 1 || tiers.items.length > 20) bad(`${where}.tiers`, 'expected 1 to 20 tiers');
    for (let t = 0; t < tiers.items.length; t++) {
      const tierWhere = `${where}.tiers[${t}]`;
      const tier = tiers.items[t];
      if (tier.kind != OBJECT) bad(tierWhere, 'expected an object');
      const minQuantity = integer(tier, 'minQuantity', tierWhere, 1, 999);
      if (t > 0 && minQuantity <= p.tiers[p.tiers.length - 2]) {
        bad(`${where}.tiers`, 'tiers must be sorted by minQuantity, each higher than the one before');
      }
      p.tiers.push(minQuantity);
      p.tiers.push(integer(tier, 'unitPrice', tierWhere, 0, MAX_CENTS));
    }
  } else {
    if (p.exclusive) bad(`${where}.exclusive`, 'a free-shipping promotion cannot be exclusive');
    p.threshold = integer(json, 'threshold', where, 0, MAX_CENTS);
  }
  if (p.type != L.TYPE_FREE_SHIPPING) readTarget(p, json, where);
  else if (json.get('target') != null) bad(`${where}.target`, 'a free-shipping promotion has no target');
  return p;
}

export function readRules(source: string, name: string): Rules {
  const root = parseJson(source);
  if (root == null) bad(name, `not valid JSON: ${jsonError}`);
  if (root!.kind != OBJECT) bad(name, 'expected a JSON object');
  if (integer(root!, 'version', name, 1, 1) != 1) bad(name, 'version must be 1');
  const rules = new Rules();
  const shipping = member(root!, 'shipping', OBJECT, name)!;
  rules.standard = integer(shipping, 'standard', `${name}: shipping`, 0, MAX_CENTS);
  rules.express = integer(shipping, 'express', `${name}: shipping`, 0, MAX_CENTS);

  const list = member(root!, 'promotions', ARRAY, name)!;
  if (list.items.length > 200) bad(`${name}: promotions`, 'at most 200 promotions');
  const inFileOrder: Promotion[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < list.items.length; i++) {
    const p = readPromotion(list.items[i], i, `${name}: promotions[${i}]`);
    if (ids.has(p.id)) bad(`${name}: promotions[${i}].id`, `duplicate id "${p.id}"`);
    ids.add(p.id);
    inFileOrder.push(p);
  }
  // Array#sort is not guaranteed stable here: the file index breaks ties explicitly.
  rules.promotions = inFileOrder
    .slice()
    .sort((a: Promotion, b: Promotion): i32 =>
      a.priority != b.priority ? <i32>(b.priority - a.priority) : a.fileIndex - b.fileIndex,
    );

  const coupons = member(root!, 'coupons', ARRAY, name)!;
  if (coupons.items.length > 1000) bad(`${name}: coupons`, 'at most 1000 coupons');
  for (let i = 0; i < coupons.items.length; i++) {
    const where = `${name}: coupons[${i}]`;
    const json = coupons.items[i];
    if (json.kind != OBJECT) bad(where, 'expected an object');
    const coupon = new Coupon();
    coupon.code = text(json, 'code', where);
    if (!isCode(coupon.code)) bad(`${where}.code`, 'use 2 to 32 letters, digits or dashes');
    const normalized = normalizeCode(coupon.code);
    if (rules.couponByCode.has(normalized)) bad(`${where}.code`, `duplicate code "${coupon.code}"`);
    const promotionId = text(json, 'promotion', where);
    let index = -1;
    for (let p = 0; p < rules.promotions.length; p++) if (rules.promotions[p].id == promotionId) index = p;
    if (index < 0) bad(`${where}.promotion`, `no promotion "${promotionId}"`);
    const promotion = rules.promotions[index];
    coupon.promotion = index;
    const from = instant(json, 'validFrom', where, OPEN_START);
    const until = instant(json, 'validUntil', where, OPEN_END);
    if (from > until) bad(`${where}.validUntil`, 'ends before it starts');
    coupon.from = from > promotion.from ? from : promotion.from;
    coupon.until = until < promotion.until ? until : promotion.until;
    coupon.minimumOrder = integer(json, 'minimumOrder', where, 0, MAX_CENTS, 0);
    coupon.combinable = flag(json, 'combinable', where, true);
    rules.couponByCode.set(normalized, rules.coupons.length);
    rules.coupons.push(coupon);
    rules.couponOnly.add(index);
  }
  return rules;
}
