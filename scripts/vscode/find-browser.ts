// Finds a Chromium for Playwright without downloading one: CHROME_PATH, a system browser, then
// the Chromium packed inside the @sparticuz/chromium devDependency (Linux x64 only).
import * as fs from 'node:fs';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

/** Flags for a headless Chromium in a container: no sandbox (root), no GPU, no network chatter. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Returns the path of a usable Chromium executable, or throws an error that says how to get one. */
export async function findBrowser(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const system = SYSTEM_BROWSERS.find((p) => fs.existsSync(p));
  if (system) return system;
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const sparticuz = (await import('@sparticuz/chromium')).default;
      return await sparticuz.executablePath();
    } catch (err) {
      throw new Error(
        `no system Chromium found and @sparticuz/chromium could not unpack: ${(err as Error).message}`,
      );
    }
  }
  throw new Error(
    'no Chromium found: set CHROME_PATH to a Chrome/Chromium executable, or install one ' +
      '(Debian: apt-get install chromium).',
  );
}

if (require.main === module) {
  findBrowser().then(
    (p) => console.log(p),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
