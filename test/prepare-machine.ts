import setup from './global-setup.js';

/**
 * `npm test` runs two vitest processes side by side, each with the global setup; this prepares the
 * machine once before them (Debian packages, the bot's login user, RabbitMQ's management plugin),
 * so that the two never run apt-get or useradd at the same time. Idempotent.
 */
await setup();
