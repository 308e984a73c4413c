import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/** A command-line test's surroundings: a fresh folder and what the command printed, per test. */
export function cliSession(prefix: string) {
  const session = { dir: '', stdout: [] as string[], stderr: [] as string[] };
  beforeEach(async () => {
    session.dir = await mkdtemp(join(tmpdir(), prefix));
    session.stdout = [];
    session.stderr = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void session.stdout.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void session.stderr.push(line));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(session.dir, { recursive: true, force: true });
  });
  return session;
}
