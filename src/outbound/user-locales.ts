import type { webApi } from '@slack/bolt';
import type { Locale } from '../i18n/define-messages.js';
import type { Logger } from '../logging/logger.js';

/** The language of answers to one person: their Slack language when it is fr or en. */
export interface UserLocales {
  /** Never rejects: any trouble (no users:read scope, unknown user, Slack down) gives the fallback. */
  localeOf(userId: string): Promise<Locale>;
}

/** Options of the users.info lookup. */
export interface UserLocalesOptions {
  /** The language when Slack's is neither fr nor en, or unknown: the inventory's. */
  fallback: Locale;
  logger: Logger;
  /** How long a person's language is kept, ms. Default 1 h: a change in Slack shows within the hour. */
  ttlMs?: number;
  /** How long users.info may take before the fallback answers, ms. Default 2000: a reply must not wait on it. */
  timeoutMs?: number;
  /** Clock, ms. Default Date.now. */
  now?: () => number;
}

/** People kept at most: far above a team's size; the cache starts over beyond it. */
const MAX_PEOPLE = 1000;

/** `fr-FR`, `fr-CA` → fr; `en-US`, `en-GB` → en; anything else → undefined. */
export function localeOfSlack(slackLocale: unknown): Locale | undefined {
  if (typeof slackLocale !== 'string') return undefined;
  const language = slackLocale.toLowerCase().split(/[-_]/)[0];
  return language === 'fr' || language === 'en' ? language : undefined;
}

/**
 * Each person's Slack language from `users.info` with `include_locale=true` (scope users:read),
 * kept for `ttlMs`. The fallback answers when Slack answers an error (missing_scope,
 * user_not_found: kept as long) or a language that is neither fr nor en, and when it does not
 * answer in time (not kept: the next reply asks again).
 */
export function slackUserLocales(
  clientOf: () => webApi.WebClient | undefined,
  options: UserLocalesOptions,
): UserLocales {
  const { fallback, logger } = options;
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 3_600_000;
  const known = new Map<string, { locale: Locale; until: number }>();
  const asking = new Map<string, Promise<{ locale: Locale; kept: boolean }>>();
  const warned = new Set<string>();

  // `kept`: Slack answered (a language, or an error such as missing_scope that asking again would
  // repeat); a timeout or a network failure is not kept, so the next reply asks again.
  const ask = async (userId: string): Promise<{ locale: Locale; kept: boolean }> => {
    const client = clientOf();
    if (!client) return { locale: fallback, kept: false };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('users.info: no answer in time')), options.timeoutMs ?? 2000);
    });
    try {
      const answer = await Promise.race([client.users.info({ user: userId, include_locale: true }), late]);
      return { locale: localeOfSlack(answer.user?.locale) ?? fallback, kept: true };
    } catch (error) {
      const code = (error as { data?: { error?: unknown } }).data?.error;
      const reason = typeof code === 'string' ? code : (error as Error).message;
      // Once per reason: a missing scope would otherwise warn at every command.
      if (!warned.has(reason))
        logger.warn({ reason }, 'users.info failed: answers use the inventory’s language');
      warned.add(reason);
      return { locale: fallback, kept: typeof code === 'string' };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async localeOf(userId) {
      const kept = known.get(userId);
      if (kept && kept.until > now()) return kept.locale;
      const pending = asking.get(userId) ?? ask(userId);
      asking.set(userId, pending);
      try {
        const { locale, kept: keep } = await pending;
        if (known.size >= MAX_PEOPLE) known.clear();
        if (keep) known.set(userId, { locale, until: now() + ttlMs });
        return locale;
      } finally {
        asking.delete(userId);
      }
    },
  };
}
