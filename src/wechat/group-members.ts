import { baseRequest, mmUrl, postJson, requestContext, type ClientContext } from './context';
import {
  checkBaseResponse,
  isObject,
  optArray,
  optString,
  parseJsonObject,
  type JsonObject,
} from './json-read';
import type { RequestContext } from './errors';
import { cleanText } from './text';
import type { GroupMember, LoginTokens } from './types';

/**
 * §11 webwxbatchgetcontact for one group: its MemberList, so a group message's
 * `@member:` prefix (§19) can be shown as a name. §19: a member's group card (DisplayName)
 * wins over NickName. Members without a UserName are skipped.
 */
export async function groupMembers(
  c: ClientContext,
  tokens: LoginTokens,
  group: string,
): Promise<GroupMember[]> {
  const query = `type=ex&r=${c.now()}&lang=${c.lang}&pass_ticket=${tokens.passTicket}`;
  const url = mmUrl(tokens.hosts.main, 'webwxbatchgetcontact', query);
  const ctx = requestContext('webwxbatchgetcontact', url);
  const text = await postJson(c, ctx.operation, url, {
    BaseRequest: baseRequest(c, tokens),
    Count: 1,
    List: [{ UserName: group, EncryChatRoomId: '' }],
  });
  return parseGroupMembers(text, ctx, group);
}

/** The webwxbatchgetcontact reply (§11) -> the named group's members; [] when it is absent. */
export function parseGroupMembers(text: string, ctx: RequestContext, group: string): GroupMember[] {
  const root = parseJsonObject(text, ctx);
  checkBaseResponse(root, ctx);
  const entry = optArray(root, 'ContactList').find(
    (item): item is JsonObject => isObject(item) && item.UserName === group,
  );
  return entry ? membersOf(optArray(entry, 'MemberList')) : [];
}

function membersOf(list: readonly unknown[]): GroupMember[] {
  const out: GroupMember[] = [];
  for (const raw of list) {
    if (!isObject(raw)) continue;
    const userName = optString(raw, 'UserName');
    if (userName === '') continue;
    const displayName = cleanText(optString(raw, 'DisplayName') || optString(raw, 'NickName'));
    out.push({ userName, displayName });
  }
  return out;
}
