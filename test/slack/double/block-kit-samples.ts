/** Block Kit pieces for the double's own tests. */
export const text = (value: string) => ({ type: 'mrkdwn', text: value });
export const plain = (value: string) => ({ type: 'plain_text', text: value });
export const button = (actionId: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: actionId,
  text: plain('Go'),
  value: 'v',
  ...extra,
});
