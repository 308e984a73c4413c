import type { Command } from '../command.js';
import { catalogGenerateCommand } from './catalog-generate.js';
import { catalogImportCommand } from './catalog-import.js';
import { catalogPublishCommand } from './catalog-publish.js';
import { catalogShipCommand } from './catalog-ship.js';
import { dbCopyCommand, dbMigrateCommand, dbStatusCommand } from './db.js';
import { quoteCommand } from './quote.js';
import { searchCommand } from './search.js';
import { serveCommand } from './serve.js';
import { staffAddCommand, staffListCommand, staffRemoveCommand } from './staff.js';
import { thumbCommand } from './thumb.js';
import { thumbCatalogCommand } from './thumb-catalog.js';

// Each command lives in its own file; register it here.
export const commands: Command[] = [
  catalogGenerateCommand,
  catalogPublishCommand,
  catalogImportCommand,
  catalogShipCommand,
  serveCommand,
  thumbCommand,
  thumbCatalogCommand,
  searchCommand,
  quoteCommand,
  dbMigrateCommand,
  dbStatusCommand,
  dbCopyCommand,
  staffAddCommand,
  staffListCommand,
  staffRemoveCommand,
];
