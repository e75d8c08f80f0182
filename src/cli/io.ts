import type { Readable, Writable } from 'node:stream';

/**
 * Where the command line tool reads and writes: the process's own streams in the bin, anything
 * else in a test or an embedding program.
 * @internal
 */
export interface CliIo {
  /** Receives the response body, byte for byte (and `--help`). */
  readonly stdout: Writable;
  /** Receives the status line, `-i` headers, `-v` details and error messages. */
  readonly stderr: Writable;
  /** Read for `-d @-` / `--data-binary @-`. */
  readonly stdin: Readable;
}
