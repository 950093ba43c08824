// Shapes of the API's answers, taken from the server's own types (type-only imports: no server code is bundled).
import type { AuditEntry } from '../../../server/src/admin/audit-log';
import type { ClerkReplies } from '../../../server/src/admin/clerk-replies';
import type { HandoverSummary, TranscriptLine } from '../../../server/src/admin/handover-store';
import type { InsightStore } from '../../../server/src/admin/insight-store';
import type { LocalActor, LocalInfo } from '../../../server/src/admin/local-info';
import type { QuestionGroup } from '../../../server/src/admin/question-groups';
import type { ClerkReply } from '../../../server/src/admin/reply-bus';
import type { User } from '../../../server/src/admin/user-store';

export type { AuditEntry, ClerkReplies, HandoverSummary, LocalActor, QuestionGroup, TranscriptLine, User };
export type CannedReply = ClerkReplies['replies'][number];
export type Placeholder = CannedReply['placeholders'][number];

export interface SessionResponse { user: User; csrfToken: string }
export interface HandoverList { handovers: HandoverSummary[] }
export interface HandoverDetail { handover: HandoverSummary; transcript: TranscriptLine[] }
export interface ReplyResponse { reply: ClerkReply }
export interface ActorList { tenant: string; actors: LocalActor[] }
export type Settings = ReturnType<LocalInfo['settings']> & { tenant: string };
export type Stats = Awaited<ReturnType<InsightStore['stats']>>;
export type FeedbackItem = Awaited<ReturnType<InsightStore['feedback']>>[number];
export interface ImportResult {
  dryRun: boolean; created: string[]; updated: string[]; removed: string[];
  problems: { where: string; reason: string }[]; unknownColumns: string[];
}

// The knowledge's allowed values (server/src/knowledge/schemas.ts), repeated here because the bundle takes no server code.
export const TOPICS = ['registration', 'civic-integration', 'language-courses', 'housing', 'health', 'employment', 'welfare', 'education', 'social-participation', 'legal-help', 'emergency', 'other'] as const;
export const ACTOR_TYPES = ['public-service', 'town-hall', 'welfare-centre', 'integration-agency', 'language-school', 'employment-service', 'health-insurance', 'health-service', 'housing', 'legal', 'education', 'ngo', 'platform', 'programme', 'other'] as const;
export const ACTOR_ROLES = ['population-service', 'welfare-centre', 'integration-office', 'language-course-intake', 'job-service', 'legal-aid', 'housing-help', 'school-enrolment', 'childcare', 'health-insurance', 'mental-health', 'diploma-recognition', 'welcome-point'] as const;
export const REGIONS = ['flanders', 'brussels', 'wallonia', 'german-speaking'] as const;
export const PROVINCES = ['antwerp', 'limburg', 'east-flanders', 'west-flanders', 'flemish-brabant', 'walloon-brabant', 'hainaut', 'liege', 'luxembourg', 'namur'] as const;
export const LANGUAGES = ['en', 'nl', 'fr', 'de', 'ar', 'tr', 'uk', 'ru', 'es', 'fa', 'ps', 'ti', 'so', 'ro', 'pl'] as const;
export const RTL = new Set(['ar', 'fa', 'ps']);
