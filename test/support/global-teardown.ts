import type { AzuriteHandle } from '../../src/storage/azurite';

/** Stops the Azurite that global setup started. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __azurite__?: AzuriteHandle }).__azurite__?.stop();
}
