/** A WebAssembly value type as the binary format names it. */
export type ValueType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'ref';

export interface ExportedFunction {
  name: string;
  params: ValueType[];
  results: ValueType[];
}

const TYPES: Record<number, ValueType> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128' };

/**
 * The parameter and result types of every exported function, read from the module's binary (type,
 * import, function and export sections): `WebAssembly.Module.exports` names only their kind.
 */
export function exportedFunctions(bytes: Uint8Array): ExportedFunction[] {
  let at = 8; // magic and version
  const byte = () => bytes[at++]!;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = byte();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
  };
  const name = () => {
    const length = u32();
    const text = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += length;
    return text;
  };
  const valueType = (): ValueType => TYPES[byte()] ?? 'ref';
  const limits = () => {
    const flags = byte();
    u32();
    if (flags & 1) u32();
  };

  const types: { params: ValueType[]; results: ValueType[] }[] = [];
  const functions: number[] = []; // type index of each function, imports first
  const exports: { name: string; index: number }[] = [];
  while (at < bytes.length) {
    const id = byte();
    const size = u32();
    const end = at + size;
    if (id === 1) {
      for (let n = u32(); n > 0; n--) {
        byte(); // 0x60
        const params = Array.from({ length: u32() }, valueType);
        const results = Array.from({ length: u32() }, valueType);
        types.push({ params, results });
      }
    } else if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        name();
        name();
        const kind = byte();
        if (kind === 0) {
          functions.push(u32());
        } else if (kind === 1) {
          byte(); // reference type
          limits();
        } else if (kind === 2) {
          limits();
        } else {
          valueType();
          byte(); // mutability
        }
      }
    } else if (id === 3) {
      for (let n = u32(); n > 0; n--) functions.push(u32());
    } else if (id === 7) {
      for (let n = u32(); n > 0; n--) {
        const exportName = name();
        const kind = byte();
        const index = u32();
        if (kind === 0) exports.push({ name: exportName, index });
      }
    }
    at = end;
  }
  return exports.map(({ name: exportName, index }) => ({ name: exportName, ...types[functions[index]!]! }));
}
