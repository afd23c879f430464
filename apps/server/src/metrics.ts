import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per server instance (not prom-client's global one), so tests can build
 * several servers in one process without metric names colliding.
 */
export function createMetrics() {
  const registry = new Registry();
  // Process metrics and event-loop lag (nodejs_eventloop_lag_*), sampled every 10 ms.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  return {
    registry,
    connections: new Gauge({
      name: 'crossboard_connections',
      help: 'Open WebSocket connections by role and access',
      labelNames: ['role', 'access'] as const,
      registers: [registry],
    }),
    roomsLoaded: new Gauge({ name: 'crossboard_rooms_loaded', help: 'Rooms held in memory', registers: [registry] }),
    messagesIn: new Counter({
      name: 'crossboard_messages_in_total',
      help: 'WebSocket messages received, by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    messagesOut: new Counter({
      name: 'crossboard_messages_out_total',
      help: 'WebSocket messages sent (one per recipient)',
      registers: [registry],
    }),
    bytesIn: new Counter({ name: 'crossboard_bytes_in_total', help: 'WebSocket bytes received', registers: [registry] }),
    bytesOut: new Counter({ name: 'crossboard_bytes_out_total', help: 'WebSocket bytes sent', registers: [registry] }),
    dropped: new Counter({
      name: 'crossboard_messages_dropped_total',
      help: 'Client messages not applied, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    closes: new Counter({
      name: 'crossboard_ws_closes_total',
      help: 'WebSocket connections closed by the server, by close code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    storageWrite: new Histogram({
      name: 'crossboard_storage_write_seconds',
      help: 'Time to persist one document update',
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
    delayed: new Counter({
      name: 'crossboard_messages_delayed_total',
      help: 'Client messages held back by the per-connection rate limit (then applied)',
      registers: [registry],
    }),
    refused: new Counter({
      name: 'crossboard_connections_refused_total',
      help: 'WebSocket upgrades or connections refused by a limit, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    heartbeatTimeouts: new Counter({
      name: 'crossboard_heartbeat_timeouts_total',
      help: 'Sockets cut because they answered no ping within an interval',
      registers: [registry],
    }),
    corruptRows: new Counter({
      name: 'crossboard_storage_corrupt_rows_total',
      help: 'Stored update rows skipped on load because they could not be decoded',
      registers: [registry],
    }),
    compactions: new Counter({
      name: 'crossboard_compactions_total',
      help: 'Room logs merged into snapshots',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
