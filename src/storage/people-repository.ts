import { odata } from '@azure/data-tables';
import { emailKey, ROLES, type DirectoryEntry, type Person, type Role } from '../domain/person';
import { statusCodeOf, translateStorageError } from './errors';
import { safeKey } from './keys';
import { PeopleCache, type PeopleCacheOptions } from './people-cache';
import type { TableStore } from './table-store';

const PEOPLE = 'person';
// Pointer rows from a Teams (AAD) object id to the person's email, so identity is one point read.
const BY_AAD = 'aad';

interface PersonEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  email: string;
  name: string;
  posts: string;
  service?: string;
  roles: string;
  aadObjectId?: string;
  teamsUserId?: string;
  tenantId?: string;
  conversationReference?: string;
  unreachableAt?: string;
  unreachableReason?: string;
  snoozes?: string;
}

/** How the bot reaches a person in Teams, remembered when they talk to it. */
export interface TeamsIdentity {
  aadObjectId?: string | null;
  teamsUserId?: string | null;
  tenantId?: string | null;
  conversationReference?: Record<string, unknown> | null;
}

function toPerson(e: PersonEntity): Person {
  return {
    email: e.email,
    name: e.name,
    posts: JSON.parse(e.posts) as string[],
    service: e.service || null,
    roles: (JSON.parse(e.roles) as string[]).filter((r): r is Role =>
      (ROLES as readonly string[]).includes(r),
    ),
    aadObjectId: e.aadObjectId ?? null,
    teamsUserId: e.teamsUserId ?? null,
    tenantId: e.tenantId ?? null,
    conversationReference: e.conversationReference
      ? (JSON.parse(e.conversationReference) as Record<string, unknown>)
      : null,
    unreachable: e.unreachableAt
      ? { at: e.unreachableAt, reason: e.unreachableReason ?? '' }
      : null,
    snoozes: e.snoozes ? (JSON.parse(e.snoozes) as Record<string, string>) : {},
    version: e.etag ?? '',
  };
}

/** Options of a {@link PeopleRepository}: those of its {@link PeopleCache}. */
export type PeopleRepositoryOptions = PeopleCacheOptions;

/** The council's directory: who holds which posts and roles, and how to reach them in Teams. */
export class PeopleRepository {
  // AAD id → email pairs seen before, so identity is one read per turn, not two. Each hit is
  // checked against the person row it leads to, so a stale pair only costs the second read.
  private readonly emailByAad = new Map<string, string>();
  // Who is talking, for the turn's identity; changes made through this instance drop entries.
  private readonly cache: PeopleCache;

  constructor(
    private readonly store: TableStore,
    options: PeopleRepositoryOptions = {},
  ) {
    this.cache = new PeopleCache(options);
  }

  /** Forgets cached people: everyone, or one person by email. */
  private forget(email?: string): void {
    this.cache.forget(email);
  }

  /**
   * The person who has used Teams with this AAD object id, or null, served from a cache of at
   * most 60 s (`PEOPLE_CACHE_MS`): for finding who is talking, not for writes guarded by version.
   */
  async findByAadObjectIdCached(aadObjectId: string): Promise<Person | null> {
    const hit = this.cache.get(aadObjectId);
    if (hit) return hit;
    const ticket = this.cache.ticket();
    const person = await this.findByAadObjectId(aadObjectId);
    this.cache.set(aadObjectId, person, ticket);
    return person;
  }

  /** The person with this email, or null. */
  async get(email: string): Promise<Person | null> {
    try {
      const row = await this.store
        .table('people')
        .getEntity<PersonEntity>(PEOPLE, safeKey(emailKey(email)));
      return toPerson(row);
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error, `person ${email}`);
    }
  }

  /** The person who has used Teams with this AAD object id, or null. */
  async findByAadObjectId(aadObjectId: string): Promise<Person | null> {
    const aad = aadObjectId.toLowerCase();
    const known = this.emailByAad.get(aad);
    if (known) {
      const person = await this.get(known);
      if (person?.aadObjectId === aad) return person;
      this.emailByAad.delete(aad);
    }
    try {
      const pointer = await this.store
        .table('people')
        .getEntity<{ email: string }>(BY_AAD, safeKey(aad));
      const person = await this.get(pointer.email);
      if (person?.aadObjectId === aad) {
        if (this.emailByAad.size >= 50_000) this.emailByAad.clear();
        this.emailByAad.set(aad, person.email);
      }
      return person;
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error, 'person');
    }
  }

  /** Everyone in the directory. */
  async list(): Promise<Person[]> {
    const people: Person[] = [];
    try {
      const rows = this.store
        .table('people')
        .listEntities<PersonEntity>({ queryOptions: { filter: odata`PartitionKey eq ${PEOPLE}` } });
      for await (const row of rows) people.push(toPerson(row));
    } catch (error) {
      throw translateStorageError(error, 'people');
    }
    return people;
  }

  /**
   * Adds or updates directory entries by email. Only the directory fields are written, so the
   * Teams ids, conversation references and snoozes people already have are kept.
   */
  async importEntries(entries: DirectoryEntry[]): Promise<void> {
    this.forget();
    await this.store.upsertMany(
      'people',
      entries.map((entry) => ({
        partitionKey: PEOPLE,
        rowKey: safeKey(emailKey(entry.email)),
        email: emailKey(entry.email),
        name: entry.name,
        posts: JSON.stringify(entry.posts),
        service: entry.service ?? '',
        roles: JSON.stringify(entry.roles),
      })),
      'Merge',
    );
    this.forget();
  }

  /** Remembers how to reach a person in Teams (last writer wins: these ids do not conflict). */
  async rememberTeamsIdentity(email: string, identity: TeamsIdentity): Promise<void> {
    const key = safeKey(emailKey(email));
    const patch: Record<string, string> = {};
    if (identity.aadObjectId) patch.aadObjectId = identity.aadObjectId.toLowerCase();
    if (identity.teamsUserId) patch.teamsUserId = identity.teamsUserId;
    if (identity.tenantId) patch.tenantId = identity.tenantId;
    if (identity.conversationReference) {
      patch.conversationReference = JSON.stringify(identity.conversationReference);
      // Talking to the bot again means they can be reached again.
      patch.unreachableAt = '';
      patch.unreachableReason = '';
    }
    try {
      await this.store
        .table('people')
        .updateEntity({ partitionKey: PEOPLE, rowKey: key, ...patch }, 'Merge');
      if (identity.aadObjectId) {
        await this.store.table('people').upsertEntity(
          {
            partitionKey: BY_AAD,
            rowKey: safeKey(identity.aadObjectId.toLowerCase()),
            email: emailKey(email),
          },
          'Replace',
        );
      }
    } catch (error) {
      throw translateStorageError(error, `person ${email}`);
    } finally {
      this.forget(email);
    }
  }

  /** Replaces the posts a person holds. */
  async setPosts(email: string, posts: string[]): Promise<void> {
    try {
      await this.store
        .table('people')
        .updateEntity(
          { partitionKey: PEOPLE, rowKey: safeKey(emailKey(email)), posts: JSON.stringify(posts) },
          'Merge',
        );
    } catch (error) {
      throw translateStorageError(error, `person ${email}`);
    } finally {
      this.forget();
    }
  }

  /** Marks a person the bot cannot reach (or clears the mark with null). */
  async markUnreachable(email: string, mark: { at: string; reason: string } | null): Promise<void> {
    try {
      await this.store.table('people').updateEntity(
        {
          partitionKey: PEOPLE,
          rowKey: safeKey(emailKey(email)),
          unreachableAt: mark?.at ?? '',
          unreachableReason: mark?.reason ?? '',
        },
        'Merge',
      );
    } catch (error) {
      throw translateStorageError(error, `person ${email}`);
    } finally {
      this.forget(email);
    }
  }

  /** Saves a person's snoozes, guarded by the version read with them. */
  async saveSnoozes(person: Person): Promise<Person> {
    try {
      const response = await this.store.table('people').updateEntity(
        {
          partitionKey: PEOPLE,
          rowKey: safeKey(emailKey(person.email)),
          snoozes: JSON.stringify(person.snoozes),
        },
        'Merge',
        { etag: person.version },
      );
      return { ...person, version: response.etag ?? '' };
    } catch (error) {
      throw translateStorageError(error, `person ${person.email}`);
    } finally {
      this.forget(person.email);
    }
  }
}
