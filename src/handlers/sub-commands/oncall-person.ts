/**
 * The Slack id a word names: a person picked in Slack reaches the handlers as `@U123` (Slack sends
 * `<@U123|jean>`, unescaped by src/slack/command-text.ts); the console types `U123`.
 */
export function personOf(word: string): string | undefined {
  return /^@?([UW][A-Z0-9]{2,20})$/.exec(word)?.[1];
}
