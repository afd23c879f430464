import type { FanOutResult } from './scenarios/fan-out.ts';
import type { JoinResult } from './scenarios/join.ts';
import type { BadInputResult, Closure } from './scenarios/bad-input.ts';
import type { ManyRoomsResult } from './scenarios/many-rooms.ts';
import type { RoomMemoryResult } from './scenarios/room-memory.ts';
import type { TargetName } from './targets.ts';

export interface TargetResults {
  s1?: FanOutResult;
  s1b?: FanOutResult;
  s2?: ManyRoomsResult;
  s3?: JoinResult;
  s4?: RoomMemoryResult;
  s5?: JoinResult;
  s6?: BadInputResult;
  /** VmRSS a few seconds after start, before any client (all processes of the target). */
  idleRssKb?: number;
  error?: string;
}

type Cell = number | string | undefined;

interface Row {
  scenario: string;
  metric: string;
  cells: Record<TargetName, Cell>;
  /** Which way is better, for the ratio column; none for text cells. */
  better?: 'lower' | 'higher';
  target?: string;
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
const fmt = (c: Cell) =>
  c === undefined
    ? '–'
    : typeof c === 'string'
      ? c
      : !Number.isFinite(c)
        ? '–'
        : Number.isInteger(c) || Math.abs(c) >= 100
          ? c.toFixed(0)
          : c.toFixed(1);
const closure = (c: Closure) => (c.closedAfterMs === null ? 'stays open' : `${ms(c.closedAfterMs)} ms (${c.code})`);

function rowsFor(results: Record<TargetName, TargetResults>, bigMessageMb: number): Row[] {
  const rows: Row[] = [];
  const add = (scenario: string, metric: string, pick: (r: TargetResults) => Cell, better?: Row['better'], target?: string) => {
    const cells = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, pick(r)])) as Record<TargetName, Cell>;
    if (Object.values(cells).every((c) => c === undefined)) return;
    rows.push({ scenario, metric, cells, better, target });
  };
  add('Start', 'idle RSS after start MB', (r) => r.idleRssKb && r.idleRssKb / 1024, 'lower', '≤ 1.15× peer');
  for (const [key, label, targets] of [
    ['s1', 'S1 fan-out', { p99: '≤ 12' }],
    ['s1b', 'S1b fan-out + presence', { p99: '≤ 16', cpu: '≤ 20' }],
  ] as const) {
    const t = targets as { p99: string; cpu?: string };
    add(label, 'p50 ms', (r) => r[key]?.latency.p50, 'lower');
    add(label, 'p95 ms', (r) => r[key]?.latency.p95, 'lower');
    add(label, 'p99 ms', (r) => r[key]?.latency.p99, 'lower', t.p99);
    add(label, 'max ms', (r) => r[key]?.latency.max, 'lower');
    add(label, 'delivered / expected', (r) => r[key] && `${r[key]!.delivered} / ${r[key]!.expected}`);
    add(label, 'server CPU %', (r) => r[key]?.proc.cpuPct, 'lower', t.cpu);
    add(label, 'server RSS peak MB', (r) => r[key] && r[key]!.proc.rssPeakKb / 1024, 'lower');
    add(label, 'event-loop delay p99 ms', (r) => r[key]?.eventLoop?.p99Ms, 'lower');
    add(
      label,
      'load generator CPU % / event-loop p99 ms',
      (r) => r[key] && `${r[key]!.loadGenerator.cpuPct.toFixed(0)} / ${r[key]!.loadGenerator.eventLoopP99Ms.toFixed(1)}`,
    );
    add(label, 'real providers converge', (r) => r[key] && (r[key]!.convergence.ok ? 'yes' : `NO: ${r[key]!.convergence.detail}`));
  }
  const stepCount = Math.max(0, ...Object.values(results).map((r) => r.s2?.steps.length ?? 0));
  for (let i = 0; i < stepCount; i++) {
    const step = (r: TargetResults) => r.s2?.steps[i];
    const rate = Object.values(results)
      .map((r) => step(r)?.targetRate)
      .find((v) => v !== undefined);
    const label = `S2 many rooms, ${rate} updates/s asked`;
    add(label, 'updates/s in', (r) => step(r)?.sentRate, 'higher');
    add(label, 'delivered / expected', (r) => step(r) && `${step(r)!.delivered} / ${step(r)!.expected}`, undefined, 'all');
    add(label, 'p50 ms', (r) => step(r)?.latency.p50, 'lower');
    add(label, 'p99 ms', (r) => step(r)?.latency.p99, 'lower', '≤ 25');
    add(label, 'server CPU %', (r) => step(r)?.cpuPct, 'lower');
    // The same rate asked is not the same work when a server cannot take all of it.
    add(label, 'server CPU µs per update in', (r) => step(r) && (step(r)!.cpuPct * 1e4) / step(r)!.sentRate, 'lower', '≤ 1.0× peer');
    add(label, 'load generator CPU %', (r) => step(r)?.loadGeneratorCpuPct);
  }
  for (const [key, label, target] of [
    ['s3', 'S3 connect ramp', '≤ 300'],
    ['s5', 'S5 large room join', '≤ 100'],
  ] as const) {
    add(
      label,
      'room state KB (sent / received at sync)',
      (r) => r[key] && `${(r[key]!.seedBytes / 1024).toFixed(0)} / ${(r[key]!.syncBytes / 1024).toFixed(0)}`,
    );
    add(label, 'connect+sync p50 ms', (r) => r[key]?.connectSync.p50, 'lower');
    add(label, 'connect+sync p99 ms', (r) => r[key]?.connectSync.p99, 'lower', target);
    add(label, 'connect+sync max ms', (r) => r[key]?.connectSync.max, 'lower');
    add(label, 'of which WebSocket handshake p99 ms', (r) => r[key]?.open.p99, 'lower');
    add(label, 'failed joins', (r) => r[key]?.failed, 'lower');
    add(label, 'server CPU %', (r) => r[key]?.proc.cpuPct, 'lower');
    add(label, 'RSS per connection KB', (r) => r[key]?.rssPerConnectionKb, 'lower');
    add(label, 'load generator CPU %', (r) => r[key]?.loadGeneratorCpuPct);
    add(label, 'listen-queue overflows (SYNs dropped)', (r) => r[key]?.listenOverflows);
  }
  const s4 = (r: TargetResults) => r.s4;
  const rooms = Object.values(results)
    .map((r) => r.s4?.rooms)
    .find((v) => v !== undefined);
  const s4Label = `S4 ${rooms ?? ''} idle rooms`;
  add(s4Label, 'rooms opened (failed)', (r) => s4(r) && `${s4(r)!.rooms - s4(r)!.failed} (${s4(r)!.failed})`);
  add(s4Label, 'RSS per open room KB', (r) => s4(r) && (s4(r)!.rssOpenKb - s4(r)!.rssBeforeKb) / s4(r)!.rooms, 'lower', '≤ 30');
  add(s4Label, 'heap per open room KB', (r) => s4(r) && (s4(r)!.heapOpenKb - s4(r)!.heapBeforeKb) / s4(r)!.rooms, 'lower');
  add(
    s4Label,
    'RSS before / open / after leaving MB',
    (r) =>
      s4(r) &&
      [s4(r)!.rssBeforeKb, s4(r)!.rssOpenKb, s4(r)!.rssAfterKb].map((kb) => (kb / 1024).toFixed(0)).join(' / ') +
        ` (+${s4(r)!.secondsAfterLeave} s)`,
  );
  add(s4Label, 'rooms loaded before / while open (our gauge)', (r) => {
    const m = s4(r);
    return m && m.roomsLoadedOpen !== null ? `${m.roomsLoadedBefore ?? '?'} / ${m.roomsLoadedOpen}` : undefined;
  });
  add(
    s4Label,
    'seconds until rooms freed (our gauge 0)',
    (r) => s4(r) && (s4(r)!.freedAfterS ?? (s4(r)!.roomsLoadedOpen === null ? 'n/a' : `> ${s4(r)!.secondsAfterLeave}`)),
    undefined,
    '≤ 60',
  );
  add('S6 bad input beside S1', `${bigMessageMb} MB message closed after`, (r) => r.s6 && closure(r.s6.bigMessage));
  add('S6 bad input beside S1', 'garbage frames closed after', (r) => r.s6 && closure(r.s6.garbage));
  add(
    'S6 bad input beside S1',
    'tokenless flood closed',
    (r) => r.s6 && `${r.s6.flood.closed} / ${r.s6.flood.total}` + (r.s6.flood.closed ? `, median ${ms(r.s6.flood.medianCloseMs)} ms` : ''),
  );
  add('S6 bad input beside S1', 'server RSS rise MB', (r) => r.s6 && r.s6.rssRiseKb / 1024, 'lower');
  add('S6 bad input beside S1', "others' p99 before ms", (r) => r.s6?.othersP99BeforeMs, 'lower');
  add('S6 bad input beside S1', "others' p99 during attacks ms", (r) => r.s6?.othersP99DuringMs, 'lower');
  add(
    'S6 bad input beside S1',
    '… during the 50 MB message / garbage / flood ms',
    (r) =>
      r.s6 && [r.s6.othersP99ByAttackMs.bigMessage, r.s6.othersP99ByAttackMs.garbage, r.s6.othersP99ByAttackMs.flood].map(ms).join(' / '),
  );
  add('S6 bad input beside S1', 'delivered / expected', (r) => r.s6 && `${r.s6.load.delivered} / ${r.s6.load.expected}`);
  add(
    'S6 bad input beside S1',
    'real providers converge',
    (r) => r.s6 && (r.s6.load.convergence.ok ? 'yes' : `NO: ${r.s6.load.convergence.detail}`),
  );
  return rows;
}

/** Ours divided by the better of the peers: below 1 means we win where lower is better. */
function ratio(row: Row): string {
  const ours = row.cells.crossboard;
  const peers = [row.cells['y-websocket'], row.cells.hocuspocus, row.cells['hocuspocus-4']].filter(
    (c): c is number => typeof c === 'number' && Number.isFinite(c),
  );
  if (!row.better || typeof ours !== 'number' || !Number.isFinite(ours) || peers.length === 0) return '';
  const best = row.better === 'lower' ? Math.min(...peers) : Math.max(...peers);
  // A negative memory delta (the collector ran) or a zero has no meaningful ratio.
  return best <= 0 || ours < 0 ? '' : `${(ours / best).toFixed(2)}×`;
}

export function markdownTable(results: Record<TargetName, TargetResults>, bigMessageMb: number): string {
  const names = Object.keys(results) as TargetName[];
  const lines = [
    `| scenario | metric | ${names.join(' | ')} | ours ÷ better peer | target (ours) |`,
    `|---|---|${names.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const row of rowsFor(results, bigMessageMb)) {
    lines.push(
      `| ${row.scenario} | ${row.metric} | ${names.map((n) => fmt(row.cells[n])).join(' | ')} | ${ratio(row)} | ${row.target ?? ''} |`,
    );
  }
  const errors = names.filter((n) => results[n].error).map((n) => `- ${n}: ${results[n].error}`);
  return [...lines, ...(errors.length ? ['', 'Errors:', ...errors] : [])].join('\n');
}
