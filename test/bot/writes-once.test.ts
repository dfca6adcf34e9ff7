import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/log.js';
import { conversation, login, send, startTestApp, type Said, type TestApp } from '../support/app.js';
import { shippedContent } from '../support/tidbok.js';

// A booking made is never reported as failed: every write carries an idempotency key
// (the conversation and the question answered), so a turn that runs again finds its own
// earlier write, whether the first run died before saving its state or another process
// ran the same turn at the same time.

const PELLE = '190101012020';
let t: TestApp | undefined;
let second: App | undefined;
afterEach(async () => {
  await second?.close();
  await t?.stop();
  t = second = undefined;
});

const bookingsOf = async (url: string) =>
  (await (await fetch(`${url}/api/demo/bookings?personnummer=${PELLE}`)).json()) as { status: string }[];
const textOf = (said: Said[]) => said.map((s) => s.text).join('\n');

/** Pelle in a conversation at the question «Vill du boka den här tiden?» for a blood donation. */
async function atConfirm(app: TestApp, id: string) {
  const token = await login(app.url, PELLE);
  const c = conversation(app.url, id, token);
  await c.say('jag vill ge blod');
  await c.click(c.buttons()[0]!);
  expect(c.buttons()).toContain('Ja, boka');
  return { token, value: c.buttonValue('Ja, boka') };
}

describe('writes that happen once', () => {
  it('reports the booking as made when the turn runs again after dying before its state was saved', async () => {
    t = await startTestApp();
    const { token, value } = await atConfirm(t, 'crash');
    const db = new Database(t.env.CONVERSATION_DB);
    const key = 'test/conversations/crash';
    const before = db.prepare('SELECT data, etag FROM state WHERE key = ?').get(key) as { data: string; etag: number };

    const confirm = { text: 'Ja, boka', value, token, id: 'confirm-1' };
    expect(textOf(await send(t.url, 'crash', confirm))).toContain('Klart! Du har bokat Blodgivning');
    // The process dies after the booking and before the state is saved: the old state is what is left.
    db.prepare('UPDATE state SET data = ?, etag = ? WHERE key = ?').run(before.data, before.etag, key);
    db.close();

    const retried = textOf(await send(t.url, 'crash', confirm));
    expect(retried).toContain('Klart! Du har bokat Blodgivning');
    expect(retried).not.toContain('Tyvärr hann någon annan');
    expect((await bookingsOf(t.url)).filter((b) => b.status === 'booked')).toHaveLength(1);
  });

  it('answers the same turn run by two processes at once without an error, with one booking', async () => {
    t = await startTestApp();
    second = await createApp(loadConfig(t.env), shippedContent(), silentLogger());
    const url2 = await second.listen();
    const { token, value } = await atConfirm(t, 'twice');

    const confirm = { text: 'Ja, boka', value, token, id: 'confirm-2' };
    const answers = await Promise.all([send(t.url, 'twice', confirm), send(url2, 'twice', confirm)]);
    for (const said of answers) {
      // The one that finds the turn already handled stays silent; none apologises or says the time was taken.
      if (said.length > 0) expect(textOf(said)).toContain('Klart! Du har bokat Blodgivning');
    }
    expect(answers.some((said) => textOf(said).includes('Klart!'))).toBe(true);
    expect((await bookingsOf(t.url)).filter((b) => b.status === 'booked')).toHaveLength(1);
  });

  it('cancels once when the cancel turn runs again, and says it is cancelled', async () => {
    t = await startTestApp();
    const token = await login(t.url);
    const c = conversation(t.url, 'cancel-again', token);
    await c.say('avboka läkartiden');
    expect(c.buttons()).toContain('Ja, avboka');
    const db = new Database(t.env.CONVERSATION_DB);
    const key = 'test/conversations/cancel-again';
    const before = db.prepare('SELECT data, etag FROM state WHERE key = ?').get(key) as { data: string; etag: number };
    const confirm = { text: 'Ja, avboka', value: c.buttonValue('Ja, avboka'), token, id: 'cancel-1' };
    expect(textOf(await send(t.url, 'cancel-again', confirm))).toContain('är avbokad. Den kan nu bokas');
    db.prepare('UPDATE state SET data = ?, etag = ? WHERE key = ?').run(before.data, before.etag, key);
    db.close();
    const retried = textOf(await send(t.url, 'cancel-again', confirm));
    expect(retried).toContain('är avbokad. Den kan nu bokas');
    expect(retried).not.toContain('Något gick fel');
  });
});
