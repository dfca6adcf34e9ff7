import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../content/load.js';
import { closeClient, login } from '../../tools/bench/client.js';
import { Conversation, readPhrases, stepName, type Step } from '../../tools/bench/script.js';
import { BENCH_CLOCK } from '../../tools/bench/servers.js';
import { startLocalBot, type LocalBot } from '../../tools/local-bot.js';

// The benchmark's residents check every answer against tools/bench/phrases.json and stop at
// the first that differs. Played here, so a change of the bot's words shows in the tests
// and not only when the benchmark is run.

const phrases = readPhrases();
let bot: LocalBot;
let token: string;
beforeAll(async () => {
  bot = await startLocalBot(loadContentOrThrow(), BENCH_CLOCK);
  token = await login(bot.url, phrases.resident);
});
afterAll(async () => {
  closeClient();
  await bot.stop();
});

const play = async (id: string, steps: readonly Step[]) => {
  const conversation = new Conversation(bot.url, id, token);
  for (const step of steps) await conversation.run(step);
  return conversation.lastReplies.texts.length;
};

describe("the benchmark's scripted conversations", () => {
  it(`the view turn (${phrases.view.map(stepName).join(', ')}) and the mixed cycle, twice round`, async () => {
    expect(await play('bench-view', phrases.view)).toBeGreaterThan(0);
    expect(await play('bench-cycle', [...phrases.cycle, ...phrases.cycle])).toBeGreaterThan(0);
  });

  it.each(phrases.states.map((s) => [s.name, s.steps] as const))('reaches the state "%s"', async (name, steps) =>
    expect(await play(`bench-state-${name}`, steps)).toBeGreaterThan(0),
  );
});
