/** 1-based rank of the first acceptable card in the ranked list, or 0 when none is there. */
export function firstRank(ranked: readonly string[], acceptable: readonly string[]): number {
  const i = ranked.findIndex((id) => acceptable.includes(id));
  return i < 0 ? 0 : i + 1;
}

export const hitAt = (rank: number, k: number) => rank > 0 && rank <= k;
export const reciprocalRank = (rank: number, cutoff = 10) => (rank > 0 && rank <= cutoff ? 1 / rank : 0);
