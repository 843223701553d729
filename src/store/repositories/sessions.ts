/**
 * Login sessions. The id is the hash of the session token (the service makes and hashes the token; the
 * token itself lives only in the cookie). Sessions are not audited: they change on every request.
 */
import type { Selectable } from 'kysely';
import type { SessionsTable } from '../schema.ts';
import { isoNow, type RepositoryContext } from './context.ts';

export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface NewSession {
  /** The hash of the token. */
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

const toSession = (r: Selectable<SessionsTable>): Session => ({
  id: r.id,
  userId: r.user_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastSeenAt: r.last_seen_at,
});

export class SessionRepository {
  constructor(private readonly context: RepositoryContext) {}

  async create(input: NewSession): Promise<Session> {
    const at = isoNow(this.context);
    const row = {
      id: input.id,
      user_id: input.userId,
      csrf_token: input.csrfToken,
      created_at: at,
      expires_at: input.expiresAt,
      last_seen_at: at,
    };
    await this.context.db.insertInto('sessions').values(row).execute();
    return toSession(row);
  }

  /** The session, when it exists and has not expired. */
  async getValid(id: string): Promise<Session | undefined> {
    const r = await this.context.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .where('expires_at', '>', isoNow(this.context))
      .executeTakeFirst();
    return r && toSession(r);
  }

  /** Marks the session seen now and, when given, moves its expiry (sliding sessions). */
  async touch(id: string, expiresAt?: string): Promise<boolean> {
    const r = await this.context.db
      .updateTable('sessions')
      .set({
        last_seen_at: isoNow(this.context),
        ...(expiresAt === undefined ? {} : { expires_at: expiresAt }),
      })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.context.db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  /** Ends every session of a user (password change, account disabled); returns how many. */
  async deleteForUser(userId: string): Promise<number> {
    const r = await this.context.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Removes expired sessions; returns how many. */
  async deleteExpired(): Promise<number> {
    const r = await this.context.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', isoNow(this.context))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
