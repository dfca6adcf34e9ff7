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

  /** The page in a new tab of the given size, once the bot has greeted. */
  const opened = async (width: number, height: number): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(t.url);
    await expect.poll(() => bot(page, 'Hej! Jag hjälper dig').isVisible(), { timeout: 15_000 }).toBe(true);
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
    await expect.poll(() => bot(page, 'Hej! Jag hjälper dig').isVisible(), { timeout: 15_000 }).toBe(true);
    await logIn(page, '191212121212', 'Tolvan Tolvansson');
    // The bot greets the resident by name at once, without waiting to be written to.
    await expect
      .poll(() => bot(page, 'Hej Tolvan Tolvansson! Du är inloggad.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.screenshot({ path: `${OUT}/1-inloggad.png` });

    await page.getByRole('button', { name: 'Mina bokade tider' }).last().click();
    await expect.poll(() => bot(page, 'Du har 7 bokade tider').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => bot(page, 'Läkarbesök, Vårdcentralen Fyrisdal').isVisible()).toBe(true);
    await page.screenshot({ path: `${OUT}/2-bokade-tider.png` });

    await page.getByRole('button', { name: 'Avboka en tid' }).last().click();
    await page.getByRole('button', { name: 'måndag 7 december kl. 9.30, Läkarbesök' }).last().click();
    await expect.poll(() => bot(page, 'Vill du avboka den här tiden?').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Ja, avboka' }).last().click();
    await expect
      .poll(() => bot(page, 'Klart! Du har avbokat din tid måndag 7 december kl. 9.30').isVisible(), {
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
    const input = page.getByRole('textbox').last();
    await input.fill('vilka tider har jag');
    await input.press('Enter');
    await expect.poll(() => bot(page, 'Du har en bokad tid').isVisible(), { timeout: 15_000 }).toBe(true);
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
    await expect.poll(() => bot(page, 'Hej! Jag hjälper dig').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  }, 90_000);

  it('takes a double click on a button as one answer, and the text box stays usable', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '191111111111', 'Siv Sivsson');
    await expect.poll(() => bot(page, 'Du är inloggad').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Mina bokade tider' }).last().dblclick();
    await expect.poll(() => bot(page, 'Du har en bokad tid').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.waitForTimeout(1000);
    expect(await bot(page, 'Du har en bokad tid').count()).toBe(1);
    expect(await bot(page, 'hörde till en tidigare fråga').count()).toBe(0);
    const input = page.getByRole('textbox').last();
    expect(await input.evaluate((el) => (el as HTMLTextAreaElement).readOnly)).toBe(false);
    await input.fill('tack');
    await input.press('Enter');
    await expect.poll(() => bot(page, 'Varsågod').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  }, 90_000);

  it('offers the calendar entry of a new booking as a link on its card', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '190101012020', 'Pelle Persson');
    const input = page.getByRole('textbox').last();
    await input.fill('boka provtagning på sävjaberg');
    await input.press('Enter');
    await expect.poll(() => bot(page, 'Lediga tider för Provtagning').isVisible(), { timeout: 15_000 }).toBe(true);
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
    await expect.poll(() => bot(page, 'Hej! Jag hjälper dig').isVisible(), { timeout: 15_000 }).toBe(true);
    const serious = async () =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);
    await page.getByLabel('Logga in som testperson').selectOption('191111111111');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => bot(page, 'Du är inloggad').isVisible(), { timeout: 15_000 }).toBe(true);
    const input = page.getByRole('textbox').last();
    await input.fill('vilka tider har jag');
    await input.press('Enter');
    await expect.poll(() => bot(page, 'Du har en bokad tid').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await serious()).toEqual([]);
    await context.close();
  }, 90_000);

  it('logs out and clears the chat when the resident writes «logga ut»', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '191111111111', 'Siv Sivsson');
    const input = page.getByRole('textbox').last();
    await input.fill('vilka tider har jag');
    await input.press('Enter');
    await expect.poll(() => bot(page, 'Du har en bokad tid').isVisible(), { timeout: 15_000 }).toBe(true);
    await input.fill('logga ut');
    await input.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Du är utloggad');
    await expect.poll(() => bot(page, 'Du har en bokad tid').count(), { timeout: 15_000 }).toBe(0);
    await page.close();
  }, 90_000);

  it('continues the conversation after a reload of the page, and starts a new one after logging out', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '191212121212', 'Tolvan Tolvansson');
    const input = page.getByRole('textbox').last();
    await input.fill('avboka');
    await input.press('Enter');
    await expect.poll(() => bot(page, 'Vilken tid vill du avboka?').isVisible(), { timeout: 15_000 }).toBe(true);

    await page.reload();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Inloggad som Tolvan Tolvansson');
    // The earlier messages are back, and the question still waits for its answer.
    await expect.poll(() => bot(page, 'Vilken tid vill du avboka?').isVisible(), { timeout: 15_000 }).toBe(true);
    const again = page.getByRole('textbox').last();
    // The cancel under way is still there to stop.
    await again.fill('avbryt');
    await again.press('Enter');
    await expect
      .poll(() => bot(page, 'Okej, jag avbryter. Inget har ändrats.').isVisible(), { timeout: 15_000 })
      .toBe(true);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => bot(page, 'Vilken tid vill du avboka?').count(), { timeout: 15_000 }).toBe(0);
    await page.reload();
    await expect.poll(() => bot(page, 'Hej! Jag hjälper dig').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await bot(page, 'Vilken tid vill du avboka?').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('goes on receiving answers after the server restarts, without a reload', async () => {
    const page = await opened(1200, 900);
    await logIn(page, '191212121212', 'Tolvan Tolvansson');
    const input = page.getByRole('textbox').last();
    await input.fill('avboka');
    await input.press('Enter');
    await expect.poll(() => bot(page, 'Vilken tid vill du avboka?').isVisible(), { timeout: 15_000 }).toBe(true);

    // Down for a few seconds, as in a deployment; the page stays open.
    await t.restart({ downMs: 3000 });
    const after = page.getByRole('textbox').last();
    await after.fill('avbryt');
    await after.press('Enter');
    await expect
      .poll(() => bot(page, 'Okej, jag avbryter. Inget har ändrats.').isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.close();
  }, 120_000);
});
