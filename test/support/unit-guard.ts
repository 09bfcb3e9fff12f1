import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

/**
 * Setup file of the `unit` test project: a unit test needs none of the machine's services, so
 * reaching one is a mistake in the project's file list, refused here with a message that says so
 * (such a test belongs in the `services` project, which may run it beside others).
 */

/** Ports of the machine's services and the lab's (PostgreSQL, PgBouncer, Redis, RabbitMQ, sshd). */
const SERVICE_PORTS = new Set([22, 5432, 6432, 6379, 5672, 15672]);
/** Programs that start or reach a real service. */
const SERVICE_PROGRAMS =
  /(^|\/)(sshd?|scp|sftp|pg_ctl|initdb|postgres|psql|redis-server|redis-cli|pgbouncer|rabbitmq\S*)$/;

function refuse(what: string): never {
  throw new Error(`a unit test reached ${what}: move it to the services project (see vitest.config.ts)`);
}

/** Set once installed: without isolation, a worker runs this file again before each test file. */
const INSTALLED = Symbol.for('samaops.unitGuard');
const installed = (globalThis as Record<symbol, unknown>)[INSTALLED] === true;
(globalThis as Record<symbol, unknown>)[INSTALLED] = true;
if (!installed) install();

function install(): void {
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    // net.connect() passes its normalized arguments as one array.
    const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const options =
      typeof first === 'object' && first !== null ? (first as net.TcpNetConnectOpts) : undefined;
    const port = Number(options ? options.port : first);
    const host = String(
      options ? (options.host ?? 'localhost') : typeof second === 'string' ? second : 'localhost',
    );
    if (SERVICE_PORTS.has(port)) refuse(`port ${port}`);
    if (/^127\.0\.0\.(?!1$)\d+$/.test(host)) refuse(`test host ${host}`);
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;

  for (const name of ['spawn', 'execFile', 'spawnSync', 'execFileSync'] as const) {
    const original = childProcess[name] as (...args: unknown[]) => unknown;
    (childProcess as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && SERVICE_PROGRAMS.test(args[0])) refuse(`the program ${args[0]}`);
      return original(...args);
    };
  }
  syncBuiltinESMExports();
}
