// The assistant end to end: a streamed reply, chips saying what changed, the list refreshing at
// once, Urdu right to left, conversation history, and the drawer on a phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPerson } from './support/accounts.ts';
import { AuthPage, ChatPage, TasksPage } from './support/app.ts';
import { launchBrowser, openPage, type TestPage } from './support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let session: TestPage;
let chat: ChatPage;
let tasks: TasksPage;

const direction = (selector: import('playwright-core').Locator) =>
  selector.evaluate((element) => getComputedStyle(element).direction);

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openPage(browser);
  chat = new ChatPage(session.page);
  tasks = new TasksPage(session.page);
  await new AuthPage(session.page, baseUrl).signUp(newPerson('Sara'));
});

afterAll(async () => {
  await browser?.close();
});

describe('chat', () => {
  it('suggests prompts to a new user', async () => {
    await chat.open();
    const suggestions = session.page.getByTestId('suggested-prompts').getByRole('button');
    expect(await suggestions.count()).toBeGreaterThan(3);
    expect(await session.page.getByTestId('assistant-model').innerText()).toMatch(/offline engine/);
  });

  it('adds a task through a streamed reply and the list refreshes at once', async () => {
    const streamed = session.page.waitForResponse((response) =>
      response.url().endsWith('/api/me/chat/stream'),
    );
    const reply = await chat.send('Buy eggs tomorrow at 9am #errands');
    const response = await streamed;
    expect(response.headers()['content-type']).toMatch(/text\/event-stream/);
    expect(await reply.getByTestId('chat-text').innerText()).toMatch(/Added "Buy eggs"/);
    expect(await chat.chips(reply).allInnerTexts()).toEqual(['Added “Buy eggs”']);
    await expect.poll(() => tasks.item('Buy eggs').count()).toBe(1);
    expect(await tasks.item('Buy eggs').getByTestId('task-tag').allInnerTexts()).toEqual([
      '#errands',
    ]);
  });

  it('completes a task by chat and says so', async () => {
    const reply = await chat.send('mark buy eggs as done');
    expect(await chat.chips(reply).allInnerTexts()).toEqual(['Completed “Buy eggs”']);
    await expect.poll(() => tasks.item('Buy eggs').getAttribute('data-completed')).toBe('true');
  });

  it('renders Urdu right to left, in the chat and in the list', async () => {
    const reply = await chat.send('کل شام 5 بجے دودھ خریدنا شامل کرو');
    const mine = session.page.getByTestId('chat-user').last().getByTestId('chat-text');
    expect(await direction(mine)).toBe('rtl');
    expect(await direction(reply.getByTestId('chat-text'))).toBe('rtl');
    const title = tasks.item('دودھ خریدنا').getByTestId('task-title');
    await title.waitFor();
    expect(await direction(title)).toBe('rtl');
    expect(
      await direction(session.page.getByTestId('chat-user').first().getByTestId('chat-text')),
    ).toBe('ltr');
  });

  it('keeps conversations to switch between and delete', async () => {
    await session.page.getByTestId('chat-new').click();
    await session.page.getByTestId('suggested-prompts').waitFor();
    await chat.send("what's pending?");
    await session.page.getByTestId('chat-history-toggle').click();
    const items = session.page.getByTestId('conversation-item');
    await expect.poll(() => items.count()).toBe(2);

    // The older conversation opens with its messages.
    await items.nth(1).getByRole('button').first().click();
    await expect.poll(() => session.page.getByTestId('chat-user').count()).toBe(3);

    await session.page.getByTestId('chat-history-toggle').click();
    await items.nth(0).getByTestId('conversation-delete').click();
    await items.nth(0).getByTestId('conversation-delete-confirm').click();
    await expect.poll(() => items.count()).toBe(1);
  });

  it('survives a reload with the conversation still open', async () => {
    await session.page.reload();
    await expect.poll(() => session.page.getByTestId('chat-user').count()).toBe(3);
  });

  it('is a drawer on a phone that Escape closes', async () => {
    const phone = await openPage(browser, { viewport: 'phone' });
    await new AuthPage(phone.page, baseUrl).signUp(newPerson('Omar'));
    const drawerChat = new ChatPage(phone.page);
    expect(await drawerChat.panel().isVisible()).toBe(false);
    await drawerChat.open();
    const dialog = phone.page.getByRole('dialog', { name: 'Assistant' });
    await dialog.waitFor();
    // Focus lands in the composer so the user can type at once.
    expect(await phone.page.evaluate(() => document.activeElement?.id)).toBe('chat-input');
    const reply = await drawerChat.send('add water the plants every Monday');
    expect(await drawerChat.chips(reply).allInnerTexts()).toEqual(['Added “Water the plants”']);
    await phone.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => new TasksPage(phone.page).item('Water the plants').count()).toBe(1);
    expect(
      await phone.page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('chat-open');
    expect(phone.consoleErrors()).toEqual([]);
    await phone.context.close();
  });

  it('takes a spoken message through the browser’s speech recognition', async () => {
    const speaker = await openPage(browser);
    // Recognition needs a microphone and a speech service; a stand-in says one sentence.
    await speaker.context.addInitScript(() => {
      class FakeRecognition {
        lang = '';
        onresult: ((event: unknown) => void) | null = null;
        onend: (() => void) | null = null;
        start() {
          setTimeout(() => {
            const phrase = this.lang === 'ur-PK' ? 'میرے کام دکھاؤ' : "what's due today";
            this.onresult?.({
              resultIndex: 0,
              results: [{ isFinal: true, 0: { transcript: phrase } }],
            });
            this.onend?.();
          }, 50);
        }
        stop() {}
        abort() {}
      }
      Object.assign(window, {
        SpeechRecognition: FakeRecognition,
        webkitSpeechRecognition: FakeRecognition,
      });
    });
    await new AuthPage(speaker.page, baseUrl).signUp(newPerson('Ali'));
    await speaker.page.getByTestId('voice-button').click();
    const input = speaker.page.getByTestId('chat-input');
    await expect.poll(() => input.inputValue()).toBe("what's due today");
    await speaker.page.getByLabel('Voice language').selectOption('ur-PK');
    await speaker.page.getByTestId('voice-button').click();
    await expect.poll(() => input.inputValue()).toBe('میرے کام دکھاؤ');
    expect(await direction(input)).toBe('rtl');
    expect(speaker.consoleErrors()).toEqual([]);
    await speaker.context.close();
  });

  it('logged no console errors', () => {
    expect(session.consoleErrors()).toEqual([]);
  });
});
