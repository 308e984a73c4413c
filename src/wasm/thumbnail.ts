import { loadWasmModule } from '#wasm-source';
import { checkU32 } from './checks.js';
import { WasmInputError } from './errors.js';
import { WasmInstance, ownInstance, type LadenExports, type LoadOptions } from './loader.js';
import { planResize, type Fit, type ResizePlan, type TargetBox } from './thumbnail-geometry.js';
import { thumbnailStatusError } from './thumbnail-status.js';

export { FITS, planResize, type Fit, type ResizePlan, type TargetBox } from './thumbnail-geometry.js';
export { ThumbnailError } from './thumbnail-status.js';

/** Lanczos3 for final images; triangle (bilinear) is the cheap preview. Ids match assembly/thumbnail/filters.ts. */
export const FILTERS = { lanczos3: 0, lanczos2: 1, triangle: 2 } as const;
export type ThumbnailFilter = keyof typeof FILTERS;

/** Refused before a single byte is allocated, in JS and again in the engine. */
export const MAX_PIXELS = 50_000_000;

export interface ThumbnailExports extends LadenExports {
  ENGINE_VERSION: WebAssembly.Global;
  MAX_PIXELS: WebAssembly.Global;
  prepare(
    inW: number,
    inH: number,
    outW: number,
    outH: number,
    x: number,
    y: number,
    w: number,
    h: number,
    filter: number,
  ): number;
  inputPointer(): number;
  outputPointer(): number;
  run(): number;
}

/** Decoded pixels: `width * height * 4` bytes of non-premultiplied sRGB RGBA. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

export interface ThumbnailOptions extends TargetBox {
  fit?: Fit;
  filter?: ThumbnailFilter;
}

function checkImage(image: RgbaImage): void {
  const { width, height, data } = image;
  checkU32('image width', width);
  checkU32('image height', height);
  if (width === 0 || height === 0) throw new WasmInputError(`the image is empty (${width} x ${height})`);
  // Checked before the product is used for anything, so a 100 000 x 100 000 header costs nothing.
  if (width * height > MAX_PIXELS) {
    throw new WasmInputError(
      `the image has ${((width * height) / 1e6).toFixed(1)} megapixels; at most 50 are accepted`,
    );
  }
  if (data.length !== width * height * 4) {
    throw new WasmInputError(`expected ${width * height * 4} RGBA bytes for ${width} x ${height}, got ${data.length}`);
  }
}

function checkOptions(options: ThumbnailOptions): void {
  for (const [name, value] of [
    ['width', options.width],
    ['height', options.height],
  ] as const) {
    if (value === undefined) continue;
    checkU32(`thumbnail ${name}`, value);
    if (value === 0 || value > MAX_PIXELS)
      throw new WasmInputError(`thumbnail ${name} must be from 1 to ${MAX_PIXELS}, got ${value}`);
  }
  if (options.filter !== undefined && !Object.hasOwn(FILTERS, options.filter)) {
    throw new WasmInputError(`unknown filter "${String(options.filter)}"; use ${Object.keys(FILTERS).join(', ')}`);
  }
}

/**
 * Laden's resampler (assembly/thumbnail): Lanczos3 in linear light with premultiplied alpha. One
 * instance serves one thread; its memory is reused from call to call.
 */
export class Thumbnailer {
  readonly #instance: WasmInstance<ThumbnailExports>;

  private constructor(instance: WasmInstance<ThumbnailExports>) {
    this.#instance = ownInstance(this, instance);
  }

  static async load(options?: LoadOptions): Promise<Thumbnailer> {
    return new Thumbnailer(new WasmInstance<ThumbnailExports>('thumbnail', await loadWasmModule('thumbnail'), options));
  }

  /** Part of every cache key: a new engine version makes old thumbnails stale. */
  get engineVersion(): number {
    return Number(this.#instance.exports.ENGINE_VERSION.value);
  }

  /** Bytes of linear memory the instance holds; it grows to the largest job and never shrinks. */
  get memoryBytes(): number {
    return this.#instance.memoryBytes;
  }

  /** Output size and source crop for `options`, without resampling. */
  plan(width: number, height: number, options: ThumbnailOptions): ResizePlan {
    checkOptions(options);
    return planResize(width, height, options, options.fit ?? 'contain');
  }

  /**
   * Resizes and hands `consume` a view straight into the engine's memory (no copy). The view is
   * only valid during `consume`; the next call overwrites it.
   */
  resizeWith<R>(image: RgbaImage, options: ThumbnailOptions, consume: (pixels: Uint8Array, plan: ResizePlan) => R): R {
    checkImage(image);
    const plan = this.plan(image.width, image.height, options);
    const filter = FILTERS[options.filter ?? 'lanczos3'];
    const { crop } = plan;
    const context = `resizing ${image.width} x ${image.height} to ${plan.width} x ${plan.height}`;
    return this.#instance.call('resize', (e) => {
      const prepared = e.prepare(
        image.width,
        image.height,
        plan.width,
        plan.height,
        crop.x,
        crop.y,
        crop.width,
        crop.height,
        filter,
      );
      if (prepared !== 0) throw thumbnailStatusError(prepared, context);
      this.#instance.u8(e.inputPointer(), image.data.length).set(image.data);
      const ran = e.run();
      if (ran !== 0) throw thumbnailStatusError(ran, context);
      return consume(this.#instance.u8(e.outputPointer(), plan.width * plan.height * 4), plan);
    });
  }

  /** Resizes into a new `RgbaImage` the caller owns. */
  resize(image: RgbaImage, options: ThumbnailOptions): RgbaImage {
    return this.resizeWith(image, options, (pixels, plan) => ({
      width: plan.width,
      height: plan.height,
      data: pixels.slice(),
    }));
  }
}
