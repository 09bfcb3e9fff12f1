import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eventuallyValue } from './eventually.js';

/** A message the SMTP server took, parsed (headers decoded, text part read). */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  parsed: ParsedMail;
}

/**
 * A REAL SMTP server on 127.0.0.1 (the `smtp-server` package), as a submission server is set up:
 * STARTTLS with a certificate made for 127.0.0.1 now (openssl), AUTH only once the connection is
 * encrypted, one user and password. Each message is parsed by mailparser and kept.
 */
export class SmtpPeer {
  readonly received: ReceivedMail[] = [];
  readonly ca: string;
  private readonly key: string;
  private readonly dir: string;
  private server: SMTPServer | undefined;
  private port = 0;

  constructor(
    readonly username: string,
    private readonly password: string,
    private readonly options: { starttls?: boolean } = {},
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'samaops-smtp-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(this.dir, 'key.pem'),
        '-out',
        join(this.dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    this.key = readFileSync(join(this.dir, 'key.pem'), 'utf8');
    this.ca = readFileSync(join(this.dir, 'cert.pem'), 'utf8');
  }

  /** The CA file's path (`notifications.email.caFile`). */
  get caFile(): string {
    return join(this.dir, 'cert.pem');
  }

  /** The `notifications.email` section that reaches this server, the password from `${passwordVariable}`. */
  inventorySection(passwordVariable: string): Record<string, unknown> {
    return {
      host: '127.0.0.1',
      port: this.port,
      security: 'starttls',
      username: this.username,
      password: `\${${passwordVariable}}`,
      caFile: this.caFile,
      from: 'samaops <samaops@senelec.sn>',
    };
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      key: this.key,
      cert: this.ca,
      secure: false,
      disabledCommands: this.options.starttls === false ? ['STARTTLS'] : [],
      allowInsecureAuth: false,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.username && auth.password === this.password)
          return callback(null, { user: auth.username });
        callback(new Error('Invalid username or password'));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              parsed,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Mail received for `to`. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  /** Waits until `count` messages reached `to`. */
  waitFor(address: string, count = 1, timeoutMs?: number): Promise<ReceivedMail[]> {
    return eventuallyValue(
      `${count} email(s) to ${address}`,
      () => {
        const found = this.to(address);
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
    );
  }
}
