import YAML from 'yaml';

export interface Frontmatter {
  data: unknown;
  body: string;
}

/** Splits `---\nyaml\n---\nbody`. Throws with a readable reason; callers add the file name. */
export function parseFrontmatter(text: string): Frontmatter {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n([\s\S]*))?$/.exec(normalized);
  if (!match) throw new Error('missing YAML frontmatter (the file must start with ---)');
  let data: unknown;
  try {
    data = YAML.parse(match[1]);
  } catch (error) {
    throw new Error(`frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return { data: data ?? {}, body: (match[2] ?? '').trim() };
}

export interface CardBody {
  summary: string;
  steps: string[];
  closing: string[];
}

/**
 * The composer relies on the body's shape (knowledge/README.md): a direct answer first,
 * then `- ` steps, then short closing paragraphs.
 */
export function parseCardBody(body: string): CardBody {
  const lines = body.split('\n');
  const summary: string[] = [];
  const steps: string[] = [];
  const closing: string[] = [];
  let paragraph: string[] = [];
  let seenList = false;
  const flush = () => {
    if (paragraph.length) (seenList ? closing : summary).push(paragraph.join(' ').trim());
    paragraph = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      flush();
      seenList = true;
      steps.push(bullet[1].trim());
    } else if (!line) {
      flush();
    } else if (/^\s{2,}\S/.test(raw) && steps.length && !paragraph.length) {
      steps[steps.length - 1] += ` ${line}`; // continuation of a wrapped bullet
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return { summary: summary.join('\n\n'), steps, closing };
}
