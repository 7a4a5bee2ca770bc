// Page objects: what a person does in the app, in the app's own words, via data-testid hooks.
import type { Locator, Page } from 'playwright-core';
import type { Person } from './accounts.ts';
import { until } from './wait.ts';

export class AuthPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async signUp(person: Person): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-up`);
    await this.page.getByTestId('auth-name').fill(person.name);
    await this.fillAndSubmit(person);
    await this.page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
  }

  async signIn(person: Person): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-in`);
    await this.fillAndSubmit(person);
  }

  async fillAndSubmit(person: Pick<Person, 'email' | 'password'>): Promise<void> {
    await this.page.getByTestId('auth-email').fill(person.email);
    await this.page.getByTestId('auth-password').fill(person.password);
    await this.page.getByTestId('auth-submit').click();
  }

  error(): Locator {
    return this.page.getByTestId('auth-error');
  }
}

export class TasksPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  items(): Locator {
    return this.page.getByTestId('task-item');
  }

  item(title: string): Locator {
    return this.items().filter({
      has: this.page.getByTestId('task-title').getByText(title, { exact: true }),
    });
  }

  async titles(): Promise<string[]> {
    return this.page.getByTestId('task-title').allInnerTexts();
  }

  /** Waits until the list shows exactly these titles, in any order. */
  async expectTitles(expected: string[]): Promise<void> {
    const want = JSON.stringify([...expected].sort());
    await until(
      async () => (await this.titles()).sort(),
      (titles) => JSON.stringify(titles) === want,
      `the titles ${want}`,
    );
  }

  async quickAdd(text: string): Promise<void> {
    const input = this.page.getByTestId('quick-add-input');
    const before = await this.items().count();
    await input.fill(text);
    await input.press('Enter');
    // The line empties once every task it described is saved.
    await until(
      () => input.inputValue(),
      (value) => value === '',
      'the quick-add line to empty',
    );
    await until(
      () => this.items().count(),
      (count) => count > before,
      'the new task to show',
    );
  }

  async toggle(title: string, index = 0): Promise<void> {
    await this.item(title).nth(index).getByTestId('task-toggle').click();
  }

  async delete(title: string): Promise<void> {
    await this.item(title).getByTestId('task-delete').click();
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  }

  async showStatus(status: 'all' | 'pending' | 'completed'): Promise<void> {
    await this.page.getByTestId(`status-${status}`).click();
  }

  /** Picks a filter; on a phone the filters first unfold. */
  async filter(name: 'priority' | 'tag' | 'due', value: string): Promise<void> {
    const select = this.page.getByTestId(`filter-${name}`);
    if (!(await select.isVisible())) await this.page.getByTestId('filters-toggle').click();
    await select.selectOption(value);
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('task-search').fill(text);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByTestId('clear-filters').first().click();
  }

  counts(): Locator {
    return this.page.getByTestId('task-counts');
  }

  async openEditor(title: string): Promise<Locator> {
    await this.item(title).getByTestId('task-title').click();
    const editor = this.page.getByTestId('task-editor');
    await editor.getByTestId('editor-title').waitFor();
    return editor;
  }
}

export class ChatPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  panel(): Locator {
    return this.page.getByTestId('chat-panel');
  }

  /** On narrow screens the assistant is a drawer behind a floating button. */
  async open(): Promise<void> {
    const opener = this.page.getByTestId('chat-open');
    if (await opener.isVisible()) await opener.click();
    await this.page.getByTestId('chat-input').waitFor();
  }

  async send(text: string): Promise<Locator> {
    const replies = this.page.getByTestId('chat-assistant');
    const before = await replies.count();
    const input = this.page.getByTestId('chat-input');
    await input.fill(text);
    await input.press('Enter');
    const reply = replies.nth(before);
    await reply.waitFor();
    // The reply is finished when its text is no longer marked busy.
    await until(
      () => reply.getByTestId('chat-text').getAttribute('aria-busy'),
      (busy) => busy === null,
      'the reply to finish',
      20_000,
    );
    return reply;
  }

  chips(reply: Locator): Locator {
    return reply.getByTestId('tool-chip');
  }
}

export class SettingsPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/settings`);
    await this.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }

  async createToken(name: string): Promise<string> {
    await this.page.getByTestId('token-name').fill(name);
    await this.page.getByTestId('token-create').click();
    const secret = this.page.getByTestId('token-secret');
    await secret.waitFor();
    return secret.inputValue();
  }

  tokens(): Locator {
    return this.page.getByTestId('token-item');
  }

  snippet(): Locator {
    return this.page.getByTestId('mcp-snippet-code');
  }

  async revoke(name: string): Promise<void> {
    const row = this.tokens().filter({ hasText: name });
    await row.getByTestId('token-revoke').click();
    await row.getByTestId('token-revoke-confirm').click();
  }
}
