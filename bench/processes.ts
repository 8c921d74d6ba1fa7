/** CPU time of a Chromium process tree from /proc (Linux), split into extension and other processes. */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // CLK_TCK on Linux

interface Proc {
  pid: number;
  ppid: number;
  cpuMs: number;
  extension: boolean;
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return {
      pid,
      ppid: Number(fields[1]),
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
      extension: cmdline.includes('--extension-process'),
    };
  } catch {
    return null;
  }
}

/** The processes under `root` (itself included). */
export function processTree(root: number): Proc[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is Proc => p !== null);
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => inTree.has(p.pid));
}

/**
 * Samples the tree every `everyMs` for `durationMs`; returns CPU ms used in the window by extension
 * processes and by all processes (a process that ends keeps what it used up to its last sample).
 */
export async function cpuOver(root: number, durationMs: number, everyMs = 500): Promise<{ extensionMs: number; totalMs: number }> {
  const first = new Map<number, number>();
  const last = new Map<number, Proc>();
  const sample = () => {
    for (const p of processTree(root)) {
      // A process that started inside the window counts all it used.
      if (!first.has(p.pid)) first.set(p.pid, 0);
      last.set(p.pid, p);
    }
  };
  // The first sample is the baseline for processes already running.
  for (const p of processTree(root)) {
    first.set(p.pid, p.cpuMs);
    last.set(p.pid, p);
  }
  const end = Date.now() + durationMs;
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, everyMs));
    sample();
  }
  let extensionMs = 0;
  let totalMs = 0;
  for (const [pid, p] of last) {
    const used = p.cpuMs - (first.get(pid) ?? 0);
    totalMs += used;
    if (p.extension) extensionMs += used;
  }
  return { extensionMs, totalMs };
}
