import type { ActorRef, CrisisCallRef, SourceRef } from '../../server/src/chat/protocol';

// Conversation persistence. Nothing is read or written before the user opens the chat; then
// sessionStorage (survives navigation within the site, gone with the tab), or localStorage when
// the user ticks "remember me". No cookies, ever.

export interface SavedMessage {
  id: string;
  role: 'user' | 'assistant' | 'notice' | 'clerk';
  text: string;
  lang: string;
  /** A question not answered yet: asked again after a reload. */
  pending?: boolean;
  messageId?: number;
  sources?: SourceRef[];
  actors?: ActorRef[];
  /** The rest of the card, behind "Show all steps". */
  details?: string;
  /** A crisis answer's numbers, shown as call buttons above the text. */
  crisis?: { category: string; calls: CrisisCallRef[] };
  helpful?: boolean;
}

export interface SavedConversation {
  v: 1;
  conversationId: string;
  language: string;
  messages: SavedMessage[];
  /** The conversation's secret from its first answer (issue 12): needed to continue it and read replies. */
  token?: string;
  /** The last clerk reply shown, so that only newer ones are fetched. */
  lastReplyId?: number;
}

const MAX_MESSAGES = 60;

function area(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // blocked (sandboxed iframe, privacy settings)
  }
}

export class ConversationStore {
  constructor(private readonly key: string) {}

  load(): { saved: SavedConversation; remember: boolean } | null {
    for (const kind of ['local', 'session'] as const) {
      try {
        const raw = area(kind)?.getItem(this.key);
        if (!raw) continue;
        const saved = JSON.parse(raw) as SavedConversation;
        if (saved?.v === 1 && typeof saved.conversationId === 'string' && Array.isArray(saved.messages)) {
          return { saved, remember: kind === 'local' };
        }
      } catch {
        /* unreadable: start afresh */
      }
    }
    return null;
  }

  save(saved: SavedConversation, remember: boolean): void {
    const trimmed = { ...saved, messages: saved.messages.slice(-MAX_MESSAGES) };
    try {
      area(remember ? 'local' : 'session')?.setItem(this.key, JSON.stringify(trimmed));
      area(remember ? 'session' : 'local')?.removeItem(this.key);
    } catch {
      /* quota or blocked: the conversation simply does not persist */
    }
  }

  clear(): void {
    try {
      area('local')?.removeItem(this.key);
      area('session')?.removeItem(this.key);
    } catch {
      /* ignore */
    }
  }
}
