/** Types for scripts/commit-subjects.mjs, for its test. */
export const MAX_SUBJECT_LENGTH: number;
export function longSubjects(repo: string, since: string, allowed?: string[]): { commit: string; subject: string }[] | null;
