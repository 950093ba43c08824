// Example files written by several people come one per writer: "fr.yaml" (the first), "fr-2.yaml", "fr-3.yaml"…
// (crisis/training/ and training/facets/). The number is the writer's batch: the crisis classifier chooses its
// thresholds on each batch as read by a model that never saw it.

/** "fr-2.yaml" → { language: "fr", batch: 2 }; "fr.yaml" → batch 1. */
export function writerFile(name: string): { language: string; batch: number } {
  const m = /^(.*?)(?:-(\d+))?\.yaml$/.exec(name);
  return { language: m?.[1] ?? name, batch: Number(m?.[2] ?? 1) };
}
