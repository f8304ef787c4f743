/** Makes sure the Debian tools the live tests need are present before any test starts. */
import { ensureTools } from './tools.ts';

export default async function setup(): Promise<void> {
  await ensureTools();
}
