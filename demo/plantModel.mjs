// The simulated plant's physics and state, with no MQTT in it: plant.mjs samples
// it and publishes. Keeping it pure (time is passed in) makes it cheap to reason
// about and lets one timer drive everything, so stop() has one thing to clear.
import { createRng, duration } from './prng.mjs';

export const SITES = ['site1', 'site2'];
export const LINES = ['line1', 'line2'];
export const SETPOINT_RANGE = /** @type {const} */ ([20, 120]);
export const DEFAULT_SETPOINT = 65; // °C, per line; machines sit at setpoint + offset
export const QUANTITIES = /** @type {const} */ (['temperature', 'pressure', 'vibration']);
/** The app's demo alarm watches this machine (`above 80`), so it excurses most often. */
export const ALARM_MACHINE = 'site1/line1/press1';

/** Every timing knob in one place so tests can shrink them. Ranges are [min, max] ms. */
export const DEFAULT_TIMING = {
  tickMs: 50,
  stateHeartbeatMs: 10_000,
  alarmMachineExcursionEveryMs: /** @type {number | [number, number]} */ ([40_000, 50_000]),
  excursionEveryMs: /** @type {number | [number, number]} */ ([60_000, 120_000]),
  stormEveryMs: /** @type {number | [number, number]} */ ([20_000, 30_000]),
  excursionMs: /** @type {number | [number, number]} */ ([18_000, 22_000]),
  idleEveryMs: 15 * 60_000, // mean, per machine (changeovers, micro-stops)
  idleForMs: /** @type {number | [number, number]} */ ([15_000, 45_000]),
  faultEveryMs: 30 * 60_000, // mean, per machine
  faultForMs: /** @type {number | [number, number]} */ ([20_000, 60_000]),
  ovenDropEveryMs: /** @type {number | [number, number]} */ ([80_000, 100_000]),
  ovenDownMs: /** @type {number | [number, number]} */ ([13_000, 17_000]),
};
/** @typedef {typeof DEFAULT_TIMING} Timing */

// Per machine type: nominal operating points. Pressure in bar (hydraulic press,
// compressed-air filler, burner gas on the oven), vibration as RMS velocity in
// mm/s (ISO 10816 range), temperature offset from the line setpoint in °C.
const PROFILES = {
  press: { model: 'HX-400 hydraulic press', tempOffset: 3, pRun: 35, pIdle: 5, vib: 4.5, pNoise: 0.6 },
  filler: { model: 'FL-12 rotary filler', tempOffset: -7, pRun: 6.2, pIdle: 6.4, vib: 2.3, pNoise: 0.02 },
  oven: { model: 'TN-3 tunnel oven', tempOffset: 7, pRun: 0.35, pIdle: 0.02, vib: 1.2, pNoise: 0.003 },
};
const MACHINES = [['press1', 'press'], ['filler2', 'filler'], ['oven3', 'oven']];
const UNITS = { temperature: '°C', pressure: 'bar', vibration: 'mm/s' };

/** first-order lag: exact for any dt, so a stalled event loop never overshoots */
const lag = (/** @type {number} */ x, /** @type {number} */ target, /** @type {number} */ tauS, /** @type {number} */ dtS) =>
  target + (x - target) * Math.exp(-dtS / tauS);
const round = (/** @type {number} */ v) => Math.round(v * (Math.abs(v) < 10 ? 1000 : 100)) / (Math.abs(v) < 10 ? 1000 : 100);

/** @typedef {'RUNNING' | 'IDLE' | 'FAULT'} MachineState */

export class PlantModel {
  /** @param {{ seed?: number, now?: number, timing?: Partial<Timing> }} [opts] */
  constructor({ seed = 1, now = Date.now(), timing = {} } = {}) {
    this.rng = createRng(seed);
    this.timing = { ...DEFAULT_TIMING, ...timing };
    this.last = now;
    const t = this.timing;
    const r = this.rng;
    this.lines = SITES.flatMap((site, si) => LINES.map((line, li) => ({
      site, line, key: `${site}/${line}`, setpoint: DEFAULT_SETPOINT,
      nominalRate: li === 0 ? 120 : 90, rate: li === 0 ? 120 : 90, drift: 0,
      machines: MACHINES.map(([name, type]) => {
        const p = PROFILES[/** @type {keyof typeof PROFILES} */ (type)];
        const temp = DEFAULT_SETPOINT + p.tempOffset;
        return {
          site, line, name, type, profile: p, key: `${site}/${line}/${name}`,
          serial: `SG${si + 1}${li + 1}-${type.slice(0, 2).toUpperCase()}-${String(Math.floor(r.uniform(10000, 99999)))}`,
          state: /** @type {MachineState} */ ('RUNNING'), manualStop: false, resumeAt: 0,
          temp, pressure: p.pRun, vibration: p.vib, drift: 0, wear: 0, phase: r.uniform(0, 4),
          excursionUntil: 0, excursionPeak: 0,
          nextIdleAt: now + r.exp(t.idleEveryMs), nextFaultAt: now + r.exp(t.faultEveryMs),
        };
      }),
    })));
    this.machines = this.lines.flatMap((l) => l.machines);
    // Show an alarm early in a demo: first excursion after about half an interval.
    this.nextAlarmExcursion = now + duration(r, t.alarmMachineExcursionEveryMs) / 2;
    this.nextExcursion = now + duration(r, t.excursionEveryMs);
    this.nextStorm = now + duration(r, t.stormEveryMs) / 2;
  }

  /** @param {string} site @param {string} line */
  line(site, line) { return this.lines.find((l) => l.site === site && l.line === line); }

  /**
   * Advance physics to `now` and run scheduled events.
   * @param {number} now @param {string} scenario
   * @returns {Machine[]} machines whose state changed (to publish at once)
   */
  step(now, scenario) {
    const dt = Math.max(0, now - this.last) / 1000;
    this.last = now;
    /** @type {Machine[]} */
    const changed = [];
    if (scenario !== 'quiet') this.#events(now, scenario, changed);
    for (const l of this.lines) {
      for (const m of l.machines) this.#physics(m, l.setpoint, now, dt);
      // The line is a series of machines: any stopped machine stops output.
      const allRunning = l.machines.every((m) => m.state === 'RUNNING');
      l.drift = lag(l.drift, 0, 300, dt) + 0.002 * Math.sqrt(dt) * this.rng.gauss();
      l.rate = lag(l.rate, allRunning ? l.nominalRate * (1 + l.drift) : 0, 4, dt);
    }
    return changed;
  }

  /** @param {Machine} m @param {number} setpoint @param {number} now @param {number} dt */
  #physics(m, setpoint, now, dt) {
    const p = m.profile;
    const running = m.state === 'RUNNING';
    // Ornstein-Uhlenbeck drift (~1 °C std, 2 min memory): slow wander, never runs away.
    m.drift = Math.max(-3, Math.min(3, lag(m.drift, 0, 120, dt) + 0.13 * Math.sqrt(dt) * this.rng.gauss()));
    m.wear += dt / 36_000; // bearings: +0.1 mm/s per hour of running, visible on long trends
    const inExcursion = now < m.excursionUntil;
    const tempTarget = inExcursion ? m.excursionPeak
      : running ? setpoint + p.tempOffset + m.drift : m.state === 'IDLE' ? 40 : 28;
    m.temp = lag(m.temp, tempTarget, inExcursion ? 6 : running ? 8 : 30, dt);
    if (m.type === 'press') {
      // Stroke cycle every 4 s: low standby pressure with a sharp pressing peak (~180 bar).
      const s = (1 - Math.cos((2 * Math.PI * (now / 1000 + m.phase)) / 4)) / 2;
      m.pressure = lag(m.pressure, running ? p.pRun + 145 * s ** 3 : m.state === 'IDLE' ? p.pIdle : 0, 0.25, dt);
    } else {
      m.pressure = lag(m.pressure, running ? p.pRun : m.state === 'IDLE' ? p.pIdle : p.pIdle * 0.5, 1.5, dt);
    }
    const vibTarget = running ? p.vib + m.wear : m.state === 'IDLE' ? 0.1 : 0.05;
    m.vibration = lag(m.vibration, vibTarget * (inExcursion ? 1.25 : 1), 1.5, dt);
  }

  /** @param {number} now @param {string} scenario @param {Machine[]} changed */
  #events(now, scenario, changed) {
    const t = this.timing;
    const r = this.rng;
    for (const m of this.machines) {
      if (m.resumeAt && now >= m.resumeAt) {
        m.resumeAt = 0;
        if (!m.manualStop) this.#setState(m, 'RUNNING', changed);
      }
      if (now >= m.nextFaultAt) {
        m.nextFaultAt = now + r.exp(t.faultEveryMs);
        if (m.state === 'RUNNING') { this.#setState(m, 'FAULT', changed); m.resumeAt = now + duration(r, t.faultForMs); }
      }
      if (now >= m.nextIdleAt) {
        m.nextIdleAt = now + r.exp(t.idleEveryMs);
        if (m.state === 'RUNNING') { this.#setState(m, 'IDLE', changed); m.resumeAt = now + duration(r, t.idleForMs); }
      }
    }
    if (now >= this.nextAlarmExcursion) {
      this.nextAlarmExcursion = now + duration(r, t.alarmMachineExcursionEveryMs);
      const m = this.machines.find((x) => x.key === ALARM_MACHINE);
      if (m) this.excursion(m, now);
    }
    if (now >= this.nextExcursion) {
      this.nextExcursion = now + duration(r, t.excursionEveryMs);
      this.excursion(r.pick(this.machines.filter((m) => m.key !== ALARM_MACHINE)), now);
    }
    if (scenario === 'alarm-storm' && now >= this.nextStorm) {
      this.nextStorm = now + duration(r, t.stormEveryMs);
      const pool = [...this.machines].sort(() => r.next() - 0.5);
      for (const m of pool.slice(0, 4 + Math.floor(r.next() * 5))) this.excursion(m, now);
    }
  }

  /** Heat a machine above 80 °C for a while (cooling fault, blocked exhaust...). @param {Machine} m @param {number} now */
  excursion(m, now) {
    if (m.state !== 'RUNNING' || now < m.excursionUntil) return false;
    m.excursionUntil = now + duration(this.rng, this.timing.excursionMs);
    m.excursionPeak = this.rng.uniform(88, 94);
    return true;
  }

  /** @param {Machine} m @param {MachineState} state @param {Machine[]} changed */
  #setState(m, state, changed) {
    if (m.state === state) return;
    m.state = state;
    if (state !== 'RUNNING') m.excursionUntil = 0;
    changed.push(m);
  }

  /**
   * Operator start/stop for a whole line or one machine. A stop holds until a start.
   * @param {Line} l @param {string | undefined} machine @param {'start' | 'stop'} action
   * @returns {Machine[]} machines whose state changed
   */
  command(l, machine, action) {
    /** @type {Machine[]} */
    const changed = [];
    for (const m of l.machines.filter((x) => !machine || x.name === machine)) {
      m.manualStop = action === 'stop';
      m.resumeAt = 0;
      this.#setState(m, action === 'stop' ? 'IDLE' : 'RUNNING', changed);
    }
    return changed;
  }

  /**
   * A sample as published: smooth state plus small measurement noise.
   * @param {Machine} m @param {typeof QUANTITIES[number]} q
   */
  reading(m, q) {
    const g = this.rng.gauss();
    const v = q === 'temperature' ? m.temp + 0.08 * g
      : q === 'pressure' ? Math.max(0, m.pressure + m.profile.pNoise * g)
        : Math.max(0, m.vibration * (1 + 0.04 * g));
    return { v: round(v), unit: UNITS[q] };
  }

  /** @param {Line} l */
  rateReading(l) {
    return { v: round(Math.max(0, l.rate + (l.rate > 1 ? 0.4 * this.rng.gauss() : 0))), unit: 'units/min' };
  }
}

/** @typedef {PlantModel['lines'][number]} Line */
/** @typedef {Line['machines'][number]} Machine */
