/**
 * Why a sync run failed, in words a manager can act on: the engine's errors are technical
 * ("…/batches answered 401: …", "ECONNREFUSED"); the screens and the daily report show the
 * reason in the user's language (sync:reason.*), never the raw text.
 */
export const syncFailureReasons = [
  'unauthorized',
  'unreachable',
  'timeout',
  'serverError',
  'refused',
  'badAnswer',
  'folder',
  'noSecret',
  'unsignedAnswer',
  'clockSkew',
  'insecureUrl',
  'other',
] as const;
export type SyncFailureReason = (typeof syncFailureReasons)[number];

// First match wins: the answer-signature and clock rules come before the broad /signature/ and 401 rule.
const rules: [RegExp, SyncFailureReason][] = [
  [/answer is not signed|answer's signature does not match|reply is not sealed/i, 'unsignedAnswer'],
  [/more than 5 minutes from the hall clock|stale timestamp/i, 'clockSkew'],
  [/plain http off this computer/i, 'insecureUrl'],
  [/answered 40[13]\b|unauthori[sz]ed|forbidden|signature/i, 'unauthorized'],
  [/timed out|timeout/i, 'timeout'],
  [/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN|socket hang up|closed before the answer/i, 'unreachable'],
  [/answered 5\d\d\b/, 'serverError'],
  [/answered 4\d\d\b/, 'refused'],
  [/broken JSON|unknown shape|not an answer|not an updates file|for batch/i, 'badAnswer'],
  [/ENOENT|EACCES|EPERM|EROFS|ENOSPC/, 'folder'],
  [/no secret/i, 'noSecret'],
];

export function syncFailureReason(error: string | null): SyncFailureReason | null {
  if (error === null) return null;
  return rules.find(([pattern]) => pattern.test(error))?.[1] ?? 'other';
}
