// Drives the VS Code workbench like a person: the explorer, quick open, find-to-select, command palette,
// right-click menu, mouse hover, and the content of webview panels.
import type { FrameLocator, Locator, Page } from 'playwright-core';

const SHORT = 10_000;
const LONG = 30_000;

/** A workbench page with helpers for the actions the E2E specs need. */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits for the workbench shell and the explorer listing the workspace files. */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /**
   * Opens a file at the workspace root with a click on its row in the explorer, and waits for its
   * editor. (Not Quick Open: its file search depends on ripgrep, which this should not test.)
   */
  async openFile(fileName: string): Promise<void> {
    const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileName}"]`);
    if (!(await row.isVisible())) await this.runCommand('View: Show Explorer');
    await row.click({ timeout: SHORT });
    await this.page.locator('.tab.active', { hasText: fileName }).waitFor({ timeout: SHORT });
    await this.activeEditor().locator('.view-line').first().waitFor({ timeout: SHORT });
  }

  /** Types `query` into Quick Open (Ctrl+P) and returns the labels of the files it lists once `expected` is among them. */
  async quickOpenFiles(query: string, expected: string): Promise<string[]> {
    await this.openQuickInput('Control+P', query);
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: expected }).first().waitFor({ timeout: LONG });
    const labels = await rows.locator('.label-name').allTextContents();
    await this.page.keyboard.press('Escape');
    return labels.map((l) => l.trim());
  }

  /**
   * Clicks into the active editor's text with the mouse alone. A locator click would first scroll
   * the element into view, and scrolling the editor's own layers behind its back leaves it drawing
   * a blank, shifted page that swallows the click.
   */
  private async focusEditor(): Promise<void> {
    const text = this.activeEditor().locator('.editor-scrollable').first();
    await text.waitFor({ timeout: SHORT });
    const box = await text.boundingBox();
    if (!box) throw new Error('the active editor is not on screen');
    await this.page.mouse.click(box.x + 5, box.y + 5);
  }

  /** The editor group's active code editor. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Selects the first occurrence of `text` in the active editor with the find widget (Ctrl+F, type, Escape). */
  async selectText(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const findInput = this.page.locator('.find-widget.visible textarea, .find-widget.visible input').first();
    await findInput.waitFor({ timeout: SHORT });
    await findInput.fill(text);
    await this.page
      .locator('.find-widget .matchesCount', { hasNotText: 'No results' })
      .waitFor({ timeout: SHORT });
    await findInput.press('Escape');
    await this.page.locator('.find-widget.visible').waitFor({ state: 'hidden', timeout: SHORT });
    await this.page
      .locator('.statusbar-item', { hasText: `(${text.length} selected)` })
      .waitFor({ timeout: SHORT });
  }

  /**
   * Screen rectangle of the current selection in the active editor. The editor paints the
   * selection's overlay a frame or more after the selection changed (and again after scrolling
   * it into view), so the rectangle is read once the overlay is painted with a size.
   */
  async selectionBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const overlay = this.activeEditor()
      .locator('.view-overlays .selected-text')
      .filter({ visible: true })
      .first();
    const deadline = Date.now() + SHORT;
    for (;;) {
      await overlay.waitFor({ timeout: SHORT }).catch(() => undefined);
      const box = await overlay.boundingBox({ timeout: 1000 }).catch(() => null);
      if (box && box.width > 0 && box.height > 0) return box;
      if (Date.now() > deadline) throw new Error('no visible selection in the active editor');
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Opens the command palette (F1), types `query` and returns the listed labels once an entry
   * containing `expected` shows (or the wait runs out). The palette does not refresh its list
   * when the extension host registers contributions later, so it is reopened until then.
   */
  async paletteEntries(query: string, expected: string): Promise<string[]> {
    const found = await this.openPaletteUntil(query, expected);
    const labels = await this.paletteRows().locator('.quick-input-list-label, .label-name').allTextContents();
    await this.page.keyboard.press('Escape');
    if (!found) await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: SHORT });
    return labels.map((l) => l.trim());
  }

  /** Runs a command by its title from the command palette (F1), as a person would: type, Enter. */
  async runCommand(title: string): Promise<void> {
    if (!(await this.openPaletteUntil(title, title))) {
      throw new Error(`the command palette does not list "${title}"`);
    }
    const rows = this.paletteRows();
    for (let i = 0; i < 20; i++) {
      const focused = (await rows.and(this.page.locator('.focused')).first().textContent()) ?? '';
      if (focused.includes(title)) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: SHORT });
  }

  private paletteRows(): Locator {
    return this.page.locator('.quick-input-list .monaco-list-row');
  }

  private async openPaletteUntil(query: string, expected: string): Promise<boolean> {
    const deadline = Date.now() + LONG;
    for (;;) {
      await this.openPalette(query);
      try {
        await this.paletteRows().filter({ hasText: expected }).first().waitFor({ timeout: 2000 });
        return true;
      } catch {
        if (Date.now() > deadline) return false;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Opens the command palette with F1 and types `>text`. */
  private async openPalette(text: string): Promise<void> {
    await this.openQuickInput('F1', `>${text}`);
  }

  /**
   * Opens the quick input with `key` and types `text`. Right after a click on a webview's tab the
   * key can stay in the webview, or the webview takes focus a moment later and closes the quick
   * input again (it hides on blur); either way the keyboard goes back to the workbench and the key
   * comes again.
   */
  private async openQuickInput(key: string, text: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({ timeout: attempt < 3 ? 5000 : SHORT });
        await input.fill(text, { timeout: 3000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        await this.focusWorkbench();
      }
    }
  }

  /**
   * Gives the keyboard back to the workbench: keys typed while a webview has focus stay in the
   * webview, so a click on the middle of the status bar (an empty spot) comes first.
   */
  async focusWorkbench(): Promise<void> {
    const bar = this.page.locator('.part.statusbar');
    const box = await bar.boundingBox();
    if (!box) throw new Error('the status bar is not shown');
    await bar.click({ position: { x: box.width / 2, y: box.height / 2 } });
  }

  /** Right-clicks the current selection and returns the editor context menu's item labels. */
  async openContextMenuOnSelection(): Promise<string[]> {
    const box = await this.selectionBox();
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    return this.contextMenuLabels();
  }

  /**
   * Right-clicks the selection until its context menu lists `expected` (or the wait runs out) and
   * returns the labels. The workbench adds an extension's menu items once its host has read the
   * extension; a menu opened before then lacks them, so it is closed and opened again.
   */
  async contextMenuWith(expected: string): Promise<string[]> {
    const deadline = Date.now() + LONG;
    for (;;) {
      const labels = await this.openContextMenuOnSelection();
      if (labels.includes(expected) || Date.now() > deadline) return labels;
      await this.page.keyboard.press('Escape');
      await this.page.locator('.monaco-menu').waitFor({ state: 'hidden', timeout: SHORT });
      await this.page.waitForTimeout(500);
    }
  }

  /** Right-clicks the editor at a screen point and returns the context menu's item labels. */
  async openContextMenuAt(x: number, y: number): Promise<string[]> {
    await this.page.mouse.click(x, y, { button: 'right' });
    return this.contextMenuLabels();
  }

  private async contextMenuLabels(): Promise<string[]> {
    const items = this.page.locator('.monaco-menu .action-item .action-label');
    await items.first().waitFor({ timeout: SHORT });
    return (await items.allTextContents()).map((l) => l.trim()).filter((l) => l.length > 0);
  }

  /**
   * Chooses an item of the open context menu: the mouse moves onto it (focusing it) and Enter
   * runs it; a click right after the menu opens is ignored by VS Code, which guards against the
   * right button's release choosing an item.
   */
  async chooseContextMenuItem(label: string): Promise<void> {
    const item = this.page.locator('.monaco-menu .action-item', { hasText: label }).first();
    await item.hover();
    await this.page
      .locator('.monaco-menu .action-item.focused', { hasText: label })
      .waitFor({ timeout: SHORT });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.monaco-menu').waitFor({ state: 'hidden', timeout: SHORT });
  }

  /**
   * Moves the mouse over the first occurrence of `text` and returns the hover's text once it
   * contains `expected`. A hover asked before the extension activated stays empty until the
   * mouse moves again, so the mouse leaves and comes back until the wait runs out.
   */
  async hoverText(text: string, expected: string): Promise<string> {
    await this.selectText(text);
    const box = await this.selectionBox();
    // Collapse the selection so the hover answers for the text under the mouse, not a selection.
    await this.page.keyboard.press('ArrowLeft');
    const hover = this.page.locator('.monaco-hover:visible', { hasText: expected }).first();
    const deadline = Date.now() + LONG;
    for (;;) {
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      try {
        await hover.waitFor({ timeout: 4000 });
        return (await hover.textContent()) ?? '';
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await this.page.mouse.move(150, 700, { steps: 3 });
      }
    }
  }

  /** The editor tab of a webview panel by its title. */
  panelTab(title: string): Locator {
    return this.page.locator('.tab', { hasText: title });
  }

  /** The content document of the (single visible) webview panel. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }
}
