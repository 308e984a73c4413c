import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import type { PlacedOrder } from '../../src/domain/order.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { fixtureShop, orderRequest, post, serverTotal } from '../unit/server/support.js';
import { startSmtp, type TestSmtp } from '../unit/server/smtp.js';

const builtServer = join(process.cwd(), 'dist-node', 'server.js');

/** The built server (npm run build:node) in its own process, so it can be killed for real. */
async function startChild(
  shop: { dist: string; dbPath: string },
  smtpUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(builtServer)) throw new Error('No built server in dist-node: run npm run build:node first');
  const options = {
    port: 0,
    host: '127.0.0.1',
    distDir: shop.dist,
    orders: { dbPath: shop.dbPath },
    mail: { smtpUrl, pollMs: 50 },
  };
  const script = `const { startServer } = await import(${JSON.stringify(pathToFileURL(builtServer).href)});
const running = await startServer(${JSON.stringify(options)});
console.log('listening ' + running.url);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening`)));
  });
  return { child, url };
}

describe('a server killed while it sends a mail', () => {
  const shop = fixtureShop();
  let smtp: TestSmtp | undefined;
  let child: ChildProcess | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await server?.close();
    await smtp?.close();
    shop.remove();
  });

  it('delivers the mail after the restart, with at most one duplicate, both with the same Message-ID', async () => {
    smtp = await startSmtp();
    // The mail server reads the whole message and never answers: the server is killed right then.
    smtp.hold = true;
    const started = await startChild(shop, smtp.url);
    child = started.child;
    const request = orderRequest();
    const answer = await post(started.url, { ...request, expectedTotal: await serverTotal(started.url, request) });
    expect(answer.status).toBe(201);
    const order = answer.body['order'] as PlacedOrder;
    await expect.poll(() => smtp!.seen.length, { timeout: 20_000 }).toBe(1);
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    // Restarted: the dead process's claim runs out after the lease, and the mail goes out.
    smtp.hold = false;
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      distDir: shop.dist,
      orders: { dbPath: shop.dbPath },
      mail: { smtpUrl: smtp.url, pollMs: 50, leaseMs: 1000 },
    });
    await expect.poll(async () => (await server!.mail.store.list()).mails[0]?.state, { timeout: 20_000 }).toBe('sent');
    const [mail] = (await server.mail.store.list()).mails;
    expect(mail).toMatchObject({ orderId: order.id, attempts: 2 });
    expect(smtp.received).toHaveLength(1);
    // The copy that was on the wire when the process died is the only possible duplicate.
    expect(smtp.seen).toHaveLength(2);
    const [first, second] = await Promise.all(smtp.seen.map((m) => simpleParser(m.raw)));
    expect(first!.messageId).toBe(second!.messageId);
    expect(second!.subject).toBe(`Ihre Bestellung ${order.id} bei Laden`);
  });
});
