import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { RulesProvider } from '../booking/catalog.js';
import { loadContent, type Content } from '../content/load.js';
import type { Texts } from '../content/texts.js';
import { notReloadedMessage, reloadedMessage } from '../content/reload-messages.js';
import type { BookingEffects } from '../booking/effects.js';
import type { ChildName } from '../dialogs/child-names.js';
import { buildUnderstanding, type UnderstandingModel } from '../dialogs/understanding-model.js';
import { chartWith, type Chart } from '../machines/chart.js';
import type { Rereads } from '../machines/stored-context.js';

// The content the bot runs on, and what is derived from it: the understanding trained on
// the examples, and the conversation chart with its effects, whose questionnaires are
// always the current ones. In development the content is reloaded when a file changes:
// a valid change takes effect as soon as the understanding is retrained, an invalid one
// is reported and the old content kept.

const CHILDREN_FRESH_MS = 60_000;
const CHILDREN_KEPT = 10_000;

export class LiveContent {
  content!: Content;
  model!: UnderstandingModel;
  readonly chart: Chart;
  /** The chart's reads, which make a stored conversation whole again */
  readonly rereads: Rereads;
  /** The resident's children, whom a message may name by name (read once a minute at most per resident) */
  readonly children: (patientId: string) => Promise<readonly ChildName[]>;

  private constructor(effects: BookingEffects) {
    this.rereads = effects;
    const known = new Map<string, { at: number; children: Promise<readonly ChildName[]> }>();
    this.children = (patientId) => {
      const now = performance.now();
      const cached = known.get(patientId);
      if (cached && now - cached.at < CHILDREN_FRESH_MS) return cached.children;
      if (known.size >= CHILDREN_KEPT) known.clear();
      // A failed read names no child, and is not kept: the next message asks again.
      const children = effects
        .listChildren({ patientId })
        .then((list) => list.map(({ id, name, kind }) => ({ id, name, kind })))
        .catch(() => {
          known.delete(patientId);
          return [];
        });
      known.set(patientId, { at: now, children });
      return children;
    };
    this.chart = chartWith(effects, {
      all: () => this.content.questionnaires,
      unitOf: (hsaId) => {
        const unit = this.content.units.find((u) => u.hsaId.toLowerCase() === hsaId.toLowerCase());
        return unit && { name: unit.name, phone: unit.phone };
      },
    });
  }

  static async create(content: Content, effects: BookingEffects): Promise<LiveContent> {
    const live = new LiveContent(effects);
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
    const model = await buildUnderstanding(content);
    this.content = content;
    this.model = model;
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
    const folders = [
      dir,
      ...readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(dir, e.name)),
    ];
    return folders.map((folder) =>
      watch(folder, (_event, file) => {
        if (file && !/\.ya?ml$/.test(file)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload().catch((error: unknown) => log(String(error))), 200);
      }),
    );
  }
}
