// How long the extension took to activate, as VS Code measured it (code loading plus activate()),
// read off "Developer: Show Running Extensions" like a person would.
import type { Workbench } from './workbench';

/** The extension's activation as the Running Extensions view shows it. */
export interface Activation {
  readonly ms: number;
  /** True when VS Code activated it at start-up rather than on one of its activation events. */
  readonly startup: boolean;
}

/** Opens the Running Extensions view and reads the activation of `displayName` once it has activated. */
export async function readActivation(workbench: Workbench, displayName: string): Promise<Activation> {
  await workbench.runCommand('Developer: Show Running Extensions');
  const time = workbench.page
    .locator('.monaco-list-row', { hasText: displayName })
    .locator('.activation-time')
    .filter({ hasText: /Activation: \d+ms/ });
  await time.waitFor({ timeout: 30_000 });
  const text = (await time.innerText()).trim();
  const match = /^(Startup )?Activation: (\d+)ms/i.exec(text);
  if (!match) throw new Error(`unexpected activation text: ${text}`);
  return { ms: Number(match[2]), startup: match[1] !== undefined };
}
