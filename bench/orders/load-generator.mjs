// Runs autocannon scenarios in its own process (so it can be pinned to a core of its own) and prints
// their results as one JSON array. Input, as JSON in argv[2]:
//   { url, connections, seconds, scenarios: [{ name, method, path, headers?, body?, freshKey? }] }
// freshKey: every request gets a new Idempotency-Key (a new order each time).
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';

const { url, connections, seconds, scenarios } = JSON.parse(process.argv[2]);
const results = [];
for (const { name, freshKey, ...request } of scenarios) {
  const fresh = (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': randomUUID() } });
  const requests = [freshKey ? { ...request, setupRequest: fresh } : request];
  const r = await autocannon({ url, connections, duration: seconds, requests });
  results.push({
    name,
    perSecond: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    notOk: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  });
}
process.stdout.write(JSON.stringify(results));
