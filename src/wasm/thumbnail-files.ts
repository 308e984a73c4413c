/**
 * Node side of thumbnailing: sharp (libvips) decodes and encodes files, Laden's engine resamples.
 * sharp is already a dependency, reads JPEG, PNG, WebP, AVIF and GIF, honours EXIF orientation
 * and converts embedded colour profiles to sRGB, which is exactly what the engine expects.
 */
import { extname } from 'node:path';
import sharp from 'sharp';
import { MAX_PIXELS, type RgbaImage } from './thumbnail.js';

export const OUTPUT_FORMATS = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.webp': 'webp',
  '.avif': 'avif',
} as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[keyof typeof OUTPUT_FORMATS];

/** The file could not be read as an image; the message says why in one line. */
export class ImageFileError extends Error {
  override name = 'ImageFileError';
}

export function formatForPath(path: string): OutputFormat | undefined {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(OUTPUT_FORMATS, ext) ? OUTPUT_FORMATS[ext as keyof typeof OUTPUT_FORMATS] : undefined;
}

/** Decodes `input` (a path or the file's bytes) to sRGB RGBA; refuses > 50 MP from the header. */
export async function decodeImage(input: string | Uint8Array): Promise<RgbaImage> {
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const message = /pixel limit/i.test(reason ?? '') ? 'the image has more than 50 megapixels' : reason;
    throw new ImageFileError(`cannot read ${typeof input === 'string' ? input : 'the image'}: ${message}`, {
      cause: error,
    });
  }
}

function isOpaque(image: RgbaImage): boolean {
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i] !== 255) return false;
  return true;
}

export interface EncodeOptions {
  /** WebP/AVIF encoder effort, 0 (fast) to 6; the build uses a low one for its thousands of files. */
  effort?: number;
}

/** Encodes RGBA with settings that suit product photos on the web; opaque images drop the alpha channel. */
export async function encodeImage(
  image: RgbaImage,
  format: OutputFormat,
  options: EncodeOptions = {},
): Promise<Buffer> {
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
  if (isOpaque(image)) pipeline = pipeline.removeAlpha();
  switch (format) {
    case 'jpeg':
      return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    case 'png':
      return pipeline.png({ compressionLevel: 9 }).toBuffer();
    case 'webp':
      return pipeline.webp({ quality: 80, effort: options.effort ?? 4 }).toBuffer();
    case 'avif':
      return pipeline.avif({ quality: 55, effort: options.effort ?? 4 }).toBuffer();
  }
}
