/** What a preview is of: a plan document or a people file. */
export type PreviewKind = 'plan' | 'people';

/** Where a preview stands: waiting, being imported, imported or cancelled. */
export type PreviewState = 'open' | 'claimed' | 'imported' | 'cancelled';

/** A file read and shown to an admin but not imported yet, with what was read from it. */
export interface Preview<T = unknown> {
  id: string;
  kind: PreviewKind;
  fileName: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  state: PreviewState;
  /** Who claimed, imported or cancelled it, and when. */
  settledBy: string | null;
  settledByName: string | null;
  settledAt: string | null;
  /** What the import did, as the service recorded it (JSON), once imported. */
  outcome: string | null;
  payload: T;
  /** Opaque concurrency token of the preview's state. */
  version: string;
}
