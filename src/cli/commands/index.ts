import type { Command } from '../command.js';

// Each command lives in its own file; register it here.
export const commands: Command[] = [];
