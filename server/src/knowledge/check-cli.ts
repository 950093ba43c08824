// `npm run knowledge:check [-- DIR] [--no-counts]`: validates the knowledge and prints the coverage matrix.
import path from 'node:path';
import { checkKnowledge, coverageMatrix, formatCoverage } from './check-knowledge';
import { loadKnowledge } from './load-knowledge';

const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'knowledge');
const { knowledge, issues } = loadKnowledge(dir);
issues.push(...checkKnowledge(knowledge, { expectMunicipalityCounts: !args.includes('--no-counts') }));

const byRegion = knowledge.tenants.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.region]: (acc[t.region] ?? 0) + 1 }), {});
console.log(`Knowledge in ${path.relative(process.cwd(), dir) || '.'}: ${knowledge.cards.length} cards, ${knowledge.actors.length} actors, ` +
  `${knowledge.glossary.length} glossary concepts, ${knowledge.tenants.length} municipalities ` +
  `(${Object.entries(byRegion).map(([r, n]) => `${r} ${n}`).join(', ')}).`);
console.log('\nCoverage (topic × region: languages with at least one card):');
console.log(formatCoverage(coverageMatrix(knowledge)));
if (issues.length) {
  console.error(`\n${issues.length} problem(s):`);
  for (const i of issues) console.error(`  ${i.file}: ${i.field}: ${i.message}`);
  process.exit(1);
}
console.log('\nKnowledge check passed.');
