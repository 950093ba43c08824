import fp from 'fastify-plugin';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { loadKnowledgeStrict } from '../knowledge/load-knowledge';
import { createTenantRegistry, uninflectedWords, type TenantRegistry } from '../tenants/tenant-registry';

declare module 'fastify' {
  interface FastifyInstance {
    knowledge: KnowledgeBase;
    tenants: TenantRegistry;
  }
}

/** Loads and validates the knowledge at boot: a bad file stops the start with its name and field. */
export default fp<{ dir: string; knowledge?: KnowledgeBase }>(
  async (app, opts) => {
    const knowledge = opts.knowledge ?? loadKnowledgeStrict(opts.dir);
    app.decorate('knowledge', knowledge);
    app.decorate('tenants', createTenantRegistry(knowledge.tenants, uninflectedWords(knowledge)));
    app.log.info({ cards: knowledge.cards.length, actors: knowledge.actors.length, tenants: knowledge.tenants.length }, 'knowledge loaded');
  },
  { name: 'knowledge' },
);
