import { forbiddenKind, isGraphError } from '../../../graph/errors.ts';
import { NameConflictError, OutcomeUnknownError, type JobStatus } from './runner-types.ts';

/** What a pool card says the admin can do about a pool the last upload did not create. */
export type FailureAdvice = 'afterDelete' | 'maybeCreated' | 'temporary' | 'conflict' | 'forbidden' | 'refused';

/**
 * Sorts a failed job by what the admin can do: finish a replace whose old pool is gone, retry (a create that may
 * have gone through is looked up first), retry later (no answer, throttling, an outage), or change something
 * first (the service refused the request as sent: retrying the same thing fails the same way).
 */
export function failureAdvice(job: Pick<JobStatus, 'error' | 'createState' | 'oldPoolDeleted'>): FailureAdvice {
  if (job.oldPoolDeleted && job.createState !== 'created') return 'afterDelete';
  const e = job.error;
  if (e instanceof NameConflictError) return 'conflict';
  if (job.createState === 'inFlight' || e instanceof OutcomeUnknownError || (isGraphError(e) && e.ambiguous)) return 'maybeCreated';
  if (forbiddenKind(e)) return 'forbidden';
  if (isGraphError(e) && (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500)) return 'temporary';
  if (isGraphError(e)) return 'refused';
  return 'temporary';
}

/** One sentence per advice: what to do next, and why doing it cannot create the pool twice. */
export const FAILURE_ADVICE_TEXT: Record<FailureAdvice, string> = {
  afterDelete:
    'The pool being replaced is already deleted and this one is not created yet: keep these files and select Upload again to finish the replace.',
  maybeCreated:
    'Intune may have created it without answering. Select Upload again: the console first looks for the pool in Intune and creates it only if it is not there, so it is never created twice.',
  temporary:
    'Microsoft Graph did not answer or was busy. Select Upload again to retry; pools already created are not sent again.',
  conflict:
    'A pool with this name exists that this upload did not create. Check the pools list, rename this pool or the other one, then select Upload again; pools already created are not sent again.',
  forbidden: 'Your permissions do not allow creating pools: the notice at the top of the page says what is missing and who can grant it.',
  refused:
    'Intune refused the request as it was sent, so retrying it unchanged fails again: change what the reason says, then select Upload again; pools already created are not sent again.',
};
