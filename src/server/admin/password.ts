import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import commonList from './common-passwords.txt?raw';

/**
 * scrypt parameters (OWASP Password Storage Cheat Sheet: N=2^15, r=8, p=3 is one of its equivalent
 * minimums; 32 MiB per hash). They are stored with each hash, so raising them later leaves existing
 * hashes readable and they are upgraded at the next sign-in.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 3, keyLength: 32, saltLength: 16 } as const;

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that nobody makes the server hash a megabyte. */
export const MAX_PASSWORD_LENGTH = 128;

interface Params {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, length: number, params: Params): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');

/** `scrypt$N$r$p$salt$hash`, with a fresh random salt. */
export async function hashPassword(password: string, params: Params = SCRYPT): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await derive(password, salt, SCRYPT.keyLength, params);
  return ['scrypt', params.N, params.r, params.p, b64(salt), b64(key)].join('$');
}

function parse(stored: string): (Params & { salt: Buffer; key: Buffer }) | undefined {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return undefined;
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((n) => Number.isInteger(n) && n > 0)) return undefined;
  return { ...params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Compares in constant time; a hash in an unknown format never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash was made with weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N !== SCRYPT.N || parsed.r !== SCRYPT.r || parsed.p !== SCRYPT.p;
}

let dummy: Promise<string> | undefined;
/**
 * A hash of nothing anyone knows, checked when the e-mail has no account, so that an unknown
 * address takes as long to refuse as a wrong password and the timing tells no one which accounts exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64'));
  return dummy;
}

const COMMON = new Set(commonList.split('\n').filter(Boolean));

/**
 * Why a new password is refused (a German sentence for the form), or undefined when it is fine.
 * OWASP ASVS 2.1: at least 12 characters, any characters allowed, no composition rules, but not a
 * known common password, nor one built from the account's own address.
 */
export function passwordProblem(password: string, email: string): string | undefined {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH)
    return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (chars.length > MAX_PASSWORD_LENGTH)
    return `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`;
  const lower = password.toLowerCase();
  if (new Set(chars).size <= 2) return 'Das Passwort besteht fast nur aus einem Zeichen.';
  if (isSequence(lower)) return 'Das Passwort ist eine einfache Zeichenfolge.';
  // A common password with digits or symbols added ("passwort2024!") is still a common password.
  const core = lower.replace(/[^\p{L}]+$/u, '').replace(/^[^\p{L}]+/u, '');
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core)) || isRepeated(lower)) {
    return 'Dieses Passwort ist zu verbreitet. Bitte ein anderes wählen.';
  }
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (lower.includes(address) || (local.length >= 4 && lower.includes(local))) {
    return 'Das Passwort darf die E-Mail-Adresse nicht enthalten.';
  }
  return undefined;
}

/** "abcdefghijklm", "123456789012", "987654321098": each character one step from the last. */
function isSequence(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (Math.abs(step) > 1) return false;
  return codes.every(
    (code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step || (step === 1 && code === 48 && codes[i - 1] === 57),
  );
}

/** A common password written several times over ("qwertyqwerty"). */
function isRepeated(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    const unit = text.slice(0, size);
    if (unit.repeat(text.length / size) === text && (size <= 4 || COMMON.has(unit))) return true;
  }
  return false;
}
