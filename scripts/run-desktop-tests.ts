// `npm run test:desktop`: the same integration suites under desktop VS Code via @vscode/test-electron.
// It downloads VS Code into .vscode-test/ on first use, so it needs internet and is not part of `npm test`.
import { runTests } from '@vscode/test-electron';
import { buildIntegrationTests } from './vscode/build-integration-tests';
import { EXAMPLES_DIR, PROJECT_ROOT } from './vscode/paths';

async function main(): Promise<void> {
  const extensionTestsPath = await buildIntegrationTests();
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath,
    launchArgs: [
      EXAMPLES_DIR,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
}

main().catch((err: Error) => {
  console.error(`[desktop] ${err.message}`);
  console.error(
    '[desktop] this runner downloads VS Code; offline, use `npm run test:integration` (code-server) instead.',
  );
  process.exit(1);
});
