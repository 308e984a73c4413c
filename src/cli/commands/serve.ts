import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { startServer } from '../../server/main.js';
import { OrdersConfigError } from '../../server/orders/setup.js';

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'serve the built shop and its API',
  usage: `Usage: laden serve [--port N] [--host ADDR] [--dist DIR] [--db URL] [--catalog FILE]

Serves the built app (npm run build) and its API.
  --port N      port to listen on (default: $PORT or 8080; 0 picks a free one)
  --host ADDR   address to bind (default: 127.0.0.1)
  --dist DIR    the built app (default: dist/ in the package)
  --db URL      the database: postgres://user:pass@host:port/db, or sqlite:FILE / FILE for the
                embedded store (default: $LADEN_DATABASE_URL, else $LADEN_DB, else
                data/laden.sqlite in the package). Several servers may share one PostgreSQL.
  --catalog FILE  the catalog orders are priced with, rules.json beside it
                (default: $LADEN_CATALOG or DIST/data/catalog.json)
Mail goes to $LADEN_SMTP_URL (smtp://user:pass@host:port) from $LADEN_MAIL_FROM, with links to
$LADEN_PUBLIC_URL; without an SMTP server, mails are written as .eml files into data/mail/ beside
the SQLite file.`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        dist: { type: 'string' },
        db: { type: 'string' },
        catalog: { type: 'string' },
      },
    });
    const port = Number(values.port ?? process.env['PORT'] ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0–65535, got ${values.port}`);
    const orders = {
      ...(values.db ? { databaseUrl: values.db } : {}),
      ...(values.catalog ? { catalogPath: values.catalog } : {}),
    };
    const running = await startServer({ port, host: values.host, distDir: values.dist, orders }).catch(
      (error: unknown) => {
        throw error instanceof OrdersConfigError ? new UsageError(error.message) : error;
      },
    );
    console.log(`Laden läuft auf ${running.url}`);
    console.log(`Daten: ${running.data.backend} ${running.data.location}`);
    console.log(`E-Mail: ${running.mail.description}`);
    await new Promise<void>((resolve) => {
      const stop = () => void running.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
