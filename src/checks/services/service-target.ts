/** A service URL as reports show it: `host:port` and path, never the credentials. */
export function displayUrl(url: string, defaultPort: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname === '/' ? '' : parsed.pathname;
  return `${parsed.hostname}:${parsed.port || defaultPort}${path}`;
}

/** Joins a base URL and an absolute path without doubling or losing the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}
