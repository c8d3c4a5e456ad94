import type { MessageName } from '../shared/messages';

/** What a view may ask of the background; App sends it and shows the state it answers with. */
export type Command = (
  name: Extract<MessageName, 'newQr' | 'retry' | 'clearSession' | 'pushLogin' | 'markSeen'>,
) => void;
