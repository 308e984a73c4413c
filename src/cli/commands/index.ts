import type { Command } from '../command.js';
import { serveCommand } from './serve.js';

// Each command lives in its own file; register it here.
export const commands: Command[] = [serveCommand];
