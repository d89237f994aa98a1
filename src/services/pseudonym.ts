// Patients on the administrator's audit pages: administrators see no clinical content, and that a
// person is a patient here is itself health data, so a patient appears as a code. The code is the
// start of an HMAC-SHA256 of the patient's id under a key kept in the store: the same on every page,
// in every export and in every process of the installation, and without the key it leads back to
// nobody (nor can it be made from a patient id someone happens to know).
import { createHmac } from 'node:crypto';
import type { Db } from '../store/db.js';
import type { PatientCode } from '../store/audit.repo.js';
import { sharedSecret } from './secrets.js';

const KEY_NAME = 'audit-pseudonym-key';
/** Crockford's base32: no I, L, O or U, so a code read aloud or typed over is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 40 bits: eight characters, ten hex digits (among 150,000 patients, about a 1 % chance that two share one). */
const HEX_DIGITS = 10;

export interface PseudonymKey {
  key: Buffer;
}

export async function pseudonymKey(db: Db): Promise<PseudonymKey> {
  return { key: Buffer.from(await sharedSecret(db, KEY_NAME), 'base64url') };
}

function hexToCode(hex: string): string {
  let bits = BigInt(`0x${hex}`);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = (ALPHABET[Number(bits & 31n)] ?? '') + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** The code of one patient, as "7F3K-2Q9M". */
export function patientCode(k: PseudonymKey, patientId: string): string {
  return hexToCode(createHmac('sha256', k.key).update(patientId, 'utf8').digest('hex').slice(0, HEX_DIGITS));
}

/**
 * A code as someone types it, made plain: case, spaces, dashes and a leading "Patiënt"/"Patient"
 * do not matter, and the letters Crockford reads as digits (O, I, L) are read so. Undefined when it
 * cannot be a code.
 */
export function normalPatientCode(typed: string): string | undefined {
  const s = typed
    .normalize('NFC')
    .toUpperCase()
    .replace(/^\s*(PATIËNT|PATIENT|NAASTE|CAREGIVER)\b/u, '')
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(s)) return undefined;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** What the store's search needs to find a patient by a (plain) code. */
export function codeSearch(k: PseudonymKey, code: string): PatientCode {
  let bits = 0n;
  for (const c of code.replace('-', '')) bits = (bits << 5n) | BigInt(ALPHABET.indexOf(c));
  const block = Buffer.alloc(64);
  // A key longer than SHA-256's 64-byte block would be hashed first (RFC 2104); ours is 32 bytes.
  if (k.key.length > 64) throw new Error('the pseudonym key is longer than one block');
  k.key.copy(block);
  return {
    inner: Uint8Array.from(block, (b) => b ^ 0x36),
    outer: Uint8Array.from(block, (b) => b ^ 0x5c),
    hexPrefix: bits.toString(16).padStart(HEX_DIGITS, '0'),
  };
}
