import type { PlainError } from '../wechat';
import { t } from './i18n';

/** The words a person reads for an error; picked by `name` (docs/architecture.md). */
export function errorWords(error: PlainError): string {
  switch (error.name) {
    case 'Network':
      return t('errorNetwork');
    case 'Timeout':
      return t('errorTimeout');
    case 'Malformed':
      return t('errorMalformed');
    case 'TooLarge':
      return t('errorTooLarge');
    case 'RateLimited':
      return t('errorRateLimited');
    case 'Rejected':
      return t('errorRejected', String(error.code ?? '?'));
    case 'SessionEnded':
      return sessionEndedWords(error.code);
    case 'LoginBlocked':
      return error.serverMessage || t('blockedTitle');
    default:
      return t('errorUnknown');
  }
}

/** Why the server ended the session (docs/protocol.md §20); also said by a notice. */
export function sessionEndedWords(code: number | undefined): string {
  if (code === 1100) return t('sessionEnded1100');
  if (code === 1102) return t('sessionEnded1102');
  return t('sessionEnded1101');
}
