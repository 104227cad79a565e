/**
 * Raised when the Teams app package cannot be built. Each problem names the manifest field or
 * the setting to fix, so the message is enough to act on.
 */
export class AppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package was not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}
