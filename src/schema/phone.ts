// Phone numbers: Dutch ones as people write them (06-12345678, 020-1234567, +31 6 12345678,
// 0031 6 12345678) and any other country's starting with + or 00 and its country code. Checked
// against the numbering plans (libphonenumber's full metadata: a 06 number has 8 digits after the
// 06, an area code exists) and kept in one form, E.164 (+31612345678), so one number is stored one
// way however it was typed.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Numbers without a country code are Dutch. */
const HOME = 'NL';

/** The number in E.164 form, or undefined when it is not a phone number in use anywhere. */
export function phoneE164(s: string): string | undefined {
  // Only digits, spaces, + ( ) . - and / belong in a number as typed; "06 1234 5678 (werk)" is not one.
  if (!/^[\d\s+().\-/]+$/.test(s)) return undefined;
  const p = parsePhoneNumberFromString(s, HOME);
  return p?.isValid() ? p.number : undefined;
}

/**
 * A stored number as a person reads it: a Dutch one the Dutch way (06 12345678), another country's
 * with its code (+44 20 7946 0958). A value stored before numbers were checked is shown as it is.
 */
export function phoneForDisplay(stored: string): string {
  const p = /^\+\d+$/.test(stored) ? parsePhoneNumberFromString(stored) : undefined;
  if (!p?.isValid()) return stored;
  return p.country === HOME ? p.formatNational() : p.formatInternational();
}
