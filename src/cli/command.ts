/** One `laden` sub-command. `run` returns the process exit code (0 ok, 1 failure, 2 bad usage/input). */
export interface Command {
  /** Words after `laden`, e.g. `['catalog', 'generate']`. */
  path: string[];
  summary: string;
  /** The full `--help` text. */
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A user error: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
