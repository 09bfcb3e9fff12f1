/**
 * How many SMS a text takes (3GPP TS 23.038): in the GSM 7-bit default alphabet, 160 septets in
 * one message, 153 per part once concatenated, each character of the extension table (`{ } [ ] ~
 * \ | ^ €` and form feed) costing two septets that never straddle two parts; with any other
 * character the whole text goes as UCS-2, 70 UTF-16 units in one message, 67 per part, a
 * surrogate pair never split.
 */

/** The default alphabet (basic table), its escape (0x1B) left out. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: an escape and the character, two septets. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

/**
 * Characters outside the alphabet that French text often holds, and what stands for them in an
 * SMS: typographic quotes, dashes and dots (the ` · ` of incident titles), spaces, and the accented
 * letters the basic table lacks (it
 * has é è à ù ì ò É Ç, not ê â î ô û ç ë ï œ).
 */
const GSM_STAND_INS: Readonly<Record<string, string>> = {
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '·': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
  ê: 'e',
  ë: 'e',
  â: 'a',
  î: 'i',
  ï: 'i',
  ô: 'o',
  û: 'u',
  ç: 'c',
  œ: 'oe',
  Ê: 'E',
  Â: 'A',
  Î: 'I',
  Ô: 'O',
  Û: 'U',
  Œ: 'OE',
};

/** `text` with the usual stand-ins for characters the GSM alphabet lacks; others are left (UCS-2). */
export function gsmFriendly(text: string): string {
  return [...text].map((char) => GSM_STAND_INS[char] ?? char).join('');
}

/** The encoding an SMS goes in. */
export type SmsEncoding = 'gsm7' | 'ucs2';

/** Limits of one encoding: units in a single message, and per part of a concatenated one. */
const LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const satisfies Record<SmsEncoding, { single: number; part: number }>;

/** True when every character of `text` is in the GSM 7-bit alphabet (basic or extension). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM_BASIC.has(char) && !GSM_EXTENSION.has(char)) return false;
  return true;
}

/** The units one character takes: septets in GSM-7, UTF-16 code units in UCS-2. */
function unitsOf(char: string, encoding: SmsEncoding): number {
  if (encoding === 'ucs2') return char.length;
  return GSM_EXTENSION.has(char) ? 2 : 1;
}

/** The encoding, the units used, and how many messages `text` takes. */
export function smsSegments(text: string): { encoding: SmsEncoding; units: number; segments: number } {
  const encoding: SmsEncoding = isGsm7(text) ? 'gsm7' : 'ucs2';
  const chars = [...text];
  const units = chars.reduce((sum, char) => sum + unitsOf(char, encoding), 0);
  const limit = LIMITS[encoding];
  if (units <= limit.single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  // Parts fill greedily; a character that would straddle two parts starts the next one.
  let segments = 1;
  let used = 0;
  for (const char of chars) {
    const cost = unitsOf(char, encoding);
    if (used + cost > limit.part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}

/**
 * The longest text `compose(cut)` makes within `maxSegments` messages, cutting `variable` (a
 * title) from its end and marking the cut with `...` (`…` is not GSM-7: it would make the whole
 * text UCS-2); `minKept` characters of it are kept at least. Undefined when even that does not fit.
 */
export function fitSms(
  compose: (variable: string) => string,
  variable: string,
  maxSegments: number,
  minKept = 0,
): string | undefined {
  const chars = [...variable];
  const fits = (kept: number) => {
    const cut = kept >= chars.length ? variable : `${chars.slice(0, kept).join('').trimEnd()}...`;
    const text = compose(cut);
    return smsSegments(text).segments <= maxSegments ? text : undefined;
  };
  const whole = fits(chars.length);
  if (whole !== undefined) return whole;
  // Fewer characters never take more messages: search the longest cut that fits.
  let low = Math.min(minKept, chars.length);
  let high = chars.length - 1;
  let best: string | undefined;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const text = fits(middle);
    if (text !== undefined) {
      best = text;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
