/**
 * Servers started by a jest hook or by the test itself and always closed after it, passed or
 * failed. Each helper returns a stand-in: an object that forwards every property read to the
 * server of the moment, so tests and file-level helpers keep writing `api.url` while the server
 * behind it is a new one in every test, without a `let` that every hook reassigns.
 */

/** A server a test starts and must close. */
export interface Closable {
  close(): Promise<void>;
}

/** Forwards property reads to `current()`; reading with no server running names the helper. */
function standIn<Server extends Closable>(current: () => Server | undefined, what: string): Server {
  const running = () => {
    const server = current();
    if (!server) throw new Error(`${what}: no server is running now`);
    return server;
  };
  return new Proxy({} as Server, {
    get: (_, key) => Reflect.get(running(), key),
    has: (_, key) => Reflect.has(running(), key),
  });
}

/** The server of the moment, and its closing that is safe to run when none started. */
function slot<Server extends Closable>() {
  let server: Server | undefined;
  return {
    current: () => server,
    set: (started: Server) => (server = started),
    close: async () => {
      const started = server;
      server = undefined;
      await started?.close();
    },
  };
}

/** Starts a server before each test (after the hooks declared earlier) and closes it after. */
export function startedBeforeEach<Server extends Closable>(start: () => Promise<Server>): Server {
  const held = slot<Server>();
  beforeEach(async () => void held.set(await start()));
  afterEach(held.close);
  return standIn(held.current, 'startedBeforeEach');
}

/** Starts one server for the whole file (`timeoutMs` for a slow start) and closes it at the end. */
export function startedBeforeAll<Server extends Closable>(
  start: () => Promise<Server>,
  timeoutMs?: number,
): Server {
  const held = slot<Server>();
  beforeAll(async () => void held.set(await start()), timeoutMs);
  afterAll(held.close);
  return standIn(held.current, 'startedBeforeAll');
}

/**
 * A server each test starts itself, with its own arguments (`start(...)`, at most once per test),
 * closed after the test: for servers whose options differ from test to test.
 */
export function startedByTest<Server extends Closable, Args extends unknown[]>(
  start: (...args: Args) => Promise<Server>,
): [server: Server, start: (...args: Args) => Promise<Server>] {
  const held = slot<Server>();
  afterEach(held.close);
  const startOnce = async (...args: Args) => {
    if (held.current()) throw new Error('startedByTest: this test already started its server');
    return held.set(await start(...args));
  };
  return [standIn(held.current, 'startedByTest'), startOnce];
}
