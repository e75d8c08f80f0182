import { SigV4OptionsError } from '../errors';
import type { SigV4Logger } from '../types';

/** Writes one debug event; everything given to it is already redacted. @internal */
export type DebugLog = (message: string, details: Readonly<Record<string, unknown>>) => void;

const PREFIX = 'aws-sigv4-interceptor: ';

/** A logger's failure must never fail the request it was telling about. */
const neverThrowing =
  (write: DebugLog): DebugLog =>
  (message, details) => {
    try {
      write(message, details);
    } catch {
      // a broken logger loses its line, not the caller's request
    }
  };

/**
 * The `debug` option as a function: `true` writes to `console.debug`, a logger's `debug` method
 * is called as loggers expect (pino, winston, Powertools and console all take a message and an
 * object), and nothing at all is done when the option is off. A logger that throws is ignored.
 * @internal
 */
export function resolveDebug(option: boolean | SigV4Logger | undefined): DebugLog | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) {
    return neverThrowing((message, details) => console.debug(PREFIX + message, details));
  }
  if (typeof option !== 'object' || option === null || typeof option.debug !== 'function') {
    throw new SigV4OptionsError(
      'INVALID_OPTIONS',
      'Invalid option `debug`',
      'pass true (console.debug) or a logger with a debug(message, details) method',
    );
  }
  return neverThrowing((message, details) => option.debug(PREFIX + message, details));
}
