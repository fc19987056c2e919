// How a mutation fails while keeping what it wrote: a failed sign-in must still record the attempt, count
// towards the lockout and be audited. A handler returns `commitThenFail(error)`; the router commits the
// transaction, then answers with the error. A thrown error rolls everything back.
import { LmsError } from '../../shared/contract';

export class CommitThenFail {
  constructor(readonly error: LmsError) {}
}

export function commitThenFail(error: LmsError): CommitThenFail {
  return new CommitThenFail(error);
}
