import { z } from 'zod';

/** Identifiers that end up in remote argument vectors: letters, digits, `_ . -`, no leading dash. */
export const identifier = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/,
    'letters, digits, "_", "." and "-" only, not starting with "-"',
  );

/** Absolute paths without shell metacharacters, `..` segments or whitespace. */
export const safeAbsolutePath = z
  .string()
  .regex(/^\/[A-Za-z0-9_.\-/]*$/, 'an absolute path made of letters, digits, "_", ".", "-" and "/"')
  .refine((p) => !p.split('/').includes('..'), 'must not contain ".."');

/** Like safeAbsolutePath, with `*` and `?` allowed in the last segment (log globs). */
export const safeGlob = z
  .string()
  .regex(/^\/[A-Za-z0-9_.\-/]*[A-Za-z0-9_.\-*?]*$/, 'an absolute path whose last part may use * and ?')
  .refine((p) => !p.split('/').includes('..'), 'must not contain ".."')
  .refine((p) => !p.slice(0, p.lastIndexOf('/')).match(/[*?]/), 'wildcards only in the file name');
