import { ChannelPace, type ChannelPaceOptions } from './channel-pace.js';
import { FileUploads } from './file-uploads.js';
import { judgeMessage } from './message-rules.js';
import { named, ok, refusal, type WorkspaceAnswer } from './slack-answers.js';
import { manifestScopes, missingScope } from './slack-scopes.js';

export type { WorkspaceAnswer } from './slack-answers.js';

/**
 * The state and the answers of the Slack double: the messages it took (chat.update and thread
 * replies need one that exists), the DMs it opened, the response_urls it gave out and how often
 * each was used. Every answer is Slack's own shape: `{ ok: false, error, errors?, response_metadata }`
 * for a refusal, 429 with `Retry-After` for a channel posted to too fast, 404 for a used-up response_url.
 * Methods: https://docs.slack.dev/reference/methods/chat.postMessage, …/chat.update,
 * …/chat.postEphemeral, …/conversations.open (users required: `users_list_not_supplied`; 1 to 8),
 * …/users.info (scope users:read, else `missing_scope` with `needed` and `provided`; an unknown or
 * malformed id: `user_not_found`; `locale` only with `include_locale=true`), …/auth.test;
 * response_url: at most 5 answers within 30 minutes
 * (https://docs.slack.dev/interactivity/handling-user-interaction); the upload flow of files
 * (file-uploads.ts); each method's scope (slack-scopes.ts: `missing_scope`).
 */

/** The double's workspace options. */
export interface WorkspaceOptions {
  /** chat.postMessage pace per channel. Default Slack's: 1 per second, a burst of 3. */
  pace?: ChannelPaceOptions;
  /** The clock, ms. Default Date.now. */
  now?: () => number;
  /** The bot token's scopes. Default: those manifest.yml asks for (what installing the app grants). */
  scopes?: readonly string[];
  /**
   * The workspace's members, by id, with their Slack language (`fr-FR`, `en-US`…): any other id is
   * `user_not_found`. Default: every well-formed id is a member, in `fr-FR` (a francophone workspace).
   */
  members?: Readonly<Record<string, { locale: string; name?: string }>>;
}

const RESPONSE_URL_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const CHANNEL = /^[CG][A-Z0-9]{2,30}$/;
const USER = /^[UW][A-Z0-9]{2,30}$/;

export class SlackWorkspace {
  private readonly pace: ChannelPace;
  private readonly now: () => number;
  private readonly scopes: readonly string[];
  private readonly members: WorkspaceOptions['members'];
  private readonly messages = new Map<string, Set<string>>();
  private readonly dms = new Map<string, string>();
  private readonly responseUrls = new Map<string, { created: number; uses: number }>();
  private nextTs = 1_700_000_000;
  /** `http://127.0.0.1:PORT` of the double, where upload URLs point (set once it listens). */
  baseUrl = 'http://127.0.0.1:0';
  /** The file uploads: pending ones and those shared. */
  readonly uploads = new FileUploads({
    channelExists: (channel) => this.channelExists(channel),
    messageExists: (channel, ts) => this.messages.get(channel)?.has(ts) ?? false,
    baseUrl: () => this.baseUrl,
  });

  constructor(options: WorkspaceOptions = {}) {
    this.pace = new ChannelPace(options.pace);
    this.now = options.now ?? Date.now;
    this.scopes = options.scopes ?? manifestScopes();
    this.members = options.members;
  }

  /** Registers a response_url (as Slack does when it sends a command or a press). */
  mintResponseUrl(id: string): void {
    this.responseUrls.set(id, { created: this.now(), uses: 0 });
  }

  /** The DM channel id conversations.open gives for a person. */
  dmChannelOf(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  answer(
    method: string,
    params: Record<string, unknown>,
    authorization: string | undefined,
  ): WorkspaceAnswer {
    if (method === 'response_url') return this.responseUrl(params);
    const token = /^Bearer (xox[bpa]-|xapp-)/.exec(authorization ?? '');
    if (!authorization) return refusal(method, 'not_authed');
    if (!token) return refusal(method, 'invalid_auth');
    const scope = missingScope(method, this.scopes);
    if (scope)
      return { status: 200, body: scope, violations: [`${method}: missing_scope (needed ${scope.needed})`] };
    switch (method) {
      case 'auth.test':
        return ok({
          url: 'https://double.slack.test/',
          team: 'Double',
          team_id: 'T0DOUBLE',
          user: 'samaops',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        });
      case 'chat.postMessage':
        return this.postMessage(params);
      case 'chat.update':
        return this.update(params);
      case 'chat.postEphemeral':
        return this.postEphemeral(params);
      case 'conversations.open':
        return this.openDm(params);
      case 'users.info':
        return this.userInfo(params);
      case 'files.getUploadURLExternal':
        return this.uploads.getUploadUrl(params);
      case 'files.completeUploadExternal':
        return this.uploads.complete(params);
      case 'apps.connections.open':
        // No WebSocket server here: Socket Mode gets as far as asking for one, and is refused.
        return { status: 200, body: { ok: false, error: 'invalid_auth' }, violations: [] };
      default:
        return refusal(method, 'unknown_method');
    }
  }

  private postMessage(params: Record<string, unknown>): WorkspaceAnswer {
    const channel = String(params.channel ?? '');
    if (!this.channelExists(channel)) return refusal('chat.postMessage', 'channel_not_found');
    const verdict = judgeMessage(params);
    if (verdict.error) return refusal('chat.postMessage', verdict.error, verdict.errors);
    const slot = this.pace.take(channel, this.now());
    if (!slot.ok)
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        retryAfter: slot.retryAfter,
        violations: [],
      };
    this.nextTs += 1;
    const ts = `${this.nextTs}.000100`;
    this.messages.set(channel, (this.messages.get(channel) ?? new Set()).add(ts));
    const message = { text: params.text, ...(params.thread_ts ? { thread_ts: params.thread_ts } : {}) };
    return {
      ...ok({ channel, ts, message }),
      verdict,
      violations: named('chat.postMessage', verdict.violations),
    };
  }

  private update(params: Record<string, unknown>): WorkspaceAnswer {
    const channel = String(params.channel ?? '');
    if (!this.channelExists(channel)) return refusal('chat.update', 'channel_not_found');
    if (typeof params.ts !== 'string' || !this.messages.get(channel)?.has(params.ts))
      return refusal('chat.update', 'message_not_found');
    const verdict = judgeMessage(params);
    if (verdict.error) return refusal('chat.update', verdict.error, verdict.errors);
    return {
      ...ok({ channel, ts: params.ts, text: params.text }),
      verdict,
      violations: named('chat.update', verdict.violations),
    };
  }

  private postEphemeral(params: Record<string, unknown>): WorkspaceAnswer {
    if (!this.channelExists(String(params.channel ?? '')))
      return refusal('chat.postEphemeral', 'channel_not_found');
    if (!USER.test(String(params.user ?? ''))) return refusal('chat.postEphemeral', 'user_not_in_channel');
    const verdict = judgeMessage(params);
    if (verdict.error) return refusal('chat.postEphemeral', verdict.error, verdict.errors);
    this.nextTs += 1;
    return {
      ...ok({ message_ts: `${this.nextTs}.000200` }),
      verdict,
      violations: named('chat.postEphemeral', verdict.violations),
    };
  }

  private openDm(params: Record<string, unknown>): WorkspaceAnswer {
    const users = typeof params.users === 'string' ? params.users.split(',').filter(Boolean) : [];
    if (users.length === 0) return refusal('conversations.open', 'users_list_not_supplied');
    if (users.length > 8) return refusal('conversations.open', 'too_many_users');
    if (!users.every((user) => USER.test(user))) return refusal('conversations.open', 'user_not_found');
    // One person: a 1:1 DM (a group DM is not modelled: samaops opens one DM per person).
    if (users.length > 1) return refusal('conversations.open', 'method_not_supported_for_channel_type');
    const id = this.dmChannelOf(users[0] as string);
    this.dms.set(users[0] as string, id);
    return ok({ channel: { id } });
  }

  /** users.info: the user object Slack returns (reference/methods/users.info), `locale` only when asked. */
  private userInfo(params: Record<string, unknown>): WorkspaceAnswer {
    const id = String(params.user ?? '');
    const member = this.members ? this.members[id] : USER.test(id) ? { locale: 'fr-FR' } : undefined;
    if (!USER.test(id) || !member) return refusal('users.info', 'user_not_found');
    const name = member.name ?? id.toLowerCase();
    return ok({
      user: {
        id,
        team_id: 'T0DOUBLE',
        name,
        deleted: false,
        real_name: name,
        tz: 'Africa/Dakar',
        tz_label: 'Greenwich Mean Time',
        tz_offset: 0,
        profile: { real_name: name, display_name: name, team: 'T0DOUBLE' },
        is_admin: false,
        is_owner: false,
        is_bot: false,
        is_app_user: false,
        updated: 1_700_000_000,
        ...(params.include_locale === true || params.include_locale === 'true'
          ? { locale: member.locale }
          : {}),
      },
    });
  }

  private responseUrl(params: Record<string, unknown>): WorkspaceAnswer {
    const url = this.responseUrls.get(String(params.id));
    if (!url || this.now() - url.created > RESPONSE_URL_LIFETIME_MS)
      return {
        status: 404,
        body: { ok: false, error: 'expired_url' },
        violations: ['response_url: expired_url'],
      };
    url.uses += 1;
    if (url.uses > RESPONSE_URL_USES)
      return {
        status: 404,
        body: { ok: false, error: 'used_url' },
        violations: ['response_url: used_url (more than 5 answers)'],
      };
    const type = params.response_type;
    if (type !== undefined && type !== 'in_channel' && type !== 'ephemeral')
      return refusal('response_url', 'invalid_arguments', ['response_type must be in_channel or ephemeral']);
    const verdict = judgeMessage(params);
    if (verdict.error) return refusal('response_url', verdict.error, verdict.errors);
    return { ...ok({}), verdict, violations: named('response_url', verdict.violations) };
  }

  private channelExists(channel: string): boolean {
    if (CHANNEL.test(channel) || USER.test(channel)) return true;
    return [...this.dms.values()].includes(channel);
  }
}
