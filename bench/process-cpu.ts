import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of this process and its descendants (the emulators), and of the whole machine, from
 * /proc (Linux; elsewhere only this process is measured). For "where does the time go": on a
 * shared 2-vCPU machine the pipeline, the three emulators and whatever else runs compete for CPU.
 */

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  cpuSeconds: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    const fields = text
      .slice(close + 2)
      .trim()
      .split(/\s+/);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { pid, ppid: Number(fields[1]), comm, cpuSeconds: ticks / clockTicks() };
  } catch {
    return undefined;
  }
}

function labelOf(pid: number, comm: string): string {
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    // gone
  }
  if (/dynamodb-server|DynamoDBLocal/i.test(cmdline)) return 'DynamoDB Local (Java)';
  if (/ses-server/.test(cmdline)) return 'SES emulator';
  if (/sqs-server/.test(cmdline)) return 'SQS emulator';
  return comm;
}

export interface CpuSnapshot {
  /** CPU seconds by process label; this process is 'runtime (this node process)'. */
  byProcess: Map<string, number>;
  /** Busy CPU seconds of the whole machine (all processes), when /proc/stat is readable. */
  machineBusySeconds: number | undefined;
  at: number;
}

export const MAIN_PROCESS = 'runtime + handlers (this node process)';

/** CPU seconds of process `rootPid` and all its descendants so far; undefined without /proc. */
export function treeCpuSeconds(rootPid: number): number | undefined {
  let stats: ProcStat[];
  try {
    stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map((name) => readStat(Number(name)))
      .filter((s): s is ProcStat => s !== undefined);
  } catch {
    return undefined;
  }
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const own = stats.find((s) => s.pid === rootPid);
  if (!own) return undefined;
  let total = 0;
  const visit = (s: ProcStat) => {
    total += s.cpuSeconds;
    for (const child of children.get(s.pid) ?? []) visit(child);
  };
  visit(own);
  return total;
}

export function cpuSnapshot(): CpuSnapshot {
  const byProcess = new Map<string, number>();
  const usage = process.cpuUsage();
  byProcess.set(MAIN_PROCESS, (usage.user + usage.system) / 1e6);
  let stats: ProcStat[] = [];
  try {
    stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map((name) => readStat(Number(name)))
      .filter((s): s is ProcStat => s !== undefined);
  } catch {
    // not Linux
  }
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const walk = (pid: number, inherited: string | undefined) => {
    for (const child of children.get(pid) ?? []) {
      const label = inherited ?? labelOf(child.pid, child.comm);
      byProcess.set(label, (byProcess.get(label) ?? 0) + child.cpuSeconds);
      walk(child.pid, label);
    }
  };
  walk(process.pid, undefined);
  let machineBusySeconds: number | undefined;
  try {
    const cpu =
      readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    machineBusySeconds = (user + nice + system + irq + softirq + steal) / clockTicks();
  } catch {
    machineBusySeconds = undefined;
  }
  return { byProcess, machineBusySeconds, at: Date.now() };
}

/** CPU seconds spent between two snapshots, by process, plus everything else on the machine. */
export function cpuBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
): { byProcess: Record<string, number>; others: number | undefined; wallSeconds: number } {
  const byProcess: Record<string, number> = {};
  let ours = 0;
  for (const [label, seconds] of after.byProcess) {
    const spent = seconds - (before.byProcess.get(label) ?? 0);
    if (spent < 0.05) continue;
    byProcess[label] = spent;
    ours += spent;
  }
  const machine =
    after.machineBusySeconds !== undefined && before.machineBusySeconds !== undefined
      ? after.machineBusySeconds - before.machineBusySeconds
      : undefined;
  return {
    byProcess,
    others: machine === undefined ? undefined : Math.max(0, machine - ours),
    wallSeconds: (after.at - before.at) / 1000,
  };
}
