import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { importActorRows } from '../actors/import-actors';
import { readSheetBytes } from '../actors/read-sheet';
import { AppError, zodMessage } from '../errors';
import type { Actor } from '../knowledge/schemas';
import type { AdminDeps } from './admin-deps';
import { requireTenant, tenantsOf } from './auth-plugin';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COLUMNS = ['id', 'name', 'type', 'topics', 'region', 'province', 'municipalities', 'area', 'address', 'phone', 'email', 'website', 'languages', 'hours', 'source_title', 'source_url', 'verified'] as const;

function tenantOf(request: FastifyRequest): string {
  const q = z.object({ tenant: z.string().optional() }).passthrough().parse(request.query);
  const mine = tenantsOf(request);
  const slug = q.tenant ?? (mine !== 'all' && mine.length === 1 ? mine[0] : undefined);
  if (!slug) throw new AppError('invalid_request', 'Say which municipality: ?tenant=<slug>.');
  requireTenant(request, slug);
  return slug;
}

function row(a: Actor): Record<(typeof COLUMNS)[number], string> {
  const hours = a.hours === null ? '' : typeof a.hours === 'string' ? a.hours : a.hours.en ?? Object.values(a.hours)[0] ?? '';
  return {
    id: a.id, name: a.name, type: a.type, topics: a.topics.join(', '), region: a.region, province: a.province ?? '', municipalities: a.municipalities.join(', '),
    area: a.area ?? '', address: a.address ?? '', phone: a.phone ?? '', email: a.email ?? '', website: a.website ?? '', languages: a.languages.join(', '),
    hours, source_title: a.sources[0]?.title ?? '', source_url: a.sources[0]?.url ?? '', verified: a.verified ?? '',
  };
}

const csvCell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Import and export of a municipality's organisations as CSV or XLSX from the console (issue 12). */
export async function actorSheetRoutes(app: FastifyInstance, deps: AdminDeps) {
  // Spreadsheets arrive as the raw file; up to 5 MB.
  for (const type of ['text/csv', XLSX, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  }

  app.get('/api/admin/actors/export', async (request, reply) => {
    const tenant = tenantOf(request);
    const { format } = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }).passthrough().parse(request.query);
    const actors = deps.localInfo.listActors(tenant);
    const name = `organisations-${tenant}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'csv') {
      const lines = [COLUMNS.join(';'), ...actors.map((a) => COLUMNS.map((c) => csvCell(row(a)[c])).join(';'))];
      return reply.type('text/csv; charset=utf-8').send(`\uFEFF${lines.join('\r\n')}\r\n`);
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(tenant);
    sheet.addRow([...COLUMNS]);
    for (const a of actors) sheet.addRow(COLUMNS.map((c) => row(a)[c]));
    return reply.type(XLSX).send(Buffer.from(await workbook.xlsx.writeBuffer()));
  });

  app.post('/api/admin/actors/import', { bodyLimit: 5 * 1024 * 1024 }, async (request) => {
    const tenant = tenantOf(request);
    const q = z.object({ dryRun: z.enum(['0', '1', 'true', 'false']).optional(), filename: z.string().max(200).optional() }).passthrough().safeParse(request.query);
    if (!q.success) throw new AppError('invalid_request', zodMessage(q.error));
    if (!Buffer.isBuffer(request.body)) throw new AppError('invalid_request', 'Send the file itself as the body (Content-Type text/csv or the XLSX type).');
    const name = q.data.filename ?? (request.headers['content-type']?.startsWith(XLSX) ? 'import.xlsx' : 'import.csv');
    let sheet;
    try {
      sheet = await readSheetBytes(name, request.body);
    } catch (error) {
      throw new AppError('invalid_request', (error as Error).message.slice(0, 200));
    }
    const local = new Set(deps.localInfo.listActors(tenant).map((a) => a.id));
    const others = new Set(deps.knowledge.actors.map((a) => a.id).filter((id) => !local.has(id)));
    const { actors, problems, removals } = importActorRows(sheet.rows, { tenantSlugs: new Set(deps.knowledge.tenants.map((t) => t.slug)), existingIds: others });
    const p = request.principal;
    const userId = p?.kind === 'user' ? p.user.id : null;
    const dryRun = q.data.dryRun === '1' || q.data.dryRun === 'true';
    const created: string[] = [];
    const updated: string[] = [];
    const removed: string[] = [];
    for (const a of actors) {
      if (a.municipalities.length !== 1 || a.municipalities[0] !== tenant) {
        problems.push({ where: a.id, reason: `municipalities: rows imported for ${tenant} are for ${tenant} only` });
        continue;
      }
      if (!dryRun) {
        try {
          await deps.localInfo.saveActor(tenant, a, userId, local.has(a.id) ? 'update' : 'create');
        } catch (error) {
          problems.push({ where: a.id, reason: (error as Error).message });
          continue;
        }
      }
      (local.has(a.id) ? updated : created).push(a.id);
    }
    for (const r of removals) {
      if (!local.has(r.id)) {
        problems.push({ where: r.where, reason: `remove: ${r.id} is not one of ${tenant}'s organisations` });
        continue;
      }
      if (!dryRun) await deps.localInfo.deleteActor(tenant, r.id, userId);
      removed.push(r.id);
    }
    if (!dryRun && (created.length || updated.length || removed.length)) {
      await deps.audit.record({ userId, tenant, action: 'actors-import', detail: { file: name, created, updated, removed } });
    }
    return { dryRun, created, updated, removed, problems, unknownColumns: sheet.unknownColumns };
  });
}
