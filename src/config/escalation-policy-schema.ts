import { z } from 'zod';

/** N1/N2/N3 escalation policy and on-call (issue 6). Placeholder: the escalation owner fills it. */
export const escalationPolicySchema = z.strictObject({}).prefault({});
