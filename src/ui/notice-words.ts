import type { Notice } from '../shared/view';
import { sessionEndedWords } from './error-words';
import { t } from './i18n';

/** The sentence above the QR code that says why it is shown again (shared/view.ts Notice). */
export function noticeWords(notice: Notice): string {
  switch (notice.type) {
    case 'qrRenewed':
      return t('qrRenewed');
    case 'cancelledOnPhone':
      return t('cancelledOnPhone');
    case 'sessionCleared':
      return t('sessionCleared');
    case 'sessionEnded':
      return sessionEndedWords(notice.code);
    case 'pushFailed':
      return t('pushFailed');
    case 'signInInterrupted':
      return t('signInInterrupted');
  }
}
