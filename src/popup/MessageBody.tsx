import type { ChatBody } from '../shared/chat';
import { ATTACHMENT_WORDS } from '../shared/attachment-words';
import { formatNumber, t } from '../ui/i18n';

/** http(s) URLs inside a text; anything else stays text. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'“”]+/giu;

/** Only an absolute http(s) URL becomes a link (the library already dropped other schemes). */
function httpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens in a new tab and gives that tab no way back to this page. */
function Link({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** Text with its http(s) URLs as links; never parsed as HTML (Preact sets text nodes). */
function Linked({ text }: { text: string }) {
  const parts: (string | { url: string; text: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = httpUrl(match[0]);
    if (!url) continue;
    parts.push(text.slice(last, match.index), { url, text: match[0] });
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((part) =>
        typeof part === 'string' ? part : <Link href={part.url}>{part.text}</Link>,
      )}
    </>
  );
}

function sizeWords(bytes: number): string {
  if (bytes <= 0) return '';
  if (bytes < 1024 * 1024) return t('sizeKiB', formatNumber(Math.max(1, Math.round(bytes / 1024))));
  return t('sizeMiB', formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10));
}

/** What a kept message says, as text: a label for anything that is not text. */
export function MessageBody({ body }: { body: ChatBody }) {
  switch (body.type) {
    case 'text':
      return (
        <p class="msg-text">
          <Linked text={body.text} />
        </p>
      );
    case 'system':
      return <p class="msg-system">{body.text}</p>;
    case 'attachment': {
      if (body.carries === 'unknown') return <p class="msg-label">{t('msgUnsupported')}</p>;
      const url = body.url ? httpUrl(body.url) : null;
      const size = sizeWords(body.size);
      return (
        <p class="msg-label">
          <span>{t(ATTACHMENT_WORDS[body.carries])}</span>
          {body.title && ' '}
          {body.title && (url ? <Link href={url}>{body.title}</Link> : body.title)}
          {!body.title && url && ' '}
          {!body.title && url && <Link href={url}>{url}</Link>}
          {size && <span class="msg-size"> ({size})</span>}
        </p>
      );
    }
  }
}
