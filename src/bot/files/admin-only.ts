import { hasRole } from '../../domain/person';
import { refusals } from '../../services/refusals';
import type { BotTurn } from '../bot-turn';

/** Refuses, politely and saying who can, anyone but an admin trying to import. */
export function requireImportAdmin(turn: BotTurn): void {
  if (hasRole(turn.person, 'admin')) return;
  throw refusals.adminsOnly(
    'import plans and people files',
    `Please send the file to ${turn.deps.config.ADMIN_CONTACT}, who can import it for you.`,
  );
}
