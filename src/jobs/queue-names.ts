/** The BullMQ queues of one bot, all under one namespace (`SAMAOPS_QUEUE_NAMESPACE`). */
export interface QueueNames {
  /** Escalation timers (delayed jobs with deterministic ids). */
  timers: string;
  /** Messages to Slack; also prefixes the per-channel slots that incidents and reports share. */
  outbound: string;
  /** Pages by email, SMS and voice, and Slack's failover checks (issue 17). */
  pages: string;
  /** One job per received alert (the intake). */
  alerts: string;
  /** The watch's job scheduler and its runs. */
  watch: string;
  /** The report schedulers and their runs. */
  reports: string;
}

/** The queue names under `namespace` (default `samaops`): `<namespace>-escalation-timers` and so on. */
export function queueNames(namespace = 'samaops'): QueueNames {
  return {
    timers: `${namespace}-escalation-timers`,
    outbound: `${namespace}-slack-outbound`,
    pages: `${namespace}-pages`,
    alerts: `${namespace}-alerts`,
    watch: `${namespace}-watch`,
    reports: `${namespace}-reports`,
  };
}
