import { z } from 'zod';
import { identifier, safeAbsolutePath, safeGlob } from './identifiers.js';

/** A pinned host key as `ssh-keygen -lf` prints it. */
const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'config.fingerprint');

/** What a server does (PRODUCT.md §1). */
export const serverRoles = ['db', 'api', 'workers'] as const;

export const serverSchema = z.strictObject({
  /** Short name used in messages and commands, e.g. `db`. */
  name: identifier,
  /** What the server does (PRODUCT.md §1). */
  role: z.enum(serverRoles),
  /** Display label, e.g. "SERVEUR 1 (DB)". Default: the name. */
  label: z.string().min(1).max(80).optional(),
  host: z.string().min(1),
  /** SSH port. Default 22. */
  port: z.number().int().min(1).max(65535).default(22),
  /** SSH login of the bot on that server. */
  user: identifier,
  /** Private key contents, resolved from `privateKeyFile` or `${ENV}`. */
  privateKey: z.string().min(1).optional(),
  /** Pinned host key: `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on the server. */
  hostKeyFingerprint: fingerprint.optional(),
  /** Accept any host key (logs a warning at every connect). Default false: never in production. */
  insecureAcceptAnyHostKey: z.boolean().default(false),
  /** Containers expected to run there (`docker ps` names). */
  containers: z.array(identifier).default([]),
  /** Mount points whose disk use is checked. Default `/`. */
  mountPoints: z.array(safeAbsolutePath).default(['/']),
  /** Application log globs scanned for ERROR/CRITICAL lines. */
  logGlobs: z.array(safeGlob).default([]),
  /**
   * SSH commands run at once on the bot's one connection to the server (one sshd session each; the
   * others wait their turn). Default 8: a full diagnosis sends 7 at once to a server with two mount
   * points and one log glob. sshd counts a session until it has handled its close, so commands
   * ending and starting in one burst briefly count twice: docs/servers.md gives the bot's login
   * `MaxSessions 16`; where sshd is left at 10, a refused session is asked for again.
   */
  sshChannels: z.number().int().min(1).max(64).default(8),
});
