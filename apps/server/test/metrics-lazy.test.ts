import { describe, expect, it } from 'vitest';
import { createMetrics } from '../src/metrics.ts';

/** One series' value in Prometheus text, e.g. `crossboard_messages_dropped_total{reason="x"}`. */
const value = (body: string, series: string) => {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('metrics recorded before prom-client loads (on the first scrape)', () => {
  it('reach the first scrape exactly, and later ones keep counting', async () => {
    const m = createMetrics();
    m.dropped.inc({ reason: 'too_big' });
    m.dropped.inc({ reason: 'too_big' });
    m.dropped.inc({ reason: 'rate_limited' }, 5);
    m.messagesOut.inc(7);
    m.delayed.inc();
    m.connections.inc({ role: 'facilitator', access: 'write' });
    m.connections.inc({ role: 'participant', access: 'read' });
    m.connections.dec({ role: 'participant', access: 'read' });
    m.roomsLoaded.set(4);
    m.storageWrite.startTimer()();
    m.storageWrite.observe(0.003);

    let body = await m.registry.metrics();
    expect(value(body, 'crossboard_messages_dropped_total{reason="too_big"}')).toBe(2);
    expect(value(body, 'crossboard_messages_dropped_total{reason="rate_limited"}')).toBe(5);
    expect(value(body, 'crossboard_messages_out_total')).toBe(7);
    expect(value(body, 'crossboard_messages_delayed_total')).toBe(1);
    expect(value(body, 'crossboard_heartbeat_timeouts_total')).toBe(0);
    expect(value(body, 'crossboard_connections{role="facilitator",access="write"}')).toBe(1);
    expect(value(body, 'crossboard_connections{role="participant",access="read"}')).toBe(0);
    expect(value(body, 'crossboard_rooms_loaded')).toBe(4);
    expect(body).toContain('# TYPE crossboard_storage_write_seconds histogram');
    expect(value(body, 'crossboard_storage_write_seconds_count')).toBe(2);
    expect(value(body, 'crossboard_storage_write_seconds_bucket{le="0.0025"}')).toBeGreaterThanOrEqual(1);
    expect(value(body, 'crossboard_storage_write_seconds_bucket{le="0.005"}')).toBe(2);
    expect(value(body, 'crossboard_storage_write_seconds_bucket{le="+Inf"}')).toBe(2);
    expect(value(body, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);

    m.dropped.inc({ reason: 'too_big' });
    m.roomsLoaded.set(3);
    m.connections.dec({ role: 'facilitator', access: 'write' });
    body = await m.registry.metrics();
    expect(value(body, 'crossboard_messages_dropped_total{reason="too_big"}')).toBe(3);
    expect(value(body, 'crossboard_rooms_loaded')).toBe(3);
    expect(value(body, 'crossboard_connections{role="facilitator",access="write"}')).toBe(0);
    expect(m.registry.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
