/**
 * Why a remote command failed, as it said it: the first line of its stderr (already scrubbed of
 * secrets, the server's own words) that `skip` does not reject, at most 200 characters; `—` when
 * it said nothing.
 */
export function stderrReason(stderr: string, skip: (line: string) => boolean = () => false): string {
  const line = stderr
    .split('\n')
    .map((candidate) => candidate.trim())
    .find((candidate) => candidate !== '' && !skip(candidate));
  return line?.slice(0, 200) ?? '—';
}
