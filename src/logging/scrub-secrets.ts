/**
 * Removes secrets from text before it is logged or shown: credentials in URLs, bearer tokens,
 * Slack tokens, password=… pairs and private key blocks. pino's redaction only sees object keys,
 * so strings (error messages, SSH output) go through this.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(
      /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
      '[private key redacted]',
    )
    .replace(/([a-z][a-z0-9+.-]*:\/\/)([^/\s:@]*)(:[^@\s/]*)?@/gi, '$1***@')
    .replace(/\b(xox[abposr]|xapp)-[A-Za-z0-9-]+/g, '$1-***')
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9+/=._-]+/gi, '$1 ***')
    .replace(/\b(password|passwd|pwd|secret|token)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, '$1$2***');
}
