import { loadKnowledgeStrict } from './src/knowledge/load-knowledge';
import { createTenantRegistry } from './src/tenants/tenant-registry';
const kb = loadKnowledgeStrict('/work/main/knowledge');
const r = createTenantRegistry(kb.tenants);
for (const q of ['I study in Louvain-la-Neuve, where do I register?', 'cours de français à Louvain ?', 'inburgering in Sint-Niklaas', 'woon in Borgerhout', 'hollandaca kursu nerde var gentte', 'and in Brussels?', 'ik woon in Braine-l\'Alleud']) console.log(q, '→', JSON.stringify(r.findPlace(q) && { slug: r.findPlace(q)!.tenant?.slug, region: r.findPlace(q)!.region, text: r.findPlace(q)!.text }));
