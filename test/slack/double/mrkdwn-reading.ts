/**
 * A mrkdwn text read the way Slack reads it (https://docs.slack.dev/messaging/formatting-message-text/):
 * `&`, `<` and `>` are control characters; `<@U…>` is a mention that notifies the person, `<#C…>` a
 * channel link, `<!here>`, `<!channel>`, `<!everyone>` and `<!subteam^…>` notify many people,
 * `<https://…|label>` is a link; `&lt;@U…&gt;` is text showing `<@U…>`.
 */

/** What a text does once Slack shows it. */
export interface MrkdwnReading {
  /** Users notified by a live mention (`<@U…>`). */
  mentions: string[];
  /** Live channel links (`<#C…>`). */
  channels: string[];
  /** Special mentions that notify a whole channel or group: `here`, `channel`, `everyone`, `subteam^S…`. */
  specials: string[];
  /** Live links (`<https://…>`, `<mailto:…>`). */
  links: string[];
  /** Mentions written as text (`&lt;@U…&gt;`): shown, notifying nobody. */
  inertMentions: string[];
  /** Characters Slack wants escaped that are not (a stray `<`, `>` or `&`), and unknown `<…>` sequences. */
  problems: string[];
}

const SEQUENCE = /<([^<>]*)>/g;
const USER = /^@([UW][A-Z0-9]{2,30})(?:\|[^|]*)?$/;
const CHANNEL = /^#([CGD][A-Z0-9]{2,30})(?:\|[^|]*)?$/;
const SPECIAL = /^!(here|channel|everyone|group|subteam\^[A-Z0-9]+)(?:\|[^|]*)?$/;
const DATE = /^!date\^\d+\^[^|]*(?:\^[^|]*)?\|[^|]*$/;
const LINK = /^(?:https?:\/\/|mailto:)[^\s|]+(?:\|[^|]*)?$/;
const INERT_MENTION = /&lt;@([UW][A-Z0-9]{2,30})(?:\|[^&]*)?&gt;/g;
const STRAY = /[<>]|&(?!(?:amp|lt|gt);)/g;

/** Reads `text` as Slack's mrkdwn parser does. */
export function readMrkdwn(text: string): MrkdwnReading {
  const reading: MrkdwnReading = {
    mentions: [],
    channels: [],
    specials: [],
    links: [],
    inertMentions: [],
    problems: [],
  };
  const rest = text.replace(SEQUENCE, (whole, inner: string) => {
    const user = USER.exec(inner);
    const channel = CHANNEL.exec(inner);
    const special = SPECIAL.exec(inner);
    if (user?.[1]) reading.mentions.push(user[1]);
    else if (channel?.[1]) reading.channels.push(channel[1]);
    else if (special?.[1]) reading.specials.push(special[1]);
    else if (LINK.test(inner)) reading.links.push(inner.split('|')[0] ?? inner);
    else if (!DATE.test(inner)) reading.problems.push(`unknown control sequence ${whole.slice(0, 40)}`);
    return ' ';
  });
  for (const match of rest.matchAll(INERT_MENTION)) if (match[1]) reading.inertMentions.push(match[1]);
  for (const match of rest.matchAll(STRAY))
    reading.problems.push(`unescaped "${match[0]}" at ${match.index}: Slack wants &amp; &lt; &gt;`);
  return reading;
}

/** Several readings as one. */
export function mergeReadings(readings: readonly MrkdwnReading[]): MrkdwnReading {
  const keys = ['mentions', 'channels', 'specials', 'links', 'inertMentions', 'problems'] as const;
  return Object.fromEntries(
    keys.map((key) => [key, readings.flatMap((reading) => reading[key])]),
  ) as unknown as MrkdwnReading;
}
