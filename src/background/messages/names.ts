import type { GroupMember, LoginTokens } from '../../wechat';
import type { ChatClient } from '../ports';

/** A group's member list is asked for again at most this often when a sender is missing. */
const REFETCH_MS = 60_000;

/**
 * Names of group senders (docs/protocol.md §19: the `@member:` prefix names a member by user
 * name; the group's MemberList, from webwxbatchgetcontact §11, gives the display name).
 * This is the seam the address book can serve later: `displayNameOf(group, member)`.
 */
export function createSenderNames(deps: {
  client: Pick<ChatClient, 'groupMembers'>;
  now: () => number;
}) {
  const groups = new Map<string, { names: Map<string, string>; fetchedAt: number }>();

  async function load(tokens: LoginTokens, group: string): Promise<Map<string, string>> {
    const members: GroupMember[] = await deps.client
      .groupMembers(tokens, group)
      .catch((error: unknown) => {
        console.warn('[chat] group members:', error);
        return [];
      });
    const names = new Map(members.map((m) => [m.userName, m.displayName]));
    groups.set(group, { names, fetchedAt: deps.now() });
    return names;
  }

  return {
    /** The member's name in the group, or '' when WeChat does not say. */
    async displayNameOf(tokens: LoginTokens, group: string, member: string): Promise<string> {
      const known = groups.get(group);
      const name = known?.names.get(member);
      if (name !== undefined) return name;
      if (known && deps.now() - known.fetchedAt < REFETCH_MS) return '';
      return (await load(tokens, group)).get(member) ?? '';
    },
    forget(): void {
      groups.clear();
    },
  };
}

export type SenderNames = ReturnType<typeof createSenderNames>;
