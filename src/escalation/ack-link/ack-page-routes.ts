import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { errorReason } from '../../logging/error-reason.js';
import { HTML_PAGE_CSP, renderHtmlPage } from '../../render/html-page.js';
import type { AckLinkConfig } from './ack-link-config.js';
import { ACK_PATH_PREFIX, ackPageUrl, randomNonce } from './ack-link-signer.js';
import {
  type AckPageDeps,
  actOnLink,
  holdLink,
  invalid,
  type PageAnswer,
  showLink,
} from './ack-page-flow.js';
import { errorPage } from './ack-page-view.js';

/** The CSRF cookie: one per link (its path is the link's), the same value as the form's field. */
const CSRF_COOKIE = 'samaops_ack';
/** The page's form is two fields: a larger body is not read. */
const MAX_FORM_BYTES = 4096;

/** Headers of every ack page: nothing cached, framed, sniffed, referred or scripted. */
const SECURITY_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': HTML_PAGE_CSP,
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-robots-tag': 'noindex, nofollow',
} as const;

/**
 * The ack page, `GET|POST /ack/<token>`, beside `/health` on the bot's HTTP server (Bolt's receiver
 * in both Slack modes, `serveRoutes` in the console). GET shows and sets the CSRF cookie; only the
 * page's POST acts (`ack-page-flow.ts`).
 */
export function ackPageRoutes(deps: AckPageDeps & { config: AckLinkConfig }): CustomRoute[] {
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const token = tokenOf(request.url);
    const answer =
      token === undefined
        ? Promise.resolve(invalid(deps.locale))
        : request.method === 'POST'
          ? post(deps, request, token)
          : get(deps, token, response);
    answer
      .catch((error: unknown) => {
        // The store or Redis: nothing was done (the step's transaction did not commit).
        deps.logger.error({ err: errorReason(error) }, 'ack page failed');
        return { status: 503, page: errorPage(deps.locale, 'ackLink.invalid.title', 'ackLink.unavailable') };
      })
      .then((page) => send(response, page));
  };
  return [{ path: `${ACK_PATH_PREFIX}:token`, method: ['GET', 'POST'], handler }];
}

async function get(
  deps: AckPageDeps & { config: AckLinkConfig },
  token: string,
  response: ServerResponse,
): Promise<PageAnswer> {
  const held = await holdLink(deps, token);
  if ('status' in held) return held;
  const csrf = deps.keys.csrf(held.claims.nonce, randomNonce());
  const url = ackPageUrl(deps.config, token);
  const secure = url.protocol === 'https:' ? '; Secure' : '';
  response.setHeader(
    'set-cookie',
    `${CSRF_COOKIE}=${csrf}; Path=${url.pathname}; Max-Age=${Math.ceil(deps.config.ttlMs / 1000)}; HttpOnly; SameSite=Strict${secure}`,
  );
  return showLink(deps, held, csrf);
}

async function post(deps: AckPageDeps, request: IncomingMessage, token: string): Promise<PageAnswer> {
  const form = await readForm(request);
  if (!form)
    return { status: 400, page: errorPage(deps.locale, 'ackLink.invalid.title', 'ackLink.badRequest') };
  const held = await holdLink(deps, token);
  if ('status' in held) return held;
  const csrf = form.get('csrf') ?? '';
  if (!deps.keys.csrfMatches(held.claims.nonce, csrf, cookieOf(request.headers.cookie) ?? '')) {
    deps.logger.warn({ incident: held.claims.incidentId }, 'ack page: CSRF token missing or wrong');
    return { status: 403, page: errorPage(deps.locale, 'ackLink.invalid.title', 'ackLink.csrf') };
  }
  const action = form.get('action');
  if (action !== 'acknowledge' && action !== 'escalate') {
    return { status: 400, page: errorPage(deps.locale, 'ackLink.invalid.title', 'ackLink.badRequest') };
  }
  return actOnLink(deps, held, action);
}

/** The token of `/ack/<token>`, or undefined for any other shape. */
function tokenOf(url: string | undefined): string | undefined {
  const path = new URL(url ?? '/', 'http://localhost').pathname;
  if (!path.startsWith(ACK_PATH_PREFIX)) return undefined;
  const token = path.slice(ACK_PATH_PREFIX.length);
  return /^[A-Za-z0-9_.-]{1,512}$/.test(token) ? token : undefined;
}

/** The CSRF cookie's value, if sent. */
function cookieOf(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return value.join('=');
  }
  return undefined;
}

/** The page's urlencoded form, or null when it is something else or too large. */
function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    request.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: PageAnswer): void {
  if (response.headersSent) return;
  response.writeHead(answer.status, SECURITY_HEADERS);
  response.end(renderHtmlPage(answer.page));
}
