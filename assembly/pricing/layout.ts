// The binary layout shared with src/wasm/pricing.ts. The module owns where each region lives:
// every `set*`/`prepare*` call returns a pointer to a small table of u32 byte offsets, so the host
// never repeats the arithmetic. Money is i64 cents, counts and indices u32.

/** i64 slots of one promotion record (PROMO_SLOTS x 8 bytes), in application order. */
export const P_TYPE: i32 = 0;
export const P_EXCLUSIVE: i32 = 1;
/** 1 when the promotion applies without a coupon (0: only a coupon activates it). */
export const P_AUTOMATIC: i32 = 2;
export const P_MIN_QUANTITY: i32 = 3;
export const P_PERCENT: i32 = 4;
export const P_BUY: i32 = 5;
export const P_GET: i32 = 6;
export const P_AMOUNT: i32 = 7;
export const P_MINIMUM_ORDER: i32 = 8;
export const P_THRESHOLD: i32 = 9;
export const P_TIER_START: i32 = 10;
export const P_TIER_COUNT: i32 = 11;
export const P_VALID_FROM: i32 = 12;
export const P_VALID_UNTIL: i32 = 13;
/** 1 when the promotion targets every product (no eligibility bitmap row is consulted). */
export const P_TARGET_ALL: i32 = 14;
export const PROMO_SLOTS: i32 = 16;

export const TYPE_PERCENTAGE: i64 = 1;
export const TYPE_ORDER_AMOUNT: i64 = 2;
export const TYPE_BUY_X_GET_Y: i64 = 3;
export const TYPE_VOLUME_TIERS: i64 = 4;
export const TYPE_FREE_SHIPPING: i64 = 5;

/** A tier is (minQuantity, unitPrice) as two i64, sorted by minQuantity ascending. */
export const TIER_SLOTS: i32 = 2;

/** i64 slots of one coupon record. */
export const C_PROMOTION: i32 = 0;
export const C_COMBINABLE: i32 = 1;
export const C_MINIMUM_ORDER: i32 = 2;
export const C_VALID_FROM: i32 = 3;
export const C_VALID_UNTIL: i32 = 4;
export const COUPON_SLOTS: i32 = 6;

/** Coupon outcomes written back (the host adds `unknown` for codes it could not match). */
export const COUPON_APPLIED: u32 = 0;
export const COUPON_EXPIRED: u32 = 1;
export const COUPON_NOT_YET_VALID: u32 = 2;
export const COUPON_MINIMUM_NOT_REACHED: u32 = 3;
export const COUPON_NOT_COMBINABLE: u32 = 4;

/** i64 slots of one output line: unitPrice, listTotal, discount, total. */
export const LINE_OUT_SLOTS: i32 = 4;

/** i64 slots of the quote summary. */
export const S_SUBTOTAL: i32 = 0;
export const S_DISCOUNT_TOTAL: i32 = 1;
export const S_SHIPPING: i32 = 2;
export const S_TOTAL: i32 = 3;
/** Index of the free-shipping promotion that made standard shipping free, or -1. */
export const S_FREE_SHIPPING_PROMO: i32 = 4;
/** Cents still missing to the nearest free-shipping threshold (0 when none applies). */
export const S_FREE_SHIPPING_REMAINING: i32 = 5;
export const S_FREE_SHIPPING_THRESHOLD: i32 = 6;
export const S_VAT_ROWS: i32 = 7;
export const S_ADJUSTMENTS: i32 = 8;
export const SUMMARY_SLOTS: i32 = 16;

/** A VAT row is (rate, gross, net, tax) as four i64, highest rate first. */
export const VAT_SLOTS: i32 = 4;
export const MAX_VAT_RATES: i32 = 8;

/** An adjustment is (line << 32 | promotion, amount) as two i64. */
export const ADJUSTMENT_SLOTS: i32 = 2;

export const SHIPPING_STANDARD: u32 = 0;
export const SHIPPING_EXPRESS: u32 = 1;
