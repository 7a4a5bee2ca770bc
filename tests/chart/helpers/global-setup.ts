// Unpacks Helm and kubectl once before the test files run in parallel.
import { ensureTools } from './tools.ts';

export default function setup(): void {
  ensureTools();
}
