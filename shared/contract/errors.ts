// The typed errors every transport returns: a call answers `{ data }` or `{ error }`, never a stack trace.
// `reason` is a closed, stable list of rejection codes (sync and the renderer depend on them), checked by the
// core in a documented order; messages are for people and may change.

export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Stable rejection reasons. Append only; never renumber or reuse. */
export const rejectionReasons = [
  'invalid_input',
  'not_initialised',
  'already_initialised',
  'invalid_credentials',
  'account_locked',
  'account_disabled',
  'session_expired',
  'session_stage',
  'totp_invalid',
  'totp_not_enrolling',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'password_reused',
  'password_contains_username',
  'permission_denied',
  'username_taken',
  'user_not_found',
  'cannot_demote_last_admin',
  'unknown_method',
  'internal',
  'customer_not_found',
  'duplicate_id',
  'duplicate_registration',
  'likely_duplicate',
  'under_age',
  'date_in_future',
  'invalid_phone',
  'four_eyes',
  'kyc_documents_missing',
  'id_expired',
  'document_not_found',
  'document_too_large',
  'document_type_not_allowed',
  'document_type_mismatch',
  'relationship_exists',
  'relationship_not_found',
  'referral_not_earned',
  'not_an_individual',
  'shares_exceed_100',
  'session_idle',
  'loan_not_found',
  'product_not_found',
  'product_inactive',
  'product_code_taken',
  'invalid_terms',
  'outside_product_limits',
  'loan_wrong_state',
  'not_eligible',
  'approval_limit',
  'already_disbursed',
  'transaction_not_found',
  'already_reversed',
  'backdating_not_allowed',
  'guarantor_is_borrower',
  'till_not_open',
  'till_insufficient_cash',
  'till_not_found',
  'till_wrong_state',
  'till_already_open',
  'vault_insufficient_cash',
  'eod_date_invalid',
  'eod_already_run',
  'account_not_found',
  'account_not_postable',
  'account_in_use',
  'journal_unbalanced',
  'journal_not_found',
  'journal_already_decided',
  'period_closed',
  'period_not_closable',
  'period_not_closed',
  'provisioning_already_posted',
  'journal_not_reversible',
  'journal_already_reversed',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export interface FieldIssue {
  /** Dotted path of the failing field, e.g. `adminPassword` or `terms.principal`. */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  reason?: RejectionReason;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { data: T; error?: undefined } | { error: ApiError; data?: undefined };

/** A failure raised inside the core; the router turns it into an `ApiError`. */
export class LmsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: RejectionReason,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'LmsError';
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/** A validation failure on one field. */
export function fieldError(
  path: string,
  message: string,
  reason: RejectionReason = 'invalid_input',
): LmsError {
  return new LmsError('VALIDATION', message, reason, [{ path, message }]);
}
