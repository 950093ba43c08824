import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import { parseFrontmatter } from '../knowledge/parse-frontmatter';

export interface PromptTemplate {
  name: string;
  placeholders: string[];
  template: string;
  render(values: Record<string, string>): string;
}

export type Prompts = Record<string, PromptTemplate>;

/** Loads prompts/*.md and checks each declared placeholder appears, so a broken prompt fails at boot. */
export function loadPrompts(dir: string): Prompts {
  const prompts: Prompts = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const name = path.basename(file, '.md');
    const { data, body } = parseFrontmatter(fs.readFileSync(path.join(dir, file), 'utf8'));
    const declared = ((data as { placeholders?: string[] }).placeholders ?? []).map(String);
    const used = [...new Set([...body.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
    const missing = declared.filter((p) => !used.includes(p));
    const undeclared = used.filter((p) => !declared.includes(p));
    if (missing.length || undeclared.length) {
      throw new Error(`Prompt ${file}: ${missing.length ? `declared but unused: ${missing.join(', ')}` : ''}${undeclared.length ? ` used but undeclared: ${undeclared.join(', ')}` : ''}`.trim());
    }
    prompts[name] = {
      name, placeholders: declared, template: body,
      render: (values) =>
        body.replace(/\{(\w+)\}/g, (_, key: string) => {
          if (!(key in values)) throw new Error(`Prompt ${name}: no value for {${key}}`);
          return values[key];
        }),
    };
  }
  return prompts;
}

declare module 'fastify' {
  interface FastifyInstance {
    prompts: Prompts;
  }
}

export default fp<{ dir: string; required: string[] }>(
  async (app, opts) => {
    const prompts = loadPrompts(opts.dir);
    for (const name of opts.required) if (!prompts[name]) throw new Error(`Prompt "${name}" is missing in ${opts.dir}`);
    app.decorate('prompts', prompts);
  },
  { name: 'prompts' },
);
