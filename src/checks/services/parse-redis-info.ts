/**
 * Parses the text of Redis `INFO` into its `field:value` pairs. Robust to what ioredis may hand
 * back: a Buffer, CRLF or LF line ends, section headers, and the `txt:` prefix of a RESP3
 * verbatim string (ioredis 6 speaks RESP3; today it strips the prefix, a later version may not).
 */
export function parseRedisInfo(raw: string | Buffer): Map<string, string> {
  const text = (typeof raw === 'string' ? raw : raw.toString('utf8')).replace(/^txt:/, '');
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}

/** A non-negative integer field of INFO, or undefined when absent or malformed. */
export function infoInteger(fields: Map<string, string>, name: string): number | undefined {
  const value = fields.get(name);
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
