import { commands } from './commands/index.js';
import { UsageError, type Command } from './command.js';

function overview(): string {
  const rows = commands.map((c) => `  laden ${c.path.join(' ').padEnd(20)} ${c.summary}`);
  return ['Usage: laden <command> [options]', '', 'Commands:', ...rows, '', 'laden <command> --help for details.'].join(
    '\n',
  );
}

function find(argv: string[]): { command: Command; rest: string[] } | undefined {
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.path.every((word, i) => argv[i] === word);
    if (matches && (!best || command.path.length > best.path.length)) best = command;
  }
  return best && { command: best, rest: argv.slice(best.path.length) };
}

/** Runs `laden ARGV` and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(overview());
    return 0;
  }
  const found = find(argv);
  if (!found) {
    console.error(`laden: unknown command "${argv.join(' ')}"\n\n${overview()}`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    console.log(found.command.usage);
    return 0;
  }
  try {
    return await found.command.run(found.rest);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`laden ${found.command.path.join(' ')}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
