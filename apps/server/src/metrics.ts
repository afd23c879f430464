import type * as Prom from 'prom-client';

/**
 * The server's metrics. prom-client (and @opentelemetry/api, which it imports: ~80 modules,
 * ~10 MB resident) loads on the first /metrics scrape, not at start: a server nobody scrapes
 * never pays for it. Until then counters and gauges are plain numbers here, handed to
 * prom-client when it loads; afterwards they forward to it. Process metrics and event-loop
 * lag (nodejs_eventloop_lag_*, sampled every 10 ms) start with that first scrape.
 *
 * The storage-write histogram is kept here for good (it is timed on every stored update, and
 * prom-client's took 1.2 % of the server's CPU in S2) and written in the same text format.
 *
 * One registry per server instance (not prom-client's global one), so tests can build
 * several servers in one process without metric names colliding.
 */

type Labels = Record<string, string>;

interface Definition {
  name: string;
  help: string;
  labelNames?: readonly string[];
}

/** Values by label set ('' for none), in the order first seen. */
class Values {
  readonly byKey = new Map<string, { labels: Labels | undefined; value: number }>();
  add(labels: Labels | undefined, delta: number): void {
    const k = labels ? JSON.stringify(labels) : '';
    const v = this.byKey.get(k);
    if (v) v.value += delta;
    else this.byKey.set(k, { labels, value: delta });
  }
  set(labels: Labels | undefined, value: number): void {
    const k = labels ? JSON.stringify(labels) : '';
    const v = this.byKey.get(k);
    if (v) v.value = value;
    else this.byKey.set(k, { labels, value });
  }
}

function split(labelsOrValue: Labels | number | undefined, value: number | undefined): [Labels | undefined, number] {
  return typeof labelsOrValue === 'object' ? [labelsOrValue, value ?? 1] : [undefined, labelsOrValue ?? 1];
}

/** What counters and gauges share: `inc`, into plain numbers until prom-client's metric is attached. */
abstract class LazyMetric<M extends { inc(labels: Labels, value?: number): void; inc(value?: number): void }> {
  protected readonly values = new Values();
  protected real: M | null = null;
  constructor(readonly definition: Definition) {}
  inc(labelsOrValue?: Labels | number, value?: number): void {
    const [labels, n] = split(labelsOrValue, value);
    if (!this.real) this.values.add(labels, n);
    else if (labels) this.real.inc(labels, n);
    else this.real.inc(n);
  }
  /** Hands what was counted so far to prom-client's metric, then forwards to it. */
  protected hand(real: M, replay: (labels: Labels | undefined, value: number) => void): void {
    for (const { labels, value } of this.values.byKey.values()) replay(labels, value);
    this.values.byKey.clear();
    this.real = real;
  }
}

export class LazyCounter extends LazyMetric<Prom.Counter> {
  attach(prom: typeof Prom, registry: Prom.Registry): void {
    const real = new prom.Counter({ ...this.definition, labelNames: this.definition.labelNames ?? [], registers: [registry] });
    this.hand(real, (labels, value) => (labels ? real.inc(labels, value) : real.inc(value)));
  }
}

export class LazyGauge extends LazyMetric<Prom.Gauge> {
  dec(labelsOrValue?: Labels | number, value?: number): void {
    const [labels, n] = split(labelsOrValue, value);
    this.inc(labels ?? -n, labels ? -n : undefined);
  }
  set(labelsOrValue: Labels | number, value?: number): void {
    const [labels, n] = typeof labelsOrValue === 'object' ? [labelsOrValue, value ?? 0] : [undefined, labelsOrValue];
    if (!this.real) this.values.set(labels, n);
    else if (labels) this.real.set(labels, n);
    else this.real.set(n);
  }
  attach(prom: typeof Prom, registry: Prom.Registry): void {
    const real = new prom.Gauge({ ...this.definition, labelNames: this.definition.labelNames ?? [], registers: [registry] });
    this.hand(real, (labels, value) => (labels ? real.set(labels, value) : real.set(value)));
  }
}

/** A histogram without labels, in Prometheus' text format (cumulative buckets, sum, count). */
export class TextHistogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly definition: Definition,
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) this.counts[i]!++;
    this.sum += value;
    this.count++;
  }
  /** Returns the function that ends the timing and records it, in seconds. */
  startTimer(): () => number {
    const start = process.hrtime.bigint();
    return () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      this.observe(seconds);
      return seconds;
    };
  }
  text(): string {
    const { name, help } = this.definition;
    const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
    let cumulative = 0;
    this.buckets.forEach((b, i) => {
      cumulative += this.counts[i]!;
      lines.push(`${name}_bucket{le="${b}"} ${cumulative}`);
    });
    lines.push(`${name}_bucket{le="+Inf"} ${this.count}`, `${name}_sum ${this.sum}`, `${name}_count ${this.count}`);
    return `${lines.join('\n')}\n`;
  }
}

/** The Prometheus text exposition's content type (prom-client's Registry.PROMETHEUS_CONTENT_TYPE). */
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function createMetrics() {
  const counter = (d: Definition) => new LazyCounter(d);
  const gauge = (d: Definition) => new LazyGauge(d);
  const metrics = {
    connections: gauge({
      name: 'crossboard_connections',
      help: 'Open WebSocket connections by role and access',
      labelNames: ['role', 'access'],
    }),
    roomsLoaded: gauge({ name: 'crossboard_rooms_loaded', help: 'Rooms held in memory' }),
    messagesIn: counter({ name: 'crossboard_messages_in_total', help: 'WebSocket messages received, by kind', labelNames: ['kind'] }),
    messagesOut: counter({ name: 'crossboard_messages_out_total', help: 'WebSocket messages sent (one per recipient)' }),
    bytesIn: counter({ name: 'crossboard_bytes_in_total', help: 'WebSocket bytes received' }),
    bytesOut: counter({ name: 'crossboard_bytes_out_total', help: 'WebSocket bytes sent' }),
    dropped: counter({ name: 'crossboard_messages_dropped_total', help: 'Client messages not applied, by reason', labelNames: ['reason'] }),
    closes: counter({
      name: 'crossboard_ws_closes_total',
      help: 'WebSocket connections closed by the server, by close code',
      labelNames: ['code'],
    }),
    storageWrite: new TextHistogram(
      { name: 'crossboard_storage_write_seconds', help: 'Time to persist one document update' },
      [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    ),
    delayed: counter({
      name: 'crossboard_messages_delayed_total',
      help: 'Client messages held back by the per-connection rate limit (then applied)',
    }),
    refused: counter({
      name: 'crossboard_connections_refused_total',
      help: 'WebSocket upgrades or connections refused by a limit, by reason',
      labelNames: ['reason'],
    }),
    heartbeatTimeouts: counter({
      name: 'crossboard_heartbeat_timeouts_total',
      help: 'Sockets cut because they answered no ping within an interval',
    }),
    corruptRows: counter({
      name: 'crossboard_storage_corrupt_rows_total',
      help: 'Stored update rows skipped on load because they could not be decoded',
    }),
    compactions: counter({ name: 'crossboard_compactions_total', help: 'Room logs merged into snapshots' }),
  };
  let loaded: Promise<Prom.Registry> | null = null;
  const load = async () => {
    const prom = await import('prom-client');
    const registry = new prom.Registry();
    prom.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
    for (const m of Object.values(metrics)) if (!(m instanceof TextHistogram)) m.attach(prom, registry);
    return registry;
  };
  return {
    ...metrics,
    registry: {
      contentType: CONTENT_TYPE,
      /** Every metric in Prometheus' text format; the first call loads prom-client. */
      async metrics(): Promise<string> {
        loaded ??= load();
        const registry = await loaded;
        return (await registry.metrics()) + metrics.storageWrite.text();
      },
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
