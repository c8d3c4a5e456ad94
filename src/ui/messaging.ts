import { browser } from './ext';
import type { MessageName, Reply, Request, Response } from '../shared/messages';

/** The pages' only way to the background: typed runtime messages (shared/messages.ts). */
export async function send<N extends MessageName>(
  name: N,
  request: Request<N>,
): Promise<Response<N>> {
  // The translation the page shows names WeChat's lang for itself (_locales: wechatLang).
  const locale = browser.i18n.getMessage('wechatLang');
  const reply = (await browser.runtime.sendMessage({ name, request, locale })) as
    Reply<N> | undefined;
  if (!reply) throw new Error(`${name}: the background did not answer`);
  if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
  return reply.response;
}
