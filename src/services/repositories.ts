import { ActionsRepository } from '../storage/actions-repository';
import { ImportAuditRepository } from '../storage/import-audit-repository';
import { ImportMarkersRepository } from '../storage/import-markers-repository';
import { ChannelsRepository } from '../storage/channels-repository';
import { LeasesRepository } from '../storage/leases-repository';
import { LedgerRepository } from '../storage/ledger-repository';
import { PeopleRepository } from '../storage/people-repository';
import { PlansRepository } from '../storage/plans-repository';
import { PreviewsRepository } from '../storage/previews-repository';
import { RepliesRepository } from '../storage/replies-repository';
import { RecentActions } from '../storage/recent-actions';
import type { TableStore } from '../storage/table-store';
import { UpdatesRepository } from '../storage/updates-repository';

/** Every repository, built over one store. */
export interface Repositories {
  plans: PlansRepository;
  actions: ActionsRepository;
  updates: UpdatesRepository;
  people: PeopleRepository;
  ledger: LedgerRepository;
  leases: LeasesRepository;
  replies: RepliesRepository;
  previews: PreviewsRepository;
  importAudit: ImportAuditRepository;
  importMarkers: ImportMarkersRepository;
  channels: ChannelsRepository;
}

/**
 * Builds the repositories of a store (part of the composition root). `clock` (milliseconds now)
 * times what the caches of people, plans and recently read actions may still serve.
 */
export function createRepositories(
  store: TableStore,
  options: { clock?: () => number } = {},
): Repositories {
  const { clock } = options;
  // Actions this instance has just read or written, shared so a write and the history it adds
  // are kept together.
  const recent = new RecentActions({ clock });
  return {
    plans: new PlansRepository(store, { clock }),
    actions: new ActionsRepository(store, recent),
    updates: new UpdatesRepository(store, recent),
    people: new PeopleRepository(store, { clock }),
    ledger: new LedgerRepository(store),
    leases: new LeasesRepository(store),
    replies: new RepliesRepository(store),
    previews: new PreviewsRepository(store),
    importAudit: new ImportAuditRepository(store),
    importMarkers: new ImportMarkersRepository(store),
    channels: new ChannelsRepository(store),
  };
}
