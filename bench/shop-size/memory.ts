import type { CDPSession } from 'playwright-core';

/** What one JavaScript realm (the page, a worker, the service worker) holds. */
export interface RealmMemory {
  type: string;
  url: string;
  /** V8's used heap (Runtime.getHeapUsage), WebAssembly memories not included. */
  heap: number;
  /** Sum of the byte lengths of every WebAssembly.Memory alive in the realm. */
  wasm: number;
}

type Send = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * The WebAssembly memories are found the way DevTools' `queryObjects()` does: every object whose
 * prototype is WebAssembly.Memory.prototype, then the sum of their buffers. Nothing in the shop's
 * code has to expose them.
 */
async function realmMemory(send: Send): Promise<{ heap: number; wasm: number }> {
  await send('Runtime.collectGarbage').catch(() => undefined);
  const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  const proto = (await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' })) as {
    result: { objectId: string };
  };
  const found = (await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId })) as {
    objects: { objectId: string };
  };
  const sum = (await send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }',
    returnByValue: true,
  })) as { result: { value: number } };
  return { heap: usage.usedSize, wasm: sum.result.value };
}

/**
 * The page's realm and those of the workers and service worker it started, reached through the
 * page's DevTools session (auto-attach, messages relayed by Target.sendMessageToTarget).
 */
export async function shopMemory(cdp: CDPSession): Promise<RealmMemory[]> {
  const attached: { sessionId: string; targetInfo: { type: string; url: string } }[] = [];
  cdp.on('Target.attachedToTarget', (event) => attached.push(event));
  let next = 1;
  const pending = new Map<
    number,
    (message: { result?: Record<string, unknown>; error?: { message: string } }) => void
  >();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const realms: RealmMemory[] = [
    {
      type: 'page',
      url: '',
      ...(await realmMemory((method, params) => cdp.send(method as 'Runtime.evaluate', params as never) as never)),
    },
  ];
  for (const { sessionId, targetInfo } of attached) {
    const send: Send = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, (message) => {
          pending.delete(id);
          if (message.error) reject(new Error(message.error.message));
          else resolve(message.result ?? {});
        });
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    try {
      realms.push({ type: targetInfo.type, url: targetInfo.url, ...(await realmMemory(send)) });
    } catch {
      // A worker that ended meanwhile holds nothing any more.
    }
  }
  return realms;
}
