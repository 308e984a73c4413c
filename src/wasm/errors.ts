/** A value was refused before it crossed into WebAssembly: the call never ran. */
export class WasmInputError extends RangeError {
  override name = 'WasmInputError';
}

/**
 * A module trapped (an `abort`, an out-of-bounds access, `unreachable`). The facade has already
 * re-instantiated the module, so the next call starts from a clean instance.
 */
export class WasmTrapError extends Error {
  override name = 'WasmTrapError';
  constructor(
    readonly moduleName: string,
    readonly operation: string,
    readonly detail: string,
    /** `file:line:column` inside the AssemblyScript source, when the module aborted. */
    readonly sourcePosition?: string,
    options?: ErrorOptions,
  ) {
    super(
      `WebAssembly module "${moduleName}" failed in ${operation}: ${detail}` +
        (sourcePosition ? ` (at ${sourcePosition})` : ''),
      options,
    );
  }
}
