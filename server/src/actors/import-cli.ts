// `npm run actors:import -- file.csv|file.xlsx [--out knowledge/actors/imported.yaml] [--dry-run]`
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '../config';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { importActorRows } from './import-actors';
import { readSheetFile } from './read-sheet';

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('Usage: npm run actors:import -- <file.csv|file.xlsx> [--out knowledge/actors/imported.yaml] [--dry-run]');
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const config = loadConfig();
  const outIndex = args.indexOf('--out');
  const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(config.knowledgeDir, 'actors', 'imported.yaml'));
  const { knowledge } = loadKnowledge(config.knowledgeDir);
  // Rows already imported into the output file may be re-imported (updated); other ids must be new.
  const previous = fs.existsSync(out) ? ((YAML.parse(fs.readFileSync(out, 'utf8')) ?? []) as { id: string }[]) : [];
  const previousIds = new Set(previous.map((a) => a.id));
  const existingIds = new Set(knowledge.actors.map((a) => a.id).filter((id) => !previousIds.has(id)));
  const { rows, unknownColumns } = await readSheetFile(file);
  const { actors, problems, removals } = importActorRows(rows, { tenantSlugs: new Set(knowledge.tenants.map((t) => t.slug)), existingIds });

  if (unknownColumns.length) console.error(`! Columns not read (unknown headings): ${unknownColumns.join(', ')}`);
  for (const p of problems) console.error(`✗ ${p.where}: ${p.reason}`);
  const merged = new Map(previous.map((a) => [a.id, a as unknown]));
  for (const r of removals) {
    if (merged.delete(r.id)) console.log(`- ${r.where}: removed ${r.id}`);
    else console.error(`✗ ${r.where}: ${r.id} is not in ${path.basename(out)}; organisations from other files are removed there (or in the console)`);
  }
  console.log(`${actors.length} row(s) valid, ${removals.length} removal(s), ${problems.length} rejected, out of ${rows.length}.`);
  if (args.includes('--dry-run') || (!actors.length && !removals.length)) return;
  for (const a of actors) merged.set(a.id, a);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `# Imported with npm run actors:import from ${path.basename(file)} on ${new Date().toISOString().slice(0, 10)}.\n${YAML.stringify([...merged.values()])}`);
  console.log(`Wrote ${merged.size} actor(s) to ${path.relative(process.cwd(), out)}. Run npm run knowledge:check, then restart to re-index.`);
  if (problems.length) process.exitCode = 2;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
