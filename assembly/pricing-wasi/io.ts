// The few WASI calls the command needs beyond the shim's `process`: reading a whole stream, and
// opening a file through the directories the runtime preopened (WASI has no ambient file system).
import {
  errno,
  environ_get,
  environ_sizes_get,
  errnoToString,
  fd_close,
  fd_filestat_get,
  filestat,
  fd_prestat_dir_name,
  fd_prestat_get,
  fd_read,
  lookupflags,
  path_open,
  prestat,
  rights,
} from 'bindings/wasi_snapshot_preview1';

/** Why the last `readFile` returned null. */
export let ioError = '';

const scratch = memory.data(32);
const stat = memory.data(64);
const CHUNK: i32 = 64 * 1024;

/** Reads `fd` to its end as UTF-8 text; null (and `ioError`) when the read fails. */
export function readAll(fd: u32, sizeHint: i32 = CHUNK): string | null {
  // Memory is never freed here: a buffer of the file's size up front avoids the doubling copies.
  let buffer = new Uint8Array(sizeHint + CHUNK);
  let length = 0;
  while (true) {
    if (buffer.length - length < CHUNK) {
      const bigger = new Uint8Array(buffer.length * 2);
      bigger.set(buffer);
      buffer = bigger;
    }
    store<usize>(scratch, buffer.dataStart + <usize>length);
    store<usize>(scratch, <usize>(buffer.length - length), sizeof<usize>());
    const err = fd_read(fd, scratch, 1, scratch + 2 * sizeof<usize>());
    if (err != errno.SUCCESS) {
      ioError = errnoToString(err);
      return null;
    }
    const got = <i32>load<usize>(scratch, 2 * sizeof<usize>());
    if (got == 0) break;
    length += got;
  }
  return String.UTF8.decodeUnsafe(buffer.dataStart, <usize>length);
}

function preopenName(fd: u32): string | null {
  if (fd_prestat_get(fd, changetype<prestat>(scratch)) != errno.SUCCESS) return null;
  if (load<u8>(scratch) != 0) return ''; // not a directory
  const length = load<u32>(scratch, 4);
  const name = new Uint8Array(length);
  if (fd_prestat_dir_name(fd, name.dataStart, length) != errno.SUCCESS) return '';
  let text = String.UTF8.decodeUnsafe(name.dataStart, length);
  // Some runtimes count a trailing NUL or slash in the name.
  while (text.length > 1 && (text.endsWith('\0') || text.endsWith('/'))) text = text.substring(0, text.length - 1);
  return text;
}

/**
 * The preopened directory that holds `path` and the path inside it: the longest preopen that is a
 * prefix of an absolute path, or the current directory (".") for a relative one.
 */
function resolve(path: string): StaticArray<string> | null {
  let bestFd: i32 = -1;
  let bestRest = '';
  let bestLength = -1;
  const relative = !path.startsWith('/');
  for (let fd: u32 = 3; fd < 64; fd++) {
    const name = preopenName(fd);
    if (name == null) break;
    let rest: string | null = null;
    if (relative && (name == '.' || name == '')) {
      rest = path.startsWith('./') ? path.substring(2) : path;
    } else if (!relative && (name == '/' || path.startsWith(name + '/'))) {
      rest = path.substring(name == '/' ? 1 : name.length + 1);
    }
    if (rest != null && name.length > bestLength) {
      bestFd = <i32>fd;
      bestRest = rest;
      bestLength = name.length;
    }
  }
  if (bestFd < 0) return null;
  return [bestFd.toString(), bestRest];
}

/** Reads a whole file through the preopened directories; null (and `ioError`) when it cannot. */
export function readFile(path: string): string | null {
  const found = resolve(path);
  if (found == null) {
    ioError = 'not inside a preopened directory (give the runtime access, e.g. wasmtime --dir .)';
    return null;
  }
  const inside = String.UTF8.encode(found[1]);
  const err = path_open(
    <u32>I32.parseInt(found[0]),
    lookupflags.SYMLINK_FOLLOW,
    changetype<usize>(inside),
    <usize>inside.byteLength,
    0,
    rights.FD_READ,
    0,
    0,
    scratch,
  );
  if (err != errno.SUCCESS) {
    ioError = errnoToString(err);
    return null;
  }
  const fd = load<u32>(scratch);
  const info = changetype<filestat>(stat);
  const size = fd_filestat_get(fd, info) == errno.SUCCESS ? <i32>info.size : CHUNK;
  const text = readAll(fd, size);
  fd_close(fd);
  return text;
}

/**
 * The environment as name to value. The shim's `process.env` asks for an empty environment's
 * strings too, which Node's WASI refuses (EINVAL); an empty environment is simply empty here.
 */
export function environment(): Map<string, string> {
  const env = new Map<string, string>();
  if (environ_sizes_get(scratch, scratch + sizeof<usize>()) != errno.SUCCESS) return env;
  const count = <i32>load<usize>(scratch);
  const size = load<usize>(scratch, sizeof<usize>());
  if (count == 0) return env;
  const pointers = new StaticArray<usize>(count);
  const data = new Uint8Array(<i32>size);
  if (environ_get(changetype<usize>(pointers), data.dataStart) != errno.SUCCESS) return env;
  for (let i = 0; i < count; i++) {
    const entry = String.UTF8.decodeUnsafe(pointers[i], data.dataStart + size - pointers[i], true);
    const equals = entry.indexOf('=');
    if (equals < 0) env.set(entry, '');
    else env.set(entry.substring(0, equals), entry.substring(equals + 1));
  }
  return env;
}
