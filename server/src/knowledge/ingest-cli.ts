// `npm run ingest`: validates the knowledge and (re)builds the FTS5 + hnswlib index under DATA_DIR.
import cliProgress from 'cli-progress';
import { loadConfig } from '../config';
import { createEmbeddings, embeddingsKey } from '../retrieval/create-embeddings';
import { buildSearchIndex, indexFingerprint, isIndexCurrent } from '../retrieval/search-index';
import { loadKnowledgeStrict } from './load-knowledge';

async function main() {
  const config = loadConfig();
  const force = process.argv.includes('--force');
  const started = Date.now();
  const kb = loadKnowledgeStrict(config.knowledgeDir);
  console.log(`Loaded ${kb.cards.length} cards, ${kb.actors.length} actors, ${kb.tenants.length} municipalities (knowledge ${kb.hash}).`);
  const fingerprint = indexFingerprint(kb, embeddingsKey(config));
  if (!force && isIndexCurrent(config.dataDir, fingerprint)) {
    console.log(`The index in ${config.dataDir} is up to date. Use --force to rebuild.`);
    return;
  }
  const bar = new cliProgress.SingleBar({ format: '{stage} [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
  let stage = '';
  await buildSearchIndex(kb, config.dataDir, await createEmbeddings(config), fingerprint, (name, done, total) => {
    if (name !== stage) {
      if (stage) bar.stop();
      stage = name;
      bar.start(total, done, { stage: name.padEnd(8) });
    } else bar.update(done);
  });
  bar.stop();
  console.log(`Index built in ${config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
