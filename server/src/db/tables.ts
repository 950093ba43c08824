import type { Generated } from 'kysely';

// Every table the stores use, as Kysely sees them, on SQLite and PostgreSQL (issue 14): the clerk's side
// (issue 12) and the conversation tables (conversations, messages, feedback, handovers), all made by the
// migrations (migrations.ts); older SQLite files got the conversation tables from conversation-store.ts.

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  role: 'clerk' | 'maintainer';
  created_at: string;
  disabled: number;
}

export interface UserTenantsTable {
  user_id: number;
  tenant: string;
}

export interface SessionsTable {
  /** sha256 of the session id: a stolen database does not hand out live sessions. */
  id: string;
  data: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: string;
  tenant: string;
  secret_hash: string;
  label: string | null;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
}

export interface HandoverRepliesTable {
  id: Generated<number>;
  handover_id: number;
  conversation_id: string;
  author_id: number | null;
  text: string;
  language: string;
  canned_id: string | null;
  created_at: string;
}

export interface HandoverStateTable {
  handover_id: number;
  assignee_id: number | null;
  assigned_at: string | null;
  first_reply_at: string | null;
  closed_at: string | null;
  closed_by: number | null;
}

export interface QuestionMarksTable {
  message_id: number;
  tenant: string;
  handled_by: number | null;
  handled_at: string;
}

export interface ActorEditsTable {
  id: string;
  tenant: string;
  /** The whole actor as JSON (validated with the same zod schema as the YAML), or null when deleted. */
  data: string | null;
  deleted: number;
  verified_at: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface TenantSettingsTable {
  tenant: string;
  welcome: string | null;
  allowed_origins: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  user_id: number | null;
  tenant: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  created_at: string;
}

export interface ConversationsTable {
  id: string;
  tenant: string;
  language: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: string;
  role: 'user' | 'assistant';
  text: string;
  language: string | null;
  topic: string | null;
  card_id: string | null;
  sources: string | null;
  actors: string | null;
  confidence: number | null;
  answered: number | null;
  mode: string | null;
  query: string | null;
  place: string | null;
  client_id: string | null;
  created_at: string;
}

export interface FeedbackTable {
  id: Generated<number>;
  conversation_id: string;
  message_id: number;
  helpful: number;
  comment: string | null;
  created_at: string;
}

export interface HandoversTable {
  id: Generated<number>;
  conversation_id: string;
  tenant: string;
  language: string | null;
  contact: string | null;
  note: string | null;
  status: string;
  created_at: string;
}

export interface Tables {
  users: UsersTable;
  user_tenants: UserTenantsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  handover_replies: HandoverRepliesTable;
  handover_state: HandoverStateTable;
  question_marks: QuestionMarksTable;
  actor_edits: ActorEditsTable;
  tenant_settings: TenantSettingsTable;
  audit_log: AuditTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  feedback: FeedbackTable;
  handovers: HandoversTable;
}
