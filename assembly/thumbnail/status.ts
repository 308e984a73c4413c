// Result codes of prepare() and run(). src/wasm/thumbnail-status.ts turns them into messages.
export const STATUS_OK: i32 = 0;
export const STATUS_BAD_SIZE: i32 = 1;
export const STATUS_TOO_MANY_PIXELS: i32 = 2;
export const STATUS_BAD_CROP: i32 = 3;
export const STATUS_BAD_FILTER: i32 = 4;
export const STATUS_OVER_BUDGET: i32 = 5;
export const STATUS_OUT_OF_MEMORY: i32 = 6;
export const STATUS_NOT_PREPARED: i32 = 7;
