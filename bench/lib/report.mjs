// The printed tables (medians over runs; ratios to the Node reference and the bare page) and the
// smoke assertions.
import { fmt, mb, median, ratio, table } from './stats.mjs';

const yes = (/** @type {boolean} */ ok) => (ok ? 'yes' : 'NO');
const ms = (/** @type {number} */ n) => (Number.isFinite(n) ? `${fmt(n, n < 100 ? 1 : 0)} ms` : '–');
const sec = (/** @type {number} */ n) => (Number.isFinite(n) ? `${(n / 1000).toFixed(1)} s` : '–');
const list = (/** @type {(number | null)[]} */ xs) => (xs ?? []).map((x) => (x === null ? 'n/a' : fmt(x))).join('/');

/** @param {any} results */
export function printReport(results) {
  const s = results.scenarios;
  const m = results.machine;
  const out = [`Sightglass bench — ${results.date}${results.smoke ? ' (SMOKE: tiny counts, 1 run, numbers mean nothing)' : ''}`,
    `${m.cpus} × ${m.cpu}, ${m.memoryGB} GB, ${m.os}; Node ${m.node}; ${m.chromium}; ${m.broker}`,
    `load average at start ${m.loadavgAtStart.map((/** @type {number} */ x) => x.toFixed(2)).join(' ')}, at end ${(m.loadavgAtEnd ?? []).map((/** @type {number} */ x) => x.toFixed(2)).join(' ')}; `
    + `${results.options.runs} run(s) per cell, medians shown`];
  const section = (/** @type {string} */ title, /** @type {any} */ r, /** @type {() => string} */ body) => {
    if (r === undefined) return;
    out.push('', title);
    if (r?.error) out.push(`  failed: ${r.error}`);
    else if (r?.pending) out.push(`  pending: ${r.pending}`);
    else out.push(body());
  };

  section('1. Ingest ceiling (msgs/s fully processed during a QoS 0 flood; target Sightglass ≥ 0.90 × bare page, none lost)', s.ingest, () => table(
    ['topics', 'Node ref', 'bare page', 'Sightglass', 'SG/bare', 'SG/Node', 'bare/Node', 'SG lost', 'broker dropped (SG runs)', 'SG behind at end', 'met'],
    s.ingest.map((/** @type {any} */ c) => [fmt(c.topics), fmt(c.node), fmt(c.bare), fmt(c.app), ratio(c.app / c.bare), ratio(c.app / c.node), ratio(c.bare / c.node),
      list(c.appLost), list(c.appBrokerDropped), sec(c.appBehindMs), yes(c.app / c.bare >= 0.9 && c.appLost.every((/** @type {any} */ x) => !x))])));

  // rAF intervals of on-time 60 Hz frames read 16.6–16.8 ms: "p95 ≤ 16.7 ms" means p95 within one vsync.
  const VSYNC = 17;
  section(`2. Paced at ${s.paced?.rate ? fmt(s.paced.rate) : '?'} msgs/s over ${fmt(s.paced?.topics)} topics (${s.paced?.basis ?? ''}); targets frame p95 ≤ 16.7 ms (one 60 Hz frame; on-time frames measure 16.6–16.8), max ≤ 50 ms, data age p95 ≤ 100 ms, click ≤ 100 ms, none lost`, s.paced, () => table(
    ['view', 'frame p50', 'frame p95', 'frame max', 'data age p95', 'worst second p95', 'click → frame', 'click → message shown', 'lost', 'met'],
    ['bare', 'tree', 'charts'].filter((v) => s.paced[v]).map((v) => {
      const r = s.paced[v];
      const clickOk = v !== 'tree' || r.clickAckMaxMs <= 100;
      return [{ bare: 'bare page (reference)', tree: 'Topics (tree)', charts: 'Dashboard (10 charts)' }[v], ms(r.frameP50), ms(r.frameP95), ms(r.frameMax), ms(r.ageP95), ms(r.ageWorstP95),
        v === 'tree' ? `${ms(r.clickAckMs)} (max ${ms(r.clickAckMaxMs)})` : '–', v === 'tree' ? ms(r.clickDetailMs) : '–', list(r.lost),
        v === 'bare' ? '(ref)' : yes(r.frameP95 <= VSYNC && r.frameMax <= 50 && r.ageP95 <= 100 && clickOk && r.lost.every((/** @type {any} */ x) => !x))];
    })));

  section(`3. Scale: ${fmt(s.scale?.topics)} distinct topics published once (targets heap ≤ 600 MB, filter ≤ 200 ms incl. the input debounce)`, s.scale, () => table(
    ['all in tree after', 'published in', 'filter median', 'filter max', 'heap page', 'heap worker', 'heap total', 'met'],
    [[sec(s.scale.allShownMs), sec(s.scale.publishMs), ms(s.scale.filterMs), ms(s.scale.filterMaxMs), mb(s.scale.heapMain), mb(s.scale.heapWorker), mb(s.scale.heapTotal),
      yes(s.scale.heapTotal <= 600 * 1048576 && s.scale.filterMaxMs <= 200 && Number.isFinite(s.scale.allShownMs))]]));

  section(`4. Soak (target heap growth ≤ 5 %; series buffers sized to fill during the ${fmt(s.soak?.warmSeconds)} s warm-up)`, s.soak, () => table(
    ['length', 'rate', 'topics', 'heap start', 'heap end', 'growth', 'trend', 'lost', 'met'],
    [[`${fmt(s.soak.seconds)} s`, `${fmt(s.soak.rate)}/s`, fmt(s.soak.topics), `${(s.soak.heapStart / 1048576).toFixed(1)} MB`, `${(s.soak.heapEnd / 1048576).toFixed(1)} MB`,
      `${(s.soak.growth * 100).toFixed(1)} %`, Number.isFinite(s.soak.slopeMbPer10Min) ? `${s.soak.slopeMbPer10Min >= 0 ? '+' : ''}${s.soak.slopeMbPer10Min.toFixed(2)} MB/10 min` : '–',
      s.soak.lost === null ? 'n/a' : fmt(s.soak.lost), yes(s.soak.growth <= 0.05 && !s.soak.lost)]]));

  section('5. Start-up on localhost (target initial JS ≤ 250 KB gzip)', s.startup, () => table(
    ['visit', 'first contentful paint', 'interactive', 'connected', 'initial JS gzip (page + worker)', 'met'],
    [['first (cold)', ms(s.startup.cold.fcp), ms(s.startup.cold.interactive), ms(s.startup.cold.connected),
      `${(s.startup.js.gzipTotal / 1024).toFixed(0)} KB (${(s.startup.js.gzipMain / 1024).toFixed(0)} + ${(s.startup.js.gzipWorker / 1024).toFixed(0)})`, yes(s.startup.js.gzipTotal <= 250 * 1024)],
    ['reload', ms(s.startup.warm.fcp), ms(s.startup.warm.interactive), ms(s.startup.warm.connected), '', '']]));

  section(`6. Charts: ${fmt(s.charts?.series)} series × ${fmt(s.charts?.pointsPerSeries)} points in ${fmt(s.charts?.charts)} line charts, 10 Hz live`, s.charts, () => table(
    ['render', 'frame p50', 'frame p95', 'frame max', 'page CPU', 'worker CPU', 'chart redraws', 'page CPU per chart redraw'],
    [[ms(s.charts.renderMs), ms(s.charts.frameP50), ms(s.charts.frameP95), ms(s.charts.frameMax), `${fmt(s.charts.mainBusyMsPerS)} ms/s`, `${fmt(s.charts.workerBusyMsPerS)} ms/s`,
      Number.isFinite(s.charts.redrawsPerS) ? `${s.charts.redrawsPerS.toFixed(1)}/s` : '–', ms(s.charts.perRedrawMs)]]));

  section(`7. Sparkplug B ingest ceiling: DDATA by alias over ${fmt(s.sparkplug?.metrics)} metrics, ${fmt(s.sparkplug?.metricsPerMessage)} per message, the same decoder in both (target Sightglass ≥ 0.90 × bare page, none lost)`, s.sparkplug, () => table(
    ['bare page (decode + count)', 'Sightglass', 'SG/bare', 'SG lost', 'broker dropped (SG runs)', 'rebirth requests (SG runs)', 'SG behind at end', 'met'],
    [[fmt(s.sparkplug.bare), fmt(s.sparkplug.app), ratio(s.sparkplug.app / s.sparkplug.bare), list(s.sparkplug.appLost), list(s.sparkplug.appBrokerDropped),
      list(s.sparkplug.appRebirths), sec(s.sparkplug.appBehindMs), yes(s.sparkplug.app / s.sparkplug.bare >= 0.9 && s.sparkplug.appLost.every((/** @type {any} */ x) => !(x > 0)))]]));

  const f = s.fleet;
  section(`8. Fleet: ${fmt(f?.vehicles)} vehicles at 1 Hz (gps + status, ${fmt(f?.rate)} msgs/s spread over each second), map + table dashboard vs the bare page; ${fmt(f?.seconds)} s measured`, f, () => table(
    ['client', 'all vehicles after', 'frame p50', 'frame p95', 'frame max', 'main CPU', 'worker CPU', 'msgs/s in', 'worker msgs/s'],
    [['bare page (reference)', f.bare], ['Sightglass map + table', f.app]].map(([name, r]) => [name, sec(r.readyMs), ms(r.frameP50), ms(r.frameP95), ms(r.frameMax),
      `${fmt(r.mainBusyMsPerS)} ms/s`, `${fmt(r.workerBusyMsPerS)} ms/s`, fmt(r.receivedPerS), fmt(r.workerMsgsPerS, 1)])
      .concat([['ratio SG/bare', '', ratio(f.app.frameP50 / f.bare.frameP50), ratio(f.app.frameP95 / f.bare.frameP95), ratio(f.app.frameMax / f.bare.frameMax),
        ratio(f.app.mainBusyMsPerS / f.bare.mainBusyMsPerS), ratio(f.app.workerBusyMsPerS / f.bare.workerBusyMsPerS), ratio(f.app.receivedPerS / f.bare.receivedPerS), '']])));

  const q = s.qos1;
  section(`9. QoS 1 ingest: bursts of ${fmt(q?.count)} QoS 1 messages, both subscribed at QoS 1 (Mosquitto: 20 in flight per client); rounds of bare, app, app, bare (target Sightglass ≥ 0.95 × bare page in every round)`, q, () => table(
    ['topics', 'bare page', 'Sightglass', 'SG/bare per round', 'CPU/msg SG/bare', 'SG lost', 'met'],
    ['repeated', 'new'].filter((m) => q[m]).map((m) => [m === 'new' ? 'new 6-level (each once)' : 'repeated (10 000)', fmt(q[m].bare), fmt(q[m].app),
      q[m].rounds.map((/** @type {any} */ r) => ratio(r.ratio)).join(' / '), ratio(q[m].cpuRatio), list(q[m].appLost), yes(q[m].minRatio >= 0.95 && q[m].appLost.every((/** @type {any} */ x) => !x))])));

  const st = s.alarmStorm;
  section(`11. Alarm storm: ${fmt(st?.count)} alarms raised within 1 s, then half back to normal within 1 s (targets: frame p95 ≤ 16.7 ms, max ≤ 50 ms, counts complete ≤ 1 s after the last message, no journal entry lost)`, st, () => table(
    ['client', 'storm p95', 'storm max', 'storm complete', 'back p95', 'back max', 'back complete', 'journal (median)', 'met'],
    [['bare page (reference)', 'bare'], ['Sightglass Alarms view', 'alarms'], ['Sightglass dashboard + banner', 'dashboard']].map(([name, k]) => {
      const r = st[k];
      const journal = k === 'bare' ? '' : `${fmt(median(st.runs[k].map((/** @type {any} */ x) => x.journal)))}/${fmt(st.runs[k][0]?.journalExpected)}`;
      const met = k === 'bare' ? '' : yes(['storm', 'back'].every((ph) => r[ph].p95 <= 16.7 && r[ph].max <= 50 && r[ph].completeMs <= 1000)
        && st.runs[k].every((/** @type {any} */ x) => x.journal >= x.journalExpected));
      return [name, ms(r.storm.p95), ms(r.storm.max), ms(r.storm.completeMs), ms(r.back.p95), ms(r.back.max), ms(r.back.completeMs), journal, met];
    })));

  const mc = s.manyConnections;
  section(`12. Many brokers: ${fmt(mc?.connections)} connections, each 1/${fmt(mc?.connections)} of a ${fmt(mc?.topics)}-topic QoS 0 flood, vs one bare page on all of it; rounds of bare, app, app, bare (target total ≥ 0.90 × bare)`, mc, () => table(
    ['bare page', 'Sightglass (sum)', 'SG/bare per round', 'CPU/msg SG/bare', 'broker dropped: bare', 'SG', 'SG lost', 'met'],
    [[fmt(mc.bare), fmt(mc.app), mc.rounds.map((/** @type {any} */ r) => ratio(r.ratio)).join(' / '), ratio(mc.cpuRatio), list(mc.bareDropped ?? []), list(mc.appDropped ?? []), list(mc.appLost),
      yes(mc.minRatio >= 0.9 && mc.appLost.every((/** @type {any} */ x) => !x))]]));

  const b = s.bigBroker;
  section(`10. Big broker: ${fmt(b?.topics)} retained topics handed out on subscribing \`#\` (targets app ≥ 0.9 × bare, clicks during the flood ≤ 100 ms)`, b, () => table(
    ['bare: all topics after', 'app: tree complete after', 'app/bare speed', 'from page open: bare', 'app', 'clicks', 'click median', 'click max', 'met'],
    [[sec(b.bareMs), sec(b.appMs), ratio(b.ratio), sec(b.bareFromOpenMs), sec(b.appFromOpenMs), fmt(b.clicks), ms(b.clickMedianMs), ms(b.clickMaxMs), yes(b.ratio >= 0.9 && b.clickMaxMs <= 100)]]));

  return out.join('\n');
}

/** What must hold for `--smoke` to pass: the pipeline works end to end. @param {any} results */
export function smokeFailures(results) {
  const f = [];
  const s = results.scenarios;
  for (const [name, r] of Object.entries(s)) if (r?.error) f.push(`scenario ${name} failed: ${r.error}`);
  for (const c of Array.isArray(s.ingest) ? s.ingest : []) {
    for (const k of ['node', 'bare', 'app']) if (!(c.runs[k]?.[0]?.received > 0)) f.push(`ingest ${c.topics} topics: ${k} received nothing`);
    for (const r of c.runs.app ?? []) if (r.lost) f.push(`ingest ${c.topics} topics: the app lost ${r.lost} messages silently`);
  }
  if (s.paced?.tree && !(s.paced.tree.runs[0]?.frames > 0)) f.push('paced: no frames recorded');
  if (s.paced?.tree && !Number.isFinite(s.paced.tree.clickAckMs)) f.push('paced: the click on a tree item was not acknowledged');
  if (s.scale && !s.scale.error && !Number.isFinite(s.scale.allShownMs)) f.push('scale: the tree never showed all topics');
  if (s.scale?.runs?.[0]?.filters?.some((/** @type {any} */ x) => !Number.isFinite(x.ms))) f.push('scale: a filter got no answer');
  if (s.bigBroker && !s.bigBroker.error && !Number.isFinite(s.bigBroker.appMs)) f.push('big broker: the tree never held every retained topic');
  if (s.soak && !s.soak.error && !(s.soak.heapEnd > 0)) f.push('soak: no heap figure');
  if (s.startup && !s.startup.error && !(s.startup.js.gzipTotal > 0)) f.push('startup: no scripts measured');
  if (s.sparkplug && !s.sparkplug.error) {
    for (const k of ['bare', 'app']) if (!(s.sparkplug.runs[k]?.[0]?.received > 0)) f.push(`sparkplug: ${k} received nothing`);
    if (s.sparkplug.runs.bare?.some((/** @type {any} */ r) => r.bad)) f.push('sparkplug: the bare page could not decode some payloads');
    for (const r of s.sparkplug.runs.app ?? []) if (r.lost > 0) f.push(`sparkplug: the app lost ${r.lost} messages silently`);
  }
  for (const m of ['repeated', 'new']) {
    for (const r of s.qos1?.[m]?.rounds ?? []) {
      for (const k of ['bare', 'app']) if (!r.runs[k].every((/** @type {any} */ x) => x.received === x.sent && x.sent > 0)) f.push(`qos1 ${m}: ${k} did not receive every QoS 1 message`);
    }
  }
  for (const r of s.manyConnections?.rounds ?? []) {
    for (const k of ['bare', 'app']) if (!r.runs[k].every((/** @type {any} */ x) => x.received > 0)) f.push(`manyConnections: ${k} received nothing`);
    if (r.runs.app.some((/** @type {any} */ x) => x.lost)) f.push('manyConnections: the app lost messages silently');
  }
  for (const k of ['alarms', 'dashboard']) {
    for (const r of s.alarmStorm?.runs?.[k] ?? []) {
      if (!Number.isFinite(r.storm.completeMs)) f.push(`alarm storm (${k}): the counts never showed every alarm`);
      if (r.journal < r.journalExpected) f.push(`alarm storm (${k}): ${r.journalExpected - r.journal} journal entries missing`);
    }
  }
  for (const r of s.fleet?.runs ?? []) {
    if (!(r.app.frames > 0) || !(r.bare.frames > 0)) f.push('fleet: no frames recorded');
    if (!(r.app.receivedPerS > 0) || !(r.bare.receivedPerS > 0)) f.push('fleet: a client received nothing while measured');
  }
  return f;
}
