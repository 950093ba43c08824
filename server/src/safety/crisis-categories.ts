// The kinds of danger the crisis step recognises (issue 8), in the order an answer leads with them when a
// message mentions several: a body in danger first, then violence, then suicide, and the doctor on duty
// only when nothing worse is going on.
export const CRISIS_CATEGORIES = [
  'medical', 'poisoning', 'fire', 'violence', 'sexual-violence', 'child-danger', 'suicide', 'urgent-doctor',
] as const;

export type CrisisCategory = (typeof CRISIS_CATEGORIES)[number];

export function isCrisisCategory(value: unknown): value is CrisisCategory {
  return typeof value === 'string' && (CRISIS_CATEGORIES as readonly string[]).includes(value);
}
