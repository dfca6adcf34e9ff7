import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { RulesProvider } from '../booking/catalog.js';
import { loadContent, type Content } from '../content/load.js';
import type { Texts } from '../content/texts.js';
import { notReloadedMessage, reloadedMessage } from '../content/reload-messages.js';
import { createFlows, type BookingActors, type Flows } from '../dialogs/flows.js';
import { buildUnderstanding, type UnderstandingModel } from '../dialogs/understanding-model.js';

// The content the bot runs on, and what is derived from it (the understanding trained on
// the examples, the flows). In development it is reloaded when a file changes: a valid
// change takes effect as soon as the understanding is retrained, an invalid one is
// reported and the old content kept.

export class LiveContent {
  content!: Content;
  model!: UnderstandingModel;
  flows!: Flows;

  private constructor(private readonly actors: BookingActors) {}

  static async create(content: Content, actors: BookingActors): Promise<LiveContent> {
    const live = new LiveContent(actors);
    await live.apply(content);
    return live;
  }

  get texts(): Texts {
    return this.content.texts;
  }

  /** The konfiguration as it is now, also after a reload. */
  readonly rulesFor: RulesProvider = (service, unit) => this.content.rulesFor(service, unit);

  /** Trains the understanding on the content, then switches to it all at once. */
  async apply(content: Content): Promise<void> {
    const unitOf = (hsaId: string) => {
      const unit = content.units.find((u) => u.hsaId.toLowerCase() === hsaId.toLowerCase());
      return unit && { name: unit.name, phone: unit.phone };
    };
    const model = await buildUnderstanding(content);
    const flows = createFlows(this.actors, content.questionnaires, unitOf);
    this.content = content;
    this.model = model;
    this.flows = flows;
  }

  /**
   * Watches the content folders and reloads on change; returns the watchers to close.
   * Folders, not files, are watched: editors often save by replacing the file, which
   * a watch on the old file would not see.
   */
  watch(dir: string, log: (message: string) => void): FSWatcher[] {
    let timer: NodeJS.Timeout | undefined;
    const reload = async () => {
      const result = loadContent(dir);
      if (result.ok) {
        await this.apply(result.content);
        log(reloadedMessage());
      } else {
        log(notReloadedMessage(result.problems));
      }
    };
    const folders = [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name))];
    return folders.map((folder) => watch(folder, (_event, file) => {
      if (file && !/\.ya?ml$/.test(String(file))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload().catch((error: unknown) => log(String(error))), 200);
    }));
  }
}
