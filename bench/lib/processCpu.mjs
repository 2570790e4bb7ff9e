// CPU time a process tree really used (Linux /proc), by thread kind. On a machine shared with
// other work, rates and profiler "busy" time stretch with the load (a descheduled thread looks
// busy to a sampling profiler); CPU seconds per message do not, or far less. Used beside the rates
// (scenarios 9, 12): the app's CPU per message over the bare page's is the cost ratio the load
// cannot blur. Elsewhere (no /proc) every reading is null and callers print "n/a".
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux
/** @typedef {{ total: number, worker: number, main: number, network: number, browser: number, gpu: number }} CpuMs */

/** Every process below `root` (children first found through /proc/<pid>/task/<tid>/children). @param {number} root */
function tree(root) {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    let tids;
    try {
      tids = readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        for (const c of readFileSync(`/proc/${out[i]}/task/${tid}/children`, 'utf8').split(' ')) if (c.trim()) out.push(Number(c));
      } catch { /* gone */ }
    }
  }
  return out;
}

/** utime + stime of one thread, in ms. @param {string} statText */
function threadMs(statText) {
  // comm may hold spaces and parentheses: the fields start after the last ')'.
  const f = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

/**
 * CPU ms used so far by the process tree of `rootPid`: in total, by dedicated workers (the engine
 * and the reference client both run in one), by renderer main threads, by the network service,
 * the GPU process and the browser process (which also serves the bench's CDP sampling).
 * @param {number | undefined} rootPid @returns {CpuMs | null}
 */
export function cpuMs(rootPid) {
  if (!rootPid || process.platform !== 'linux') return null;
  const acc = { total: 0, worker: 0, main: 0, network: 0, browser: 0, gpu: 0 };
  for (const pid of tree(rootPid)) {
    /** @type {string} */
    let cmd;
    /** @type {string[]} */
    let tids;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // the process ended meanwhile
    }
    const renderer = cmd.includes('--type=renderer');
    const network = cmd.includes('network.mojom.NetworkService');
    const gpu = cmd.includes('--type=gpu-process');
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const ms = threadMs(stat);
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        acc.total += ms;
        if (renderer && comm.startsWith('DedicatedWorker')) acc.worker += ms;
        else if (renderer && tid === String(pid)) acc.main += ms;
        if (network) acc.network += ms;
        if (gpu) acc.gpu += ms;
        if (pid === rootPid) acc.browser += ms;
      } catch { /* gone */ }
    }
  }
  return acc;
}

/** What was used between two readings, per 1 000 messages. @param {CpuMs | null} a @param {CpuMs | null} b @param {number} messages */
export function cpuPerThousand(a, b, messages) {
  if (!a || !b || messages <= 0) return null;
  const per = (/** @type {keyof CpuMs} */ k) => Math.round(((b[k] - a[k]) * 1000 * 10) / messages) / 10;
  return { total: per('total'), worker: per('worker'), main: per('main'), network: per('network'), browser: per('browser'), gpu: per('gpu') };
}
