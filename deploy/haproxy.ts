/**
 * The HAProxy configuration in front of several server processes: WebSocket upgrades passed
 * through, and every request of one negotiation sent to the same process (affinity by negotiation
 * id, hashed consistently, so that a process's death moves only its own negotiations). The id is
 * read from the paths that carry one: `/api/negotiations/<id>/…`, `/collab/<kind>.<id>` and
 * `/api/collab/<kind>.<id>/access`; other requests (sign-in, static files) go to any process.
 * Health checks take a dead process out within about two seconds (its port refuses connections)
 * and a hung one within about eleven (two checks unanswered for 5 s each); a process merely busy
 * for a moment stays in. Its clients reconnect to the process that takes its negotiations over. `deploy/haproxy.cfg` is this configuration for three
 * hosts; `npm run cluster` writes one for processes on this machine.
 */

/** A server process behind the load balancer. */
export interface Backend {
  name: string;
  host: string;
  port: number;
}

/** What the configuration is made from. */
export interface HaproxyOptions {
  /** Address and port the load balancer listens on, e.g. `:3000` or `0.0.0.0:443 ssl crt …`. */
  bind: string;
  backends: readonly Backend[];
  /** Milliseconds between health checks of each process. */
  checkIntervalMs?: number;
  /**
   * Name the process that answered in an `X-Served-By` header of every response (on one machine,
   * for the cluster's tests and benchmark, which need to know which process owns a negotiation).
   */
  identifyServer?: boolean;
}

/** The response header naming the process that answered (see `HaproxyOptions.identifyServer`). */
export const SERVED_BY_HEADER = 'x-served-by';

/** The configuration text. */
export function haproxyConfig(opts: HaproxyOptions): string {
  const inter = opts.checkIntervalMs ?? 500;
  const servedBy = opts.identifyServer
    ? '  # Which process answered (tests and benchmark on one machine).\n  http-response set-header X-Served-By %[srv_name]\n'
    : '';
  return `# Load balancer of the negotiated-text editor's server processes (deploy/haproxy.ts).
global
  # Connections allowed: as many as the open-file limit permits (HAProxy derives it from ulimit -n).

defaults
  mode http
  option forwardfor
  timeout connect 3s
  timeout client 60s
  timeout server 60s
  # An open WebSocket: the server pings every connection well within this.
  timeout tunnel 1h
  timeout http-keep-alive 10s
  # A health check answered within this is passed. Without it the check interval is the timeout,
  # and a process whose event loop is busy for half a second (hundreds of clients joining at once)
  # is marked down, and its sockets shut, though it is working. A dead process refuses the check's
  # connection at once, whatever this says.
  timeout check 5s
  # A request whose process refused the connection (it died before the health check noticed) is
  # sent to another: it never reached the first, so nothing is done twice.
  retries 3
  option redispatch 1

frontend editor
  bind ${opts.bind}
  # The negotiation a request belongs to, when its path names one.
  http-request set-var(txn.negotiation) 'path,regsub("^/api/negotiations/([^/]+).*$","\\1")' if { path_beg /api/negotiations/ }
  http-request set-var(txn.negotiation) 'path,regsub("^/(api/)?collab/[a-z]+[.]([^/]+).*$","\\2")' if { path_reg ^/(api/)?collab/[a-z]+[.] }
  default_backend servers

backend servers
  # Affinity by negotiation: its rooms live in one process; consistent hashing moves only a dead
  # process's negotiations. Requests without a negotiation are spread round robin.
  balance hash var(txn.negotiation)
  hash-type consistent
${servedBy}  option httpchk GET /api/health
  http-check expect status 200
  default-server inter ${inter} fastinter ${inter} downinter ${inter} fall 2 rise 2 on-marked-down shutdown-sessions
${opts.backends.map((b) => `  server ${b.name} ${b.host}:${b.port} check`).join('\n')}
`;
}

/** The configuration of `deploy/haproxy.cfg`: three hosts on a private network, port 3000 each. */
export function exampleConfig(): string {
  return haproxyConfig({
    bind: ':80',
    backends: [1, 2, 3].map((i) => ({ name: `app${i}`, host: `10.0.0.1${i}`, port: 3000 })),
    checkIntervalMs: 1000,
  });
}
