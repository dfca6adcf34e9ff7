/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { seededTemplate } from '../support/seeded-template.js';

// The web page in a real headless Chromium (Debian's chromium, which .ci/run installs):
// log in as Tolvan, list her bookings, cancel the ordinary one by clicking, and see the
// confirmation. Screenshots go to test-output/web/.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = 'test-output/web';
const run = process.env.SKIP_BROWSER_TESTS === '1' ? describe.skip : describe;

let t: TestApp;
let browser: Browser;

run('the web page in a real browser', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`No Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    mkdirSync(OUT, { recursive: true });
    t = await startTestApp({}, seededTemplate('2026-12-01T09:00'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (t as TestApp | undefined)?.stop();
  });

  const bot = (page: Page, text: string) =>
    page.locator('[role="log"], .webchat__basic-transcript').getByText(text, { exact: false }).last();

  /** Waits until the bot has said `text`. */
  const sees = (page: Page, text: string, timeout = 15_000) =>
    expect.poll(() => bot(page, text).isVisible(), { timeout }).toBe(true);

  /** Writes `text` in the chat's text box and sends it. */
  const write = async (page: Page, text: string) => {
    const input = page.getByRole('textbox').last();
    await input.fill(text);
    await input.press('Enter');
  };

  /** The page in a new tab of the given size, once the bot has greeted. */
  const opened = async (width: number, height: number): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height } });
    // An action that cannot be done (a text box that never becomes usable) fails instead of waiting for ever.
    page.setDefaultTimeout(20_000);
    await page.goto(t.url);
    await sees(page, 'Hej! Jag hjälper dig');
    return page;
  };

  /** Logs in as a demo resident with the page's login box. */
  const logIn = async (page: Page, personnummer: string, name: string) => {
    await page.getByLabel('Logga in som testperson').selectOption(personnummer);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Inloggad som ${name}`);
  };

  it('lets Tolvan log in, see her bookings and cancel the ordinary one by clicking', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(t.url);
    await sees(page, 'Hej! Jag hjälper dig');
    await logIn(page, '191212121212', 'Tolvan Tolvansson');
    // The bot greets the resident by name at once, without waiting to be written to.
    await sees(page, 'Hej Tolvan Tolvansson! Du är inloggad.', 15_000);
    await page.screenshot({ path: `${OUT}/1-inloggad.png` });

    await page.getByRole('button', { name: 'Mina bokade tider' }).last().click();
    await sees(page, 'Du har 7 bokade tider');
    await expect.poll(() => bot(page, 'Läkarbesök, Vårdcentralen Fyrisdal').isVisible()).toBe(true);
    await page.screenshot({ path: `${OUT}/2-bokade-tider.png` });

    await page.getByRole('button', { name: 'Avboka en tid' }).last().click();
    await page.getByRole('button', { name: 'måndag 7 december kl. 9.30, Läkarbesök' }).last().click();
    await sees(page, 'Vill du avboka den här tiden?');
    await page.getByRole('button', { name: 'Ja, avboka' }).last().click();
    await expect
      .poll(() => bot(page, 'Klart! Tiden måndag 7 december kl. 9.30').isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    await page.screenshot({ path: `${OUT}/3-avbokad.png` });

    const bookings = (await (await fetch(`${t.url}/api/demo/bookings?personnummer=191212121212`)).json()) as {
      bookingId: string;
      status: string;
    }[];
    expect(bookings.find((b) => b.bookingId === 'tolvan-lakarbesok')?.status).toBe('cancelled');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('works on a phone-sized screen, by keyboard, and logs out', async () => {
    const page = await opened(390, 844);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå direkt till chatten');
    await page.getByLabel('Logga in som testperson').selectOption('191111111111');
    await page.getByRole('button', { name: 'Logga in' }).press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Inloggad som Siv Sivsson');
    await write(page, 'vilka tider har jag');
    await sees(page, 'Du har en bokad tid');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    // The login box leaves the phone's screen to the chat.
    const box = await page.locator('.account').boundingBox();
    expect(box!.height).toBeLessThan(130);
    await page.screenshot({ path: `${OUT}/4-mobil.png` });
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Du är utloggad');
    // Nothing of Siv's stays on the screen: a new, empty chat starts.
    await expect.poll(() => bot(page, 'Du har en bokad tid').count(), { timeout: 15_000 }).toBe(0);
    await sees(page, 'Hej! Jag hjälper dig');
    await page.close();
  }, 90_000);

  it('takes a double click on a button as one answer, and the text box stays usable', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '191111111111', 'Siv Sivsson');
    await sees(page, 'Du är inloggad');
    await page.getByRole('button', { name: 'Mina bokade tider' }).last().dblclick();
    await sees(page, 'Du har en bokad tid');
    await page.waitForTimeout(1000);
    expect(await bot(page, 'Du har en bokad tid').count()).toBe(1);
    expect(await bot(page, 'hörde till en tidigare fråga').count()).toBe(0);
    const input = page.getByRole('textbox').last();
    expect(await input.evaluate((el) => (el as HTMLTextAreaElement).readOnly)).toBe(false);
    await write(page, 'tack');
    await sees(page, 'Varsågod');
    await page.close();
  }, 90_000);

  it('offers the calendar entry of a new booking as a link on its card', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '190101012020', 'Pelle Persson');
    await write(page, 'boka provtagning på sävjaberg');
    await sees(page, 'Lediga tider för Provtagning');
    await page
      .getByRole('button', { name: /december kl\./ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Ja, boka' }).last().click();
    const add = page.getByRole('button', { name: 'Lägg till i kalendern' });
    await expect.poll(() => add.isVisible(), { timeout: 15_000 }).toBe(true);
    // The card's button opens the entry (the browser downloads it): the request is what shows it worked.
    const [request] = await Promise.all([
      page.context().waitForEvent('request', (r) => r.url().includes('/api/calendar?t=')),
      add.click(),
    ]);
    expect(request.url().startsWith(`${t.url}/api/calendar?t=`)).toBe(true);
    await page.screenshot({ path: `${OUT}/5-kalender.png` });
    await page.close();
  }, 90_000);

  it('has no serious or critical accessibility violations, logged out and with a conversation (axe-core)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(t.url);
    await sees(page, 'Hej! Jag hjälper dig');
    const serious = async () =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);
    await page.getByLabel('Logga in som testperson').selectOption('191111111111');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await sees(page, 'Du är inloggad');
    await write(page, 'vilka tider har jag');
    await sees(page, 'Du har en bokad tid');
    expect(await serious()).toEqual([]);
    await context.close();
  }, 90_000);

  it('logs out and clears the chat when the resident writes «logga ut»', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '191111111111', 'Siv Sivsson');
    await write(page, 'vilka tider har jag');
    await sees(page, 'Du har en bokad tid');
    await write(page, 'logga ut');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Du är utloggad');
    await expect.poll(() => bot(page, 'Du har en bokad tid').count(), { timeout: 15_000 }).toBe(0);
    await page.close();
  }, 90_000);

  it('continues the conversation after a reload of the page, and starts a new one after logging out', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '191212121212', 'Tolvan Tolvansson');
    await write(page, 'avboka');
    await sees(page, 'Vilken tid vill du avboka?');

    await page.reload();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Inloggad som Tolvan Tolvansson');
    // The earlier messages are back, and the question still waits for its answer.
    await sees(page, 'Vilken tid vill du avboka?');
    // The cancel under way is still there to stop.
    await write(page, 'avbryt');
    await sees(page, 'Okej, jag avbryter. Inget har ändrats.');

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => bot(page, 'Vilken tid vill du avboka?').count(), { timeout: 15_000 }).toBe(0);
    await page.reload();
    await sees(page, 'Hej! Jag hjälper dig');
    expect(await bot(page, 'Vilken tid vill du avboka?').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('goes on receiving answers after the server restarts, without a reload', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '191212121212', 'Tolvan Tolvansson');
    await write(page, 'avboka');
    await sees(page, 'Vilken tid vill du avboka?');

    // Down for a few seconds, as in a deployment; the page stays open.
    await t.restart({ downMs: 3000 });
    // The page noticed, and has taken the conversation up again once the server answered.
    await expect.poll(() => page.locator('#webchat').getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
    await sees(page, 'Vilken tid vill du avboka?');
    await write(page, 'avbryt');
    await sees(page, 'Okej, jag avbryter. Inget har ändrats.', 30_000);
    await page.close();
  }, 120_000);
});
