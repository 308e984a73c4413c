import { afterEach, describe, expect, it } from 'vitest';
import { LitElement, html } from 'lit';
import { AdminApiError } from '../../../src/admin/api.js';
import { KeysetListController, type KeysetPage } from '../../../src/controllers/keyset-list-controller.js';

/** A reply the test hands out when it chooses, so replies can arrive out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Reply = ReturnType<typeof deferred<KeysetPage<string>>>;

class ListHost extends LitElement {
  readonly asked: (string | undefined)[] = [];
  readonly replies: Reply[] = [];
  readonly list = new KeysetListController<string>(
    this,
    (after) => {
      this.asked.push(after);
      const reply = deferred<KeysetPage<string>>();
      this.replies.push(reply);
      return reply.promise;
    },
    'Die Liste konnte nicht geladen werden.',
  );

  override render() {
    return html`${this.list.items?.join(',') ?? ''}`;
  }
}
customElements.define('keyset-list-host', ListHost);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('KeysetListController', () => {
  afterEach(() => document.body.replaceChildren());

  const mount = () => document.body.appendChild(document.createElement('keyset-list-host') as ListHost);

  it('reads the first page on connect and appends the next one after its key', async () => {
    const host = mount();
    expect(host.list.loading).toBe(true);
    host.replies[0]!.resolve({ items: ['a', 'b'], next: 'b' });
    await settle();
    expect(host.list.items).toEqual(['a', 'b']);
    void host.list.more();
    host.replies[1]!.resolve({ items: ['c'], next: null });
    await settle();
    await host.updateComplete;
    expect(host.asked).toEqual([undefined, 'b']);
    expect(host.list.items).toEqual(['a', 'b', 'c']);
    expect(host.list.next).toBeNull();
    expect(host.shadowRoot?.textContent).toContain('a,b,c');
    await host.list.more();
    expect(host.asked).toHaveLength(2);
  });

  it('drops a slow reply to an older filter when a newer one has been asked for', async () => {
    const host = mount();
    void host.list.reload();
    host.replies[1]!.resolve({ items: ['new'], next: null });
    await settle();
    host.replies[0]!.resolve({ items: ['old'], next: 'old' });
    await settle();
    expect(host.list.items).toEqual(['new']);
    expect(host.list.next).toBeNull();
    expect(host.list.loading).toBe(false);
  });

  it("shows the server's message, or its own when there is none, and keeps the rows it had", async () => {
    const host = mount();
    host.replies[0]!.resolve({ items: ['a'], next: 'a' });
    await settle();
    void host.list.more();
    host.replies[1]!.reject(new AdminApiError(403, 'forbidden', 'Dafür fehlt die Berechtigung.'));
    await settle();
    expect(host.list.error).toBe('Dafür fehlt die Berechtigung.');
    expect(host.list.items).toEqual(['a']);
    void host.list.reload();
    host.replies[2]!.reject(new TypeError('Failed to fetch'));
    await settle();
    expect(host.list.error).toBe('Die Liste konnte nicht geladen werden.');
    expect(host.list.loading).toBe(false);
  });
});
