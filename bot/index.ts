import { ContentError, loadContentOrThrow } from '../content/load.js';
import { startTidbok } from './tidbok.js';

// Composition root. For now it checks the content and opens the embedded tidbok.
const file = process.env.TIDBOK_DB ?? 'data/tidbok.sqlite';
try {
  const content = loadContentOrThrow();
  const { tidbok, seededNow } = startTidbok(content, file);
  const units = await tidbok.units();
  console.log(`Embedded tidbok ready in ${file} (${units.length} units${seededNow ? ', demo data seeded now' : ''}).`);
  tidbok.close();
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
