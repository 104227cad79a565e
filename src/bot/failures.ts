import { NotAllowedError, NotFoundError, ValidationError } from '../services/errors';
import { ConflictError, StorageUnavailableError } from '../storage/errors';

/** An expected failure, and what to tell the person. */
export interface Failure {
  kind: 'not-allowed' | 'invalid' | 'not-found' | 'conflict' | 'unavailable';
  message: string;
}

/**
 * Turns an expected failure into a message for the person; null for unexpected errors,
 * which go to the turn error handler.
 */
export function describeFailure(error: unknown, from: 'card' | 'message' = 'card'): Failure | null {
  if (error instanceof NotAllowedError) return { kind: 'not-allowed', message: error.message };
  if (error instanceof ValidationError) return { kind: 'invalid', message: error.message };
  if (error instanceof NotFoundError) return { kind: 'not-found', message: error.message };
  if (error instanceof ConflictError) {
    return {
      kind: 'conflict',
      message: 'Someone else was saving this action at the same moment. Please try again.',
    };
  }
  if (error instanceof StorageUnavailableError) {
    return {
      kind: 'unavailable',
      message:
        "Sorry, I couldn't save that just now because the action store isn't answering. " +
        (from === 'card'
          ? 'Please try again in a minute: what you typed is still on the card.'
          : 'Your message is still in the chat above: please send it again in a minute.'),
    };
  }
  return null;
}
