import { z } from 'zod';

/** Approval rules of the guarded remediations (issue 5). Placeholder: the guard's owner fills it. */
export const remediationPolicySchema = z.strictObject({}).prefault({});
