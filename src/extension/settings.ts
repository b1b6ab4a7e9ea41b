// Reads the extension's settings from the workspace configuration (scoped to a document when given,
// so folder and language overrides apply). The mapping itself lives in settingsModel.ts.
import * as vscode from 'vscode';
import { normalizeSettings, SETTINGS_SECTION, type LabSettings, type SettingKey } from './settingsModel';

export type { LabSettings } from './settingsModel';

/** The current settings, for a new run started from `scope` (a document or its URI). */
export function readSettings(scope?: vscode.ConfigurationScope): LabSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return normalizeSettings((key: SettingKey) => config.get<unknown>(key));
}

/** Whether a configuration change touches any of this extension's settings. */
export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_SECTION);
}
