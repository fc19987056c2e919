// A refused sign-in in the person's language: the stable `reason` picks the sentence; anything else shows the
// server's message. The lockout's end comes only inside the server's message (an ISO instant), so it is read
// from there and shown as a local time.
import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/contract';
import { formatInstant } from '../../format';

export function refusalMessage(error: ApiError, t: TFunction, language: string): string {
  switch (error.reason) {
    case 'invalid_credentials':
      return t('signIn.invalidCredentials');
    case 'account_disabled':
      return t('signIn.disabled');
    case 'account_locked': {
      const until = /\d{4}-\d{2}-\d{2}T[\d:.]+Z/.exec(error.message)?.[0];
      return until ? t('signIn.lockedUntil', { until: formatInstant(until, language) }) : t('signIn.locked');
    }
    default:
      return error.message;
  }
}
