import { z } from 'zod';
import type { Db } from '../db/database';
import { AppError, zodMessage } from '../errors';
import type { KnowledgeBase, Tenant, WelcomePoint } from '../knowledge/knowledge-types';
import { actorSchema, type Actor } from '../knowledge/schemas';

// A municipality's local information, edited in the console (issue 12). The knowledge YAML is the default;
// an edit made in the console is kept in the database and wins over the YAML for the same organisation id
// (a deletion hides the YAML one). Edits apply at once: the in-memory directory is changed in place and the
// actor index is rebuilt, so no restart is needed.

export const originSchema = z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be an origin like https://www.example.be');
export const tenantSettingsSchema = z.object({
  welcome: z.object({ actor: z.string() }).or(z.object({
    name: z.string().trim().min(1).max(200),
    website: z.url({ protocol: /^https?$/ }).nullish().transform((v) => v ?? null),
    phone: z.string().trim().regex(/^[+0-9 ()./-]{3,30}$/).nullish().transform((v) => v ?? null),
    email: z.email().nullish().transform((v) => v ?? null),
    address: z.string().trim().min(1).max(300).nullish().transform((v) => v ?? null),
  }).strict()).nullish(),
  allowedOrigins: z.array(originSchema).max(20).optional(),
}).strict();
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export interface LocalActor extends Actor {
  /** Where the current version comes from. */
  source: 'knowledge' | 'console';
}

const now = () => new Date().toISOString();

/**
 * `announce` tells the other instances (issue 14) that a municipality's edits changed, after they are committed;
 * each then calls `load()` again, which reads every edit from the shared database.
 */
export function createLocalInfo(db: Db, kb: KnowledgeBase, onActorsChanged: () => void, announce: (tenant: string) => Promise<void> = async () => {}) {
  const yamlActors = new Map(kb.actors.map((a) => [a.id, a]));
  const consoleIds = new Set<string>();
  const tenantsBySlug = new Map(kb.tenants.map((t) => [t.slug, t]));
  const originalTenants = new Map(kb.tenants.map((t) => [t.slug, { welcome: t.welcome, allowedOrigins: [...t.allowedOrigins] }]));

  /** Replaces (or removes) one actor in the shared array, keeping the array object itself. */
  function put(id: string, actor: Actor | null) {
    const i = kb.actors.findIndex((a) => a.id === id);
    if (actor && i >= 0) kb.actors[i] = actor;
    else if (actor) kb.actors.push(actor);
    else if (i >= 0) kb.actors.splice(i, 1);
  }

  function welcomeFrom(w: NonNullable<TenantSettings['welcome']>): WelcomePoint {
    if ('actor' in w) {
      const actor = kb.actors.find((a) => a.id === w.actor);
      if (!actor) throw new AppError('invalid_request', `welcome.actor: unknown organisation "${w.actor}"`);
      return { name: actor.name, actorId: actor.id, website: actor.website, phone: actor.phone, email: actor.email, address: actor.address };
    }
    return { actorId: null, name: w.name, website: w.website ?? null, phone: w.phone ?? null, email: w.email ?? null, address: w.address ?? null };
  }

  function applySettings(tenant: Tenant, s: { welcome: string | null; allowed_origins: string | null }) {
    const original = originalTenants.get(tenant.slug)!;
    try {
      tenant.welcome = s.welcome ? welcomeFrom(JSON.parse(s.welcome)) : original.welcome;
    } catch {
      tenant.welcome = null; // its organisation was deleted since (as deleteActor does in place)
    }
    tenant.allowedOrigins = s.allowed_origins ? JSON.parse(s.allowed_origins) : [...original.allowedOrigins];
  }

  /** An organisation a clerk of this municipality may own: local to it, in its region. */
  function checkLocal(actor: Actor, tenant: Tenant) {
    if (actor.municipalities.length !== 1 || actor.municipalities[0] !== tenant.slug) {
      throw new AppError('invalid_request', `municipalities: an organisation edited for ${tenant.slug} serves [${tenant.slug}] only`);
    }
    if (actor.region !== tenant.region) throw new AppError('invalid_request', `region: must be ${tenant.region}`);
  }

  function tenantOrThrow(slug: string): Tenant {
    const t = tenantsBySlug.get(slug);
    if (!t) throw new AppError('unknown_tenant');
    return t;
  }

  return {
    /**
     * Applies every console edit over the knowledge: at start, and again when another instance announces an
     * edit (edits are never removed from the table, so applying them all again is complete and idempotent).
     */
    async load(): Promise<void> {
      const edits = await db.selectFrom('actor_edits').selectAll().execute();
      for (const e of edits) {
        const actor = e.deleted || !e.data ? null : actorSchema.safeParse(JSON.parse(e.data));
        if (actor && !actor.success) continue; // an edit that no longer fits the schema leaves the YAML in place
        put(e.id, actor ? { ...actor.data, verified: e.verified_at?.slice(0, 10) ?? actor.data.verified } : null);
        consoleIds.add(e.id);
      }
      for (const s of await db.selectFrom('tenant_settings').selectAll().execute()) {
        const tenant = tenantsBySlug.get(s.tenant);
        if (tenant) applySettings(tenant, s);
      }
      if (edits.length) onActorsChanged();
    },

    /** The organisations local to a municipality, as they are shown today. */
    listActors(slug: string): LocalActor[] {
      return kb.actors.filter((a) => a.municipalities.includes(slug)).map((a) => ({ ...a, source: consoleIds.has(a.id) ? 'console' : 'knowledge' }));
    },

    getActor(slug: string, id: string): LocalActor | null {
      const a = kb.actors.find((x) => x.id === id && x.municipalities.includes(slug));
      return a ? { ...a, source: consoleIds.has(a.id) ? 'console' : 'knowledge' } : null;
    },

    /** Creates or replaces a local organisation; validated with the same schema as the YAML. */
    async saveActor(slug: string, input: unknown, userId: number | null, mode: 'create' | 'update'): Promise<LocalActor> {
      const tenant = tenantOrThrow(slug);
      const parsed = actorSchema.safeParse(input);
      if (!parsed.success) throw new AppError('invalid_request', zodMessage(parsed.error));
      const actor = parsed.data;
      checkLocal(actor, tenant);
      const existing = kb.actors.find((a) => a.id === actor.id);
      if (mode === 'create' && existing) throw new AppError('conflict', `An organisation with id "${actor.id}" exists already.`);
      if (mode === 'update' && (!existing || !existing.municipalities.includes(slug))) throw new AppError('not_found', 'No such organisation in this municipality.');
      const verified = new Date().toISOString();
      const saved = { ...actor, verified: verified.slice(0, 10) };
      await db.insertInto('actor_edits').values({ id: actor.id, tenant: slug, data: JSON.stringify(actor), deleted: 0, verified_at: verified, updated_by: userId, updated_at: now() })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data: JSON.stringify(actor), deleted: 0, verified_at: verified, updated_by: userId, updated_at: now(), tenant: slug }))
        .execute();
      consoleIds.add(actor.id);
      put(actor.id, saved);
      onActorsChanged();
      await announce(slug);
      return { ...saved, source: 'console' };
    },

    /** Marks a local organisation's details as checked today, without changing them. */
    async verifyActor(slug: string, id: string, userId: number | null): Promise<LocalActor> {
      const current = this.getActor(slug, id);
      if (!current) throw new AppError('not_found', 'No such organisation in this municipality.');
      const { source: _s, ...actor } = current;
      return this.saveActor(slug, actor, userId, 'update');
    },

    async deleteActor(slug: string, id: string, userId: number | null): Promise<void> {
      const current = this.getActor(slug, id);
      if (!current) throw new AppError('not_found', 'No such organisation in this municipality.');
      if (current.municipalities.length !== 1) throw new AppError('forbidden', 'This organisation serves more than this municipality; ask a maintainer.');
      await db.insertInto('actor_edits').values({ id, tenant: slug, data: null, deleted: 1, verified_at: null, updated_by: userId, updated_at: now() })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data: null, deleted: 1, updated_by: userId, updated_at: now() }))
        .execute();
      consoleIds.add(id);
      put(id, null);
      // The welcome point may have been this organisation: fall back to the knowledge's own.
      if (kb.tenants.some((t) => t.welcome?.actorId === id)) for (const t of kb.tenants) if (t.welcome?.actorId === id) t.welcome = null;
      onActorsChanged();
      await announce(slug);
    },

    /** Back to the knowledge's version of an organisation (drops the console edit). */
    isFromKnowledge(id: string): boolean {
      return yamlActors.has(id) && !consoleIds.has(id);
    },

    settings(slug: string) {
      const t = tenantOrThrow(slug);
      return { welcome: t.welcome, allowedOrigins: t.allowedOrigins };
    },

    async saveSettings(slug: string, input: unknown, userId: number | null) {
      const tenant = tenantOrThrow(slug);
      const parsed = tenantSettingsSchema.safeParse(input);
      if (!parsed.success) throw new AppError('invalid_request', zodMessage(parsed.error));
      const current = await db.selectFrom('tenant_settings').selectAll().where('tenant', '=', slug).executeTakeFirst();
      const row = {
        welcome: parsed.data.welcome === undefined ? current?.welcome ?? null : parsed.data.welcome === null ? null : JSON.stringify(parsed.data.welcome),
        allowed_origins: parsed.data.allowedOrigins === undefined ? current?.allowed_origins ?? null : JSON.stringify(parsed.data.allowedOrigins),
      };
      if (parsed.data.welcome) welcomeFrom(parsed.data.welcome); // validates the actor reference before saving
      await db.insertInto('tenant_settings').values({ tenant: slug, ...row, updated_by: userId, updated_at: now() })
        .onConflict((oc) => oc.column('tenant').doUpdateSet({ ...row, updated_by: userId, updated_at: now() }))
        .execute();
      applySettings(tenant, row);
      await announce(slug);
      return this.settings(slug);
    },
  };
}

export type LocalInfo = ReturnType<typeof createLocalInfo>;
