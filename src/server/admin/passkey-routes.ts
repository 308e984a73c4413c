import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { Hono } from 'hono';
import { z } from 'zod';
import { appendAudit } from '../db/audit-store.js';
import {
  consumeChallenge,
  deletePasskey,
  findPasskey,
  insertChallenge,
  insertPasskey,
  listPasskeys,
  markPasskeyUsed,
  passkeyIdsOf,
} from '../db/passkey-store.js';
import { readBody } from './body.js';
import { answer, clientAddress, ownOrigin, problem, type Admin, type AdminContext, type AdminEnv } from './context.js';
import { failSignIn, finishSignIn, throttled } from './session-routes.js';
import { retryAfterSeconds, throttleKeys } from './throttle.js';

const RP_NAME = 'Laden';

/** The relying party is the shop's own host (LADEN_PUBLIC_URL's, else the request's). */
function relyingParty(c: AdminContext, admin: Admin) {
  const origin = ownOrigin(c, admin);
  return { origin, rpID: new URL(origin).hostname };
}

// The browser's credential as @simplewebauthn/browser hands it over; the library checks the inside.
const credential = z.looseObject({
  id: z.string().regex(/^[\w-]{1,1400}$/),
  rawId: z.string().max(1400),
  type: z.literal('public-key'),
  response: z.looseObject({}),
});

const signInSchema = z.strictObject({ response: credential });
const registerSchema = z.strictObject({
  response: credential,
  name: z.string().trim().min(1).max(60, 'Höchstens 60 Zeichen.').optional(),
});

const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `/api/admin/session/passkey…`: signing in with a passkey (no session needed). */
export function passkeySignInRoutes(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();

  api.post('/options', async (c) => {
    const keys = throttleKeys(clientAddress(c, admin));
    const wait = await retryAfterSeconds(admin.data.db, keys, admin.now());
    if (wait > 0) return throttled(c, wait);
    const { rpID } = relyingParty(c, admin);
    // No allowCredentials: the authenticator offers its discoverable passkeys for this site.
    const options = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
    await admin.data.write((trx) =>
      insertChallenge(trx, { challenge: options.challenge, purpose: 'sign-in', staffId: null, now: admin.now() }),
    );
    return answer(c, options);
  });

  api.post('/', async (c) => {
    const body = await readBody(c, signInSchema);
    if (!body.ok) return body.response;
    const keys = throttleKeys(clientAddress(c, admin));
    const wait = await retryAfterSeconds(admin.data.db, keys, admin.now());
    if (wait > 0) return throttled(c, wait);
    const response = body.data.response as unknown as AuthenticationResponseJSON;
    const stored = await findPasskey(admin.data.db, response.id);
    if (!stored) return failSignIn(c, admin, keys, 'passkey', 'passkey');
    const { origin, rpID } = relyingParty(c, admin);
    let verified;
    try {
      verified = await verifyAuthenticationResponse({
        response,
        expectedChallenge: (challenge) => consumeChallenge(admin.data.db, challenge, 'sign-in', admin.now()),
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: {
          id: stored.id,
          publicKey: stored.publicKey,
          counter: stored.counter,
          transports: stored.transports,
        },
        requireUserVerification: true,
      });
    } catch (error) {
      console.warn(`passkey sign-in refused: ${failure(error)}`);
      return failSignIn(c, admin, keys, stored.staff.email, 'passkey');
    }
    if (!verified.verified) return failSignIn(c, admin, keys, stored.staff.email, 'passkey');
    const at = new Date(admin.now()).toISOString();
    return finishSignIn(c, admin, {
      staff: stored.staff,
      keys,
      method: 'passkey',
      also: (trx) => markPasskeyUsed(trx, stored.id, verified.authenticationInfo.newCounter, at),
    });
  });

  return api;
}

/** `/api/admin/passkeys`: the signed-in staff member's own passkeys. */
export function passkeyRoutes(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();

  api.get('/', async (c) => answer(c, { passkeys: await listPasskeys(admin.data.db, c.get('staff').id) }));

  api.post('/options', async (c) => {
    const staff = c.get('staff');
    const { rpID } = relyingParty(c, admin);
    const existing = await passkeyIdsOf(admin.data.db, staff.id);
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID,
      userName: staff.email,
      userID: new TextEncoder().encode(staff.id),
      attestationType: 'none',
      excludeCredentials: existing,
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    await admin.data.write((trx) =>
      insertChallenge(trx, { challenge: options.challenge, purpose: 'register', staffId: staff.id, now: admin.now() }),
    );
    return answer(c, options);
  });

  api.post('/', async (c) => {
    const staff = c.get('staff');
    const body = await readBody(c, registerSchema);
    if (!body.ok) return body.response;
    const { origin, rpID } = relyingParty(c, admin);
    const invalid = () => problem(c, 400, 'invalid-passkey', 'Der Passkey konnte nicht gespeichert werden.');
    let verified;
    try {
      verified = await verifyRegistrationResponse({
        response: body.data.response as unknown as RegistrationResponseJSON,
        expectedChallenge: (challenge) => consumeChallenge(admin.data.db, challenge, 'register', admin.now(), staff.id),
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
      });
    } catch (error) {
      console.warn(`passkey registration refused: ${failure(error)}`);
      return invalid();
    }
    if (!verified.verified) return invalid();
    const { credential: key } = verified.registrationInfo;
    const at = new Date(admin.now()).toISOString();
    const name = body.data.name ?? `Passkey vom ${at.slice(0, 10)}`;
    const stored = await admin.data.write(async (trx) => {
      const inserted = await insertPasskey(trx, {
        id: key.id,
        staffId: staff.id,
        publicKey: key.publicKey,
        counter: key.counter,
        transports: key.transports ?? [],
        name,
        at,
      });
      if (!inserted) return false;
      await appendAudit(trx, {
        actor: staff.email,
        action: 'passkey-added',
        target: staff.email,
        after: { id: key.id, name },
        address: clientAddress(c, admin),
        at,
      });
      return true;
    });
    if (!stored) return invalid();
    return answer(c, { passkey: { id: key.id, name, createdAt: at, lastUsedAt: null } }, 201);
  });

  api.delete('/:id', async (c) => {
    const staff = c.get('staff');
    const id = c.req.param('id');
    const at = new Date(admin.now()).toISOString();
    const removed = await admin.data.write(async (trx) => {
      const passkey = await deletePasskey(trx, staff.id, id);
      if (!passkey) return false;
      await appendAudit(trx, {
        actor: staff.email,
        action: 'passkey-removed',
        target: staff.email,
        before: { id, name: passkey.name },
        address: clientAddress(c, admin),
        at,
      });
      return true;
    });
    if (!removed) return problem(c, 404, 'not-found', 'Kein solcher Passkey.');
    return c.body(null, 204);
  });

  return api;
}
