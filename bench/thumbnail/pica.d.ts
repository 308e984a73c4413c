// pica ships no types; only the part the benchmark calls.
declare module 'pica' {
  interface ResizeBufferOptions {
    src: Uint8Array;
    width: number;
    height: number;
    toWidth: number;
    toHeight: number;
    /** 0 box, 1 hamming, 2 lanczos2, 3 lanczos3. */
    quality?: 0 | 1 | 2 | 3;
  }
  export default class Pica {
    constructor(options?: { features?: string[] });
    resizeBuffer(options: ResizeBufferOptions): Promise<Uint8Array>;
  }
}
