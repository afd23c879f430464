import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Summed over every process of a target that has several. */
type Pids = number | readonly number[];
const sum = (pids: Pids, of: (pid: number) => number) => (typeof pids === 'number' ? of(pids) : pids.reduce((n, pid) => n + of(pid), 0));

/** utime + stime of a process (or several), in seconds. */
export function cpuSeconds(pids: Pids): number {
  return sum(pids, cpuSecondsOf);
}

function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export function rssKb(pids: Pids): number {
  return sum(pids, rssKbOf);
}

function rssKbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) : Number.NaN;
}

export interface ProcWindow {
  /** Share of one core over the window, in percent. */
  cpuPct: number;
  rssStartKb: number;
  rssEndKb: number;
  rssPeakKb: number;
}

/** CPU and resident memory of a server process over one measured window. */
export class ProcSampler {
  private readonly timer: NodeJS.Timeout;
  private readonly cpuStart: number;
  private readonly t0 = process.hrtime.bigint();
  readonly rssStartKb: number;
  private rssPeakKb: number;

  constructor(
    private readonly pid: Pids,
    everyMs = 200,
  ) {
    this.cpuStart = cpuSeconds(pid);
    this.rssStartKb = this.rssPeakKb = rssKb(pid);
    this.timer = setInterval(() => {
      try {
        this.rssPeakKb = Math.max(this.rssPeakKb, rssKb(pid));
      } catch {
        /* the process ended; the last sample stands */
      }
    }, everyMs);
  }

  stop(): ProcWindow {
    clearInterval(this.timer);
    const seconds = Number(process.hrtime.bigint() - this.t0) / 1e9;
    const rssEndKb = rssKb(this.pid);
    return {
      cpuPct: ((cpuSeconds(this.pid) - this.cpuStart) / seconds) * 100,
      rssStartKb: this.rssStartKb,
      rssEndKb,
      rssPeakKb: Math.max(this.rssPeakKb, rssEndKb),
    };
  }
}

/**
 * Connections the kernel dropped because a listen queue was full (whole machine). A dropped
 * SYN is retried after a second, which shows up as a one-second step in join times.
 */
export function listenOverflows(): number {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('TcpExt:'));
    const names = lines[i]!.split(' ');
    const values = lines[i + 1]!.split(' ');
    return Number(values[names.indexOf('ListenOverflows')]);
  } catch {
    return Number.NaN;
  }
}
