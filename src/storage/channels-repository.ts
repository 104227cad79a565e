import { createHash } from 'node:crypto';
import { odata } from '@azure/data-tables';
import {
  WEEKDAYS,
  type ChannelSubscription,
  type Schedule,
  type Weekday,
} from '../domain/channel-subscription';
import { statusCodeOf, translateStorageError } from './errors';
import { safeKey } from './keys';
import type { TableStore } from './table-store';

const PARTITION = 'channel';

interface ChannelEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  planId: string;
  conversationId: string;
  reference: string;
  channelName?: string;
  schedule: string;
  createdBy: string;
  createdAt: string;
}

/** The id of a channel's subscription to a plan: short, and safe as a key. */
export function subscriptionId(conversationId: string, planId: string): string {
  const channel = createHash('sha256').update(conversationId).digest('hex').slice(0, 16);
  return safeKey(`${channel}-${planId}`);
}

function scheduleOf(text: string): Schedule {
  return (WEEKDAYS as readonly string[]).includes(text)
    ? { kind: 'weekly', day: text as Weekday }
    : { kind: 'before-meeting' };
}

function toSubscription(e: ChannelEntity): ChannelSubscription {
  return {
    id: e.rowKey,
    planId: e.planId,
    conversationId: e.conversationId,
    reference: JSON.parse(e.reference) as Record<string, unknown>,
    channelName: e.channelName ?? null,
    schedule: scheduleOf(e.schedule),
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    version: e.etag ?? '',
  };
}

/** Team channels' subscriptions to plan summaries: one row per channel and plan. */
export class ChannelsRepository {
  constructor(private readonly store: TableStore) {}

  /** Every subscription. */
  async list(): Promise<ChannelSubscription[]> {
    const found: ChannelSubscription[] = [];
    try {
      const rows = this.store.table('channels').listEntities<ChannelEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
      });
      for await (const row of rows) found.push(toSubscription(row));
    } catch (error) {
      throw translateStorageError(error, 'channel subscriptions');
    }
    return found;
  }

  /** Creates or replaces a channel's subscription to a plan (a new schedule replaces the old). */
  async save(sub: Omit<ChannelSubscription, 'id' | 'version'>): Promise<ChannelSubscription> {
    const entity: ChannelEntity = {
      partitionKey: PARTITION,
      rowKey: subscriptionId(sub.conversationId, sub.planId),
      planId: sub.planId,
      conversationId: sub.conversationId,
      reference: JSON.stringify(sub.reference),
      channelName: sub.channelName ?? undefined,
      schedule: sub.schedule.kind === 'weekly' ? sub.schedule.day : 'before-meeting',
      createdBy: sub.createdBy,
      createdAt: sub.createdAt,
    };
    try {
      const response = await this.store.table('channels').upsertEntity(entity, 'Replace');
      return toSubscription({ ...entity, etag: response.etag });
    } catch (error) {
      throw translateStorageError(error, 'channel subscription');
    }
  }

  /** Removes a subscription; false when there was none. */
  async remove(id: string): Promise<boolean> {
    try {
      await this.store.table('channels').deleteEntity(PARTITION, id);
      return true;
    } catch (error) {
      if (statusCodeOf(error) === 404) return false;
      throw translateStorageError(error, 'channel subscription');
    }
  }
}
