import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging/logger';

/** A logger whose JSON lines are kept in memory, for tests that read what was logged. */
export interface LogCapture {
  logger: Logger;
  /** Everything written so far, as raw text. */
  text(): string;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
}

/** The app's real logger (same redaction and format) writing into memory. */
export function captureLogs(level = 'info'): LogCapture {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger(level, stream);
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
