// Where the repository and the (git-ignored) test output live.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const resultsDir = path.join(root, 'test-results');
export const screenshotsDir = path.join(resultsDir, 'screenshots');
