import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { Spinner } from '../ui/Spinner';

/** How long a wait may look ordinary before the view says WeChat is slow. */
const SLOW_AFTER_MS = 3_000;

/**
 * A moment of waiting (connecting, starting, signing in): the sentence is the view's heading.
 * A wait that lasts says so, so a person does not take a slow WeChat for a broken popup.
 */
export function StatusView({ text }: { text: string }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <section class="center status">
      <Spinner />
      <h1 class="status-text">{text}</h1>
      {slow && <p class="status-slow">{t('slowToAnswer')}</p>}
    </section>
  );
}
