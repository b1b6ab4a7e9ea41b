// Launches the headless Chromium that drives the workbench, through playwright-core (no downloads).
// Playwright kills the browsers it launched when this process exits or gets SIGINT/SIGTERM.
import { chromium, type Browser } from 'playwright-core';
import { BROWSER_ARGS, findBrowser } from './find-browser';

/** Starts the headless Chromium that findBrowser() locates. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await findBrowser();
  return chromium.launch({ executablePath, headless: true, args: BROWSER_ARGS });
}
