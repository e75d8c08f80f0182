/**
 * A guard on every socket a test opens: loopback only, and each connection recorded.
 */
import net from 'node:net';

/** Where a Socket#connect call goes. */
export interface ConnectTarget {
  host?: string;
  port?: number;
  path?: string;
}

function targetOf(args: unknown[]): ConnectTarget {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const { host, port, path } = first as {
      host?: string;
      port?: number | string;
      path?: string | null;
    };
    // node's http agent passes `path: null` for TCP: only a non-empty path is a local socket.
    return typeof path === 'string' && path !== ''
      ? { path }
      : { host: host ?? 'localhost', port: Number(port) };
  }
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Records every socket connection from now on and refuses any that is not to a loopback address
 * (a test must never reach AWS or instance metadata). `restore()` ends it.
 */
export function watchConnections(): { readonly targets: ConnectTarget[]; restore(): void } {
  const targets: ConnectTarget[] = [];
  const original = net.Socket.prototype.connect;
  const spy = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
    this: net.Socket,
    ...args: unknown[]
  ) {
    const target = targetOf(args);
    targets.push(target);
    if (target.path === undefined && !LOOPBACK.has(target.host ?? '')) {
      const refused = new Error(
        `test guard: refused a connection to ${target.host}:${target.port}`,
      );
      process.nextTick(() => this.destroy(refused));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as never);
  return { targets, restore: () => spy.mockRestore() };
}

/** {@link watchConnections} for a whole test file. `targets` holds every connection, in order. */
export function guardConnections(): { readonly targets: ConnectTarget[] } {
  const targets: ConnectTarget[] = [];
  let watch: ReturnType<typeof watchConnections> | undefined;
  beforeAll(() => {
    watch = watchConnections();
  });
  afterAll(() => {
    targets.push(...(watch?.targets ?? []));
    watch?.restore();
  });
  return {
    get targets() {
      return watch ? watch.targets : targets;
    },
  };
}
