/**
 * The bot cannot start as deployed (environment variables, the bot database's schema): one line
 * that names what to set or do. Nothing is started; the process exits 78 (sysexits EX_CONFIG), so
 * systemd's `Restart=on-failure` and an operator both see it.
 */
export class DeploymentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeploymentError';
  }
}
