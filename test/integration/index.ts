// Mocha runner loaded by VS Code through extensionTestsPath (code-server payload or test-electron):
// runs every compiled *.test.js next to this file and rejects when a test fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Entry point VS Code calls once the extension under test is loaded. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js suites found in ${__dirname}`));
      return;
    }
    try {
      mocha.run((failures) =>
        failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve(),
      );
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
