import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { FILTERS, FITS, Thumbnailer, ThumbnailError, type Fit, type ThumbnailFilter } from '../../wasm/thumbnail.js';
import { WasmInputError } from '../../wasm/errors.js';
import { ImageFileError, OUTPUT_FORMATS, decodeImage, encodeImage, formatForPath } from '../../wasm/thumbnail-files.js';

export function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${name} must be a whole number from 1, got "${value}"`);
  return n;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

export const thumbCommand: Command = {
  path: ['thumb'],
  summary: 'make a thumbnail with the WASM resampler',
  usage: `Usage: laden thumb IN OUT --width W [--height H] [--fit contain|cover] [--filter NAME]

Reads a JPEG, PNG, WebP or AVIF image, resamples it in linear light with premultiplied alpha
and writes OUT in the format of its extension (${Object.keys(OUTPUT_FORMATS).join(' ')}).
  --width W      target width in pixels
  --height H     target height (default: follow the image's aspect ratio)
  --fit MODE     contain (default: the whole image inside W x H) or cover (fill W x H, centred crop)
  --filter NAME  ${Object.keys(FILTERS).join(', ')} (default lanczos3; triangle is the fast preview)
Never enlarges: a box larger than the image gives the largest image of that shape it can fill.`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        width: { type: 'string' },
        height: { type: 'string' },
        fit: { type: 'string' },
        filter: { type: 'string' },
      },
    });
    const [input, output, ...extra] = positionals;
    if (!input || !output || extra.length > 0)
      throw new UsageError('expected exactly IN and OUT (see laden thumb --help)');
    const width = positiveInteger('--width', values.width);
    if (width === undefined) throw new UsageError('--width is required');
    const height = positiveInteger('--height', values.height);
    const fit: Fit = oneOf('--fit', values.fit, FITS) ?? 'contain';
    const filter: ThumbnailFilter =
      oneOf('--filter', values.filter, Object.keys(FILTERS) as ThumbnailFilter[]) ?? 'lanczos3';
    const format = formatForPath(output);
    if (!format)
      throw new UsageError(`cannot tell the format of ${output}; use one of ${Object.keys(OUTPUT_FORMATS).join(' ')}`);

    try {
      const image = await decodeImage(input);
      const engine = await Thumbnailer.load({ log: () => {} });
      const thumbnail = engine.resize(image, { width, height, fit, filter });
      const bytes = await encodeImage(thumbnail, format);
      await writeFile(output, bytes);
      console.log(
        `${input} (${image.width} x ${image.height}) -> ${output} (${thumbnail.width} x ${thumbnail.height}, ${format}, ${(bytes.length / 1024).toFixed(1)} KiB)`,
      );
      return 0;
    } catch (error) {
      if (error instanceof ImageFileError || error instanceof WasmInputError || error instanceof ThumbnailError) {
        throw new UsageError(error.message, { cause: error });
      }
      if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E')) {
        throw new UsageError(`cannot write ${output}: ${error.message}`, { cause: error });
      }
      throw error;
    }
  },
};
