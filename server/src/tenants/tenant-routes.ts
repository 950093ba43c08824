import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorResponses } from '../chat/response-schemas';
import { AppError } from '../errors';
import { REGIONS } from '../knowledge/schemas';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '../language/languages';

// For the OpenAPI document (plugins/openapi.ts).
const tenantSchema = z.object({
  slug: z.string(),
  nis: z.string().describe('NIS code of the municipality.'),
  name: z.string(),
  names: z.object({ nl: z.string().optional(), fr: z.string().optional(), de: z.string().optional(), en: z.string().optional() }),
  region: z.enum(REGIONS),
  province: z.string().nullable(),
  welcome: z.looseObject({ name: z.string() }).nullable().describe('The municipality\'s welcome point, when known.'),
  languages: z.array(z.object({ code: z.string(), name: z.string() })).describe('The languages the assistant answers in.'),
});

export async function tenantRoutes(app: FastifyInstance) {
  app.get<{ Params: { slug: string } }>('/api/tenants/:slug', {
    schema: {
      summary: 'A municipality, by slug, NIS code or official name', tags: ['tenants'],
      params: z.object({ slug: z.string() }), response: { 200: tenantSchema, ...errorResponses(404) },
    },
  }, async (request) => {
    const tenant = app.tenants.resolve(request.params.slug);
    if (!tenant) throw new AppError('unknown_tenant', `Unknown municipality "${request.params.slug}".`);
    return {
      slug: tenant.slug, nis: tenant.nis, name: tenant.name, names: tenant.names, region: tenant.region,
      province: tenant.province, welcome: tenant.welcome,
      languages: SUPPORTED_LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code] })),
    };
  });
}
