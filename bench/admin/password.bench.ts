import { describe, it } from 'vitest';
import { hashPassword, SCRYPT, verifyPassword } from '../../src/server/admin/password.js';
import { compare } from '../harness.js';

// What one sign-in costs the server: one scrypt hash at the stored parameters (N=2^15, r=8, p=3,
// 32 MiB), beside OWASP's other equivalent settings and the cheapest one (N=2^15, p=1) for scale.
describe('admin: password hashing', () => {
  it('times one scrypt hash per setting', async () => {
    const password = 'Zimtschnecke-Oktober-17';
    const stored = await hashPassword(password);
    if (!(await verifyPassword(password, stored))) throw new Error('the bench hash must verify');
    await compare(
      `scrypt per sign-in (ours: N=${SCRYPT.N}, r=${SCRYPT.r}, p=${SCRYPT.p})`,
      [
        { name: 'ours: verify N=2^15 r=8 p=3 (32 MiB)', ours: true, run: () => verifyPassword(password, stored) },
        { name: 'OWASP N=2^16 r=8 p=2 (64 MiB)', run: () => hashPassword(password, { N: 2 ** 16, r: 8, p: 2 }) },
        { name: 'OWASP N=2^17 r=8 p=1 (128 MiB)', run: () => hashPassword(password, { N: 2 ** 17, r: 8, p: 1 }) },
        {
          name: 'N=2^15 r=8 p=1 (32 MiB, 1/3 the work)',
          run: () => hashPassword(password, { N: 2 ** 15, r: 8, p: 1 }),
        },
      ],
      { rounds: 15, warmup: 2, budgetMs: 60_000 },
    );
  });
});
