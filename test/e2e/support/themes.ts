// VS Code's colour themes as a person picks them ("Preferences: Color Theme"), for the specs that
// look at the panel in each theme.
import type { Workbench } from './workbench';

const WAIT = 30_000;

/** The themes the panel is looked at in: the label typed, the name listed, and the classes they set. */
export const THEMES = [
  {
    label: 'Dark Modern',
    name: 'Default Dark Modern',
    file: 'dark',
    workbenchClass: 'vs-dark',
    webviewClass: 'vscode-dark',
  },
  {
    label: 'Light Modern',
    name: 'Default Light Modern',
    file: 'light',
    workbenchClass: 'vs',
    webviewClass: 'vscode-light',
  },
  {
    label: 'Dark High Contrast',
    name: 'Default High Contrast',
    file: 'high-contrast',
    workbenchClass: 'hc-black',
    webviewClass: 'vscode-high-contrast',
  },
] as const;
export type Theme = (typeof THEMES)[number];

/** Picks a colour theme with "Preferences: Color Theme" (Ctrl+K Ctrl+T), as a person would, and waits until the panel took it. */
export async function useTheme(workbench: Workbench, theme: Theme): Promise<void> {
  const { page } = workbench;
  await workbench.focusWorkbench();
  // "Preferences: Color Theme" by its key binding.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input');
  await page
    .locator('.quick-input-widget input[placeholder^="Select Color Theme"]')
    .waitFor({ timeout: WAIT });
  await input.fill(theme.label);
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: theme.name })
    .waitFor({ timeout: WAIT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT });
  await page.locator(`.monaco-workbench.${theme.workbenchClass}`).waitFor({ timeout: WAIT });
  await workbench.webview().locator(`body.${theme.webviewClass}`).waitFor({ timeout: WAIT });
}
