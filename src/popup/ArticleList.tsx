import type { Article, OfficialAccountFeed } from '../wechat';
import { formatDateTime, t } from '../ui/i18n';
import { webUrl } from '../ui/safe-url';

export function ArticleList({ feeds }: { feeds: readonly OfficialAccountFeed[] }) {
  if (feeds.length === 0) return <p class="empty">{t('noArticles')}</p>;
  const newestFirst = [...feeds].sort((a, b) => b.time - a.time);
  return (
    <div class="feeds">
      {newestFirst.map((feed) => (
        <section key={feed.userName} class="feed">
          <h2 class="feed-name">
            {feed.nickName}
            {feed.time > 0 && (
              <time dateTime={new Date(feed.time * 1000).toISOString()}>
                {formatDateTime(feed.time * 1000)}
              </time>
            )}
          </h2>
          <ul class="articles">
            {feed.articles.map((article, i) => (
              <ArticleItem key={`${article.url}#${i}`} article={article} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ArticleItem({ article }: { article: Article }) {
  // Defence in depth: the client already drops non-http(s) URLs; a link is made only here.
  const href = webUrl(article.url);
  return (
    <li class="article">
      {href ? (
        <a class="article-title" href={href} target="_blank" rel="noopener noreferrer">
          {article.title}
        </a>
      ) : (
        <span class="article-title">{article.title}</span>
      )}
      {article.digest && <p class="digest">{article.digest}</p>}
    </li>
  );
}
