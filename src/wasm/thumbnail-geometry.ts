/**
 * Where a thumbnail comes from and how big it is, decided before any pixel moves.
 *
 * Upscaling policy: Laden never enlarges. A request larger than the source returns the largest
 * image of the requested shape that the source can fill at 1:1, because enlarging adds bytes and
 * blur and never detail; the page scales in CSS if it must.
 */
export const FITS = ['contain', 'cover'] as const;
export type Fit = (typeof FITS)[number];

export interface TargetBox {
  width: number;
  /** Omitted: follow the source's aspect ratio. */
  height?: number;
}

export interface ResizePlan {
  width: number;
  height: number;
  /** The source rectangle (fractional pixels) that maps onto the output. */
  crop: { x: number; y: number; width: number; height: number };
}

export function planResize(sourceWidth: number, sourceHeight: number, box: TargetBox, fit: Fit): ResizePlan {
  const full = { x: 0, y: 0, width: sourceWidth, height: sourceHeight };
  const boxHeight = box.height ?? Number.POSITIVE_INFINITY;
  if (fit === 'contain' || box.height === undefined) {
    const scale = Math.min(box.width / sourceWidth, boxHeight / sourceHeight, 1);
    return {
      width: Math.max(1, Math.round(sourceWidth * scale)),
      height: Math.max(1, Math.round(sourceHeight * scale)),
      crop: full,
    };
  }
  // cover: fill the box, cropping the centre of whichever side overflows.
  const scale = Math.max(box.width / sourceWidth, boxHeight / sourceHeight);
  const cropWidth = Math.min(sourceWidth, box.width / scale);
  const cropHeight = Math.min(sourceHeight, boxHeight / scale);
  const crop = {
    x: (sourceWidth - cropWidth) / 2,
    y: (sourceHeight - cropHeight) / 2,
    width: cropWidth,
    height: cropHeight,
  };
  if (scale <= 1) return { width: box.width, height: boxHeight, crop };
  return { width: Math.max(1, Math.round(cropWidth)), height: Math.max(1, Math.round(cropHeight)), crop };
}
