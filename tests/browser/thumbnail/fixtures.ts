/** Images drawn in the page, encoded by the browser: nothing is stored, everything is derived. */
export async function encodedImage(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
  type = 'image/png',
): Promise<Blob> {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.putImageData(new ImageData(data, width, height), 0, 0);
  return canvas.convertToBlob({ type });
}

export const stripesPng = (width: number, height: number) =>
  encodedImage(width, height, (x) => (x % 2 === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255]));

export const gradientPng = (width: number, height: number) =>
  encodedImage(width, height, (x, y) => [Math.round((255 * x) / width), Math.round((255 * y) / height), 120, 255]);

/** Decodes a blob and returns its pixels as the browser sees them. */
export async function pixelsOf(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}
