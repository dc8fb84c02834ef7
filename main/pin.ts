// The kiosk staff PIN, stored only as a salted scrypt hash and compared in constant time. Node only.
// A short PIN is weak against offline guessing, so the hash parameters are deliberately costly and the
// caller (settings) also rate-limits attempts.
import { hostError } from './messages';
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PinHash {
  algorithm: 'scrypt';
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** scrypt cost: N=2^15, r=8 (~32 MiB, tens of ms per attempt). */
const DEFAULTS = { N: 1 << 15, r: 8, p: 1, keyLength: 32 };
const SALT_BYTES = 16;

export function isValidPin(pin: string): boolean {
  return /^[0-9]{4,12}$/.test(pin);
}

function scrypt(pin: string, salt: Buffer, keyLength: number, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(pin.normalize('NFKC'), salt, keyLength, { ...o, maxmem: 256 * o.N! * o.r! }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<PinHash> {
  if (!isValidPin(pin)) throw hostError('pinFormat', 'The PIN must be 4 to 12 digits.');
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(pin, salt, DEFAULTS.keyLength, { N: DEFAULTS.N, r: DEFAULTS.r, p: DEFAULTS.p });
  return { algorithm: 'scrypt', salt: salt.toString('base64'), hash: key.toString('base64'), ...DEFAULTS };
}

/** Pure check of a stored record's shape and sane cost bounds (a tampered file must not make us hang). */
export function isPinHash(v: unknown): v is PinHash {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  const int = (x: unknown, lo: number, hi: number) => typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
  return (
    h.algorithm === 'scrypt' &&
    typeof h.salt === 'string' &&
    typeof h.hash === 'string' &&
    int(h.N, 1 << 10, 1 << 20) &&
    ((h.N as number) & ((h.N as number) - 1)) === 0 &&
    int(h.r, 1, 32) &&
    int(h.p, 1, 4) &&
    int(h.keyLength, 16, 64)
  );
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!isValidPin(pin) || !isPinHash(stored)) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== stored.keyLength) return false;
  const key = await scrypt(pin, Buffer.from(stored.salt, 'base64'), stored.keyLength, { N: stored.N, r: stored.r, p: stored.p });
  return timingSafeEqual(key, expected);
}
