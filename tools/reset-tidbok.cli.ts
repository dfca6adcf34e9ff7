import { DateTime } from 'luxon';
import { loadContentOrThrow } from '../content/load.js';
import { EmbeddedTidbok } from '../scheduling/embedded-tidbok.js';
import { resetTidbok } from '../scheduling/open-tidbok.js';
import { demoSeedOf } from '../bot/tidbok.js';

// `npm run tidbok:reset`: empties the embedded tidbok and fills it with fresh demo data
// as of now. Stop the bot first; it holds the file open.
const file = process.env.TIDBOK_DB ?? 'data/tidbok.sqlite';
const content = loadContentOrThrow();
const tidbok = new EmbeddedTidbok(file);
resetTidbok(tidbok, demoSeedOf(content), DateTime.now());
tidbok.close();
console.log(
  `The tidbok in ${file} now holds fresh demo data as of ${DateTime.now().setZone('Europe/Stockholm').toFormat('yyyy-MM-dd HH:mm')}.`,
);
