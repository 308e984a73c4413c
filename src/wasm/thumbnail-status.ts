/** Why the thumbnail engine refused a job; `code` is the engine's status (assembly/thumbnail/status.ts). */
export class ThumbnailError extends Error {
  override name = 'ThumbnailError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<number, string> = {
  1: 'image and thumbnail sizes must be at least 1 x 1 pixel',
  2: 'the image has more than 50 megapixels',
  3: 'the crop rectangle lies outside the image',
  4: 'unknown filter',
  5: 'the job needs more memory than the thumbnail engine may use',
  6: 'the device refused the memory this image needs',
  7: 'no job was prepared',
};

export function thumbnailStatusError(code: number, context: string): ThumbnailError {
  return new ThumbnailError(code, `${context}: ${MESSAGES[code] ?? `engine status ${code}`}`);
}
