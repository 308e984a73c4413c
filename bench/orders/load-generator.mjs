// Runs autocannon scenarios in its own process (so it can be pinned to a core of its own) and prints
// their results as one JSON array. Input, as JSON in argv[2]:
//   { urls, connections, seconds, scenarios: [{ name, method, path, headers?, body?, freshKey? }] }
// The connections are split evenly over the urls (one server instance each), all loaded at once.
// freshKey: every request gets a new Idempotency-Key (a new order each time). The order numbers of
// all 201 answers are returned, so the caller can read every one of them back from the database.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';

const { urls, connections, seconds, scenarios } = JSON.parse(process.argv[2]);
const results = [];
for (const { name, freshKey, ...request } of scenarios) {
  const created = [];
  const fresh = (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': randomUUID() } });
  const onResponse = (status, body) => {
    if (status === 201) created.push(JSON.parse(body).order.id);
  };
  const requests = [{ ...request, ...(freshKey ? { setupRequest: fresh } : {}), onResponse }];
  const share = Math.max(1, Math.floor(connections / urls.length));
  const runs = await Promise.all(
    urls.map((url) => autocannon({ url, connections: share, duration: seconds, requests })),
  );
  const sum = (pick) => runs.reduce((total, r) => total + pick(r), 0);
  results.push({
    name,
    perSecond: sum((r) => r.requests.average),
    total: sum((r) => r.requests.total),
    // Percentiles of two runs cannot be merged exactly: the worse instance's figure is reported.
    p50: Math.max(...runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    ok: sum((r) => r['2xx']),
    notOk: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    created,
  });
}
process.stdout.write(JSON.stringify(results));
