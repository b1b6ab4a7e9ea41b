// Settings for a fresh test/demo profile: no welcome page, tips, telemetry or update checks,
// so the workbench opens straight onto the workspace and UI tests see a quiet screen.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 300,
};

/** Writes User/settings.json into a fresh user-data folder. */
export function writeUserSettings(userDataDir: string): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`);
}
