import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { RulesProvider } from '../booking/catalog.js';
import { loadContent, type Content } from '../content/load.js';
import type { Texts } from '../content/texts.js';
import { notReloadedMessage, reloadedMessage } from '../content/reload-messages.js';
import { createFlows, type BookingActors, type Flows } from '../dialogs/flows.js';
import { compileLexicon, type Lexicon } from '../dialogs/lexicon.js';

// The content the bot runs on, and what is derived from it (language, flows). In
// development it is reloaded when a file changes: a valid change takes effect at once,
// an invalid one is reported and the old content kept.

export class LiveContent {
  content!: Content;
  lexicon!: Lexicon;
  flows!: Flows;

  constructor(content: Content, private readonly actors: BookingActors) {
    this.apply(content);
  }

  get texts(): Texts {
    return this.content.texts;
  }

  /** The konfiguration as it is now, also after a reload. */
  readonly rulesFor: RulesProvider = (service, unit) => this.content.rulesFor(service, unit);

  apply(content: Content): void {
    const unitOf = (hsaId: string) => {
      const unit = content.units.find((u) => u.hsaId.toLowerCase() === hsaId.toLowerCase());
      return unit && { name: unit.name, phone: unit.phone };
    };
    const lexicon = compileLexicon(content);
    const flows = createFlows(this.actors, content.questionnaires, unitOf);
    this.content = content;
    this.lexicon = lexicon;
    this.flows = flows;
  }

  /**
   * Watches the content folders and reloads on change; returns the watchers to close.
   * Folders, not files, are watched: editors often save by replacing the file, which
   * a watch on the old file would not see.
   */
  watch(dir: string, log: (message: string) => void): FSWatcher[] {
    let timer: NodeJS.Timeout | undefined;
    const reload = () => {
      const result = loadContent(dir);
      if (result.ok) {
        this.apply(result.content);
        log(reloadedMessage());
      } else {
        log(notReloadedMessage(result.problems));
      }
    };
    const folders = [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name))];
    return folders.map((folder) => watch(folder, (_event, file) => {
      if (file && !/\.ya?ml$/.test(String(file))) return;
      clearTimeout(timer);
      timer = setTimeout(reload, 200);
    }));
  }
}
