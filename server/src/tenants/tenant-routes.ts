import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '../language/languages';

export async function tenantRoutes(app: FastifyInstance) {
  app.get<{ Params: { slug: string } }>('/api/tenants/:slug', async (request) => {
    const tenant = app.tenants.resolve(request.params.slug);
    if (!tenant) throw new AppError('unknown_tenant', `Unknown municipality "${request.params.slug}".`);
    return {
      slug: tenant.slug, nis: tenant.nis, name: tenant.name, names: tenant.names, region: tenant.region,
      province: tenant.province, welcome: tenant.welcome,
      languages: SUPPORTED_LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code] })),
    };
  });
}
