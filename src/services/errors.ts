/** A request the user may not make; the message says why, in plain words. */
export class NotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAllowedError';
  }
}

/** Input that cannot be accepted; the message tells the user what to change. */
export class ValidationError extends Error {
  /** The same problems by input ("note", "revisedDue"…), for cards that show them beside it. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(message: string, fields: Record<string, string> = {}) {
    super(message);
    this.fields = fields;
    this.name = 'ValidationError';
  }
}

/** Something asked for that does not exist; the message names it. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
