// `npm run knowledge:check [-- DIR] [--no-counts] [--review-age DAYS]`: validates the knowledge, prints the
// coverage matrix and the translations' review state (machine-assisted texts, texts not reviewed for DAYS).
import path from 'node:path';
import { checkKnowledge, coverageMatrix, formatCoverage } from './check-knowledge';
import { loadKnowledge } from './load-knowledge';
import { DEFAULT_REVIEW_AGE_DAYS, formatReview, reviewReport } from './review-state';
import { loadClerkReplies } from '../admin/clerk-replies';

const args = process.argv.slice(2);
const ageAt = args.indexOf('--review-age');
const reviewAge = ageAt >= 0 ? Number(args[ageAt + 1]) : DEFAULT_REVIEW_AGE_DAYS;
if (!Number.isFinite(reviewAge) || reviewAge < 0) {
  console.error('--review-age needs a number of days');
  process.exit(2);
}
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--review-age') ?? 'knowledge');
const { knowledge, issues } = loadKnowledge(dir);
issues.push(...checkKnowledge(knowledge, { expectMunicipalityCounts: !args.includes('--no-counts') }));
// The clerks' canned replies (issue 12): every language, every placeholder exactly once.
try {
  loadClerkReplies(dir);
} catch (error) {
  const detail = (error as { issues?: { path: (string | number)[]; message: string }[] }).issues?.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  issues.push({ file: 'clerk-replies.yaml', field: '(file)', message: detail ?? (error as Error).message });
}

const byRegion = knowledge.tenants.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.region]: (acc[t.region] ?? 0) + 1 }), {});
console.log(`Knowledge in ${path.relative(process.cwd(), dir) || '.'}: ${knowledge.cards.length} cards, ${knowledge.actors.length} actors, ` +
  `${knowledge.glossary.length} glossary concepts, ${knowledge.tenants.length} municipalities ` +
  `(${Object.entries(byRegion).map(([r, n]) => `${r} ${n}`).join(', ')}).`);
console.log('\nCoverage (topic × region: languages with at least one card):');
console.log(formatCoverage(coverageMatrix(knowledge)));
console.log(`\n${formatReview(reviewReport(knowledge.cards, { maxAgeDays: reviewAge }), reviewAge, knowledge.cards.length).join('\n')}`);
if (issues.length) {
  console.error(`\n${issues.length} problem(s):`);
  for (const i of issues) console.error(`  ${i.file}: ${i.field}: ${i.message}`);
  process.exit(1);
}
console.log('\nKnowledge check passed.');
