/**
 * The answer text repeats the organisations as a "**Who can help:**" list for plain API clients; the widget
 * shows them as cards instead, so that block (a bold heading followed only by bullets naming the actors)
 * is left out of the bubble. The evals measure the first screen the same way. No imports: the widget
 * bundles this file.
 */
export function withoutActorList(text: string, actors: { name: string }[]): string {
  if (!actors.length) return text;
  const blocks = text.split(/\n\n/);
  const kept = blocks.filter((block) => {
    const [head, ...items] = block.split('\n');
    return !(/^\*\*[^*]+:\*\*$/.test(head.trim()) && items.length > 0 && items.every((l) => actors.some((a) => l.startsWith(`- **${a.name}**`))));
  });
  return kept.join('\n\n');
}
