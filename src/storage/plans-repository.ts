import { odata } from '@azure/data-tables';
import type { Plan, PlanLifecycle } from '../domain/action';
import { isLabelScheme } from '../domain/status';
import { statusCodeOf, translateStorageError } from './errors';
import type { TableStore } from './table-store';

const PARTITION = 'plan';

interface PlanEntity {
  partitionKey: string;
  rowKey: string;
  title: string;
  date?: string;
  committee?: string;
  sourceFile?: string;
  importedAt: string;
  importedBy?: string;
  timezone: string;
  chairDigestEmails?: string;
  signOff?: boolean;
  labels?: string;
  lifecycle?: string;
  closedAt?: string;
  reportDates?: string;
  meetings?: string;
}

const LIFECYCLES: readonly string[] = ['open', 'closed', 'archived'] satisfies PlanLifecycle[];

function toPlan(e: PlanEntity): Plan {
  return {
    id: e.rowKey,
    title: e.title,
    date: e.date ?? null,
    committee: e.committee ?? null,
    sourceFile: e.sourceFile ?? null,
    importedAt: e.importedAt,
    ...(e.importedBy ? { importedBy: e.importedBy } : {}),
    timezone: e.timezone,
    chairDigestEmails: e.chairDigestEmails ? (JSON.parse(e.chairDigestEmails) as string[]) : [],
    signOff: e.signOff !== false,
    labels: isLabelScheme(e.labels) ? e.labels : 'standard',
    lifecycle: LIFECYCLES.includes(e.lifecycle ?? '') ? (e.lifecycle as PlanLifecycle) : 'open',
    closedAt: e.closedAt ?? null,
    reportDates: e.reportDates ? (JSON.parse(e.reportDates) as string[]) : [],
    ...(e.meetings ? { meetings: JSON.parse(e.meetings) as string[] } : {}),
  };
}

function toEntity(plan: Plan): PlanEntity {
  return {
    partitionKey: PARTITION,
    rowKey: plan.id,
    title: plan.title,
    date: plan.date ?? undefined,
    committee: plan.committee ?? undefined,
    sourceFile: plan.sourceFile ?? undefined,
    importedAt: plan.importedAt,
    importedBy: plan.importedBy ?? undefined,
    timezone: plan.timezone,
    chairDigestEmails: JSON.stringify(plan.chairDigestEmails),
    signOff: plan.signOff ?? true,
    labels: plan.labels ?? 'standard',
    lifecycle: plan.lifecycle ?? 'open',
    closedAt: plan.closedAt ?? undefined,
    reportDates: JSON.stringify(plan.reportDates ?? []),
    meetings: plan.meetings ? JSON.stringify(plan.meetings) : undefined,
  };
}

/** Longest a plan read for a card update is kept for the next one: plans change rarely. */
export const PLAN_CACHE_MS = 60_000;

/** Options of a {@link PlansRepository}. */
export interface PlansRepositoryOptions {
  /** How long a plan read by {@link PlansRepository.getCached} is kept (at most 60 s). */
  cacheMs?: number;
  /** Milliseconds now (tests move it). */
  clock?: () => number;
}

/** Stores action plans (one row each). */
export class PlansRepository {
  private readonly cached = new Map<string, { plan: Plan; at: number }>();
  private readonly cacheMs: number;
  private readonly clock: () => number;
  // Moved on by every save here: a read that started before a save is not kept after it.
  private generation = 0;

  constructor(
    private readonly store: TableStore,
    options: PlansRepositoryOptions = {},
  ) {
    this.cacheMs = Math.min(options.cacheMs ?? PLAN_CACHE_MS, PLAN_CACHE_MS);
    this.clock = options.clock ?? (() => Date.now());
  }

  /**
   * The plan, or null, served from a cache of at most {@link PLAN_CACHE_MS}: for showing a plan's
   * title and settings on a card, not for decisions. A plan saved by this instance is read again
   * at once; one changed elsewhere (the CLI, another instance) shows within a minute.
   */
  async getCached(id: string): Promise<Plan | null> {
    const now = this.clock();
    const hit = this.cached.get(id);
    if (hit && now - hit.at < this.cacheMs) return hit.plan;
    const generation = this.generation;
    const plan = await this.get(id);
    if (plan && generation === this.generation) {
      // Councils hold tens of plans; the bound only guards against a flood of made-up ids.
      if (this.cached.size >= 1_000) this.cached.clear();
      this.cached.set(id, { plan, at: now });
    } else this.cached.delete(id);
    return plan;
  }

  /** The plan, or null when there is none with that id. */
  async get(id: string): Promise<Plan | null> {
    try {
      return toPlan(await this.store.table('plans').getEntity<PlanEntity>(PARTITION, id));
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error, `plan ${id}`);
    }
  }

  /** Every plan, by id. */
  async list(): Promise<Plan[]> {
    const plans: Plan[] = [];
    try {
      const rows = this.store.table('plans').listEntities<PlanEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
      });
      for await (const row of rows) plans.push(toPlan(row));
    } catch (error) {
      throw translateStorageError(error, 'plans');
    }
    return plans;
  }

  /** Creates or replaces a plan. */
  async save(plan: Plan): Promise<void> {
    this.generation += 1;
    this.cached.delete(plan.id);
    try {
      await this.store.table('plans').upsertEntity(toEntity(plan), 'Replace');
    } catch (error) {
      throw translateStorageError(error, `plan ${plan.id}`);
    } finally {
      this.generation += 1;
      this.cached.delete(plan.id);
    }
  }
}
