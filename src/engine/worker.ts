/// <reference lib="webworker" />
// Thin entry: messages in → engine; engine output → UI. All logic lives in Engine.
import { MqttSession } from '../mqtt/MqttSession';
import { systemClock } from './clock';
import { Engine } from './Engine';
import { FEATURES } from './features';
import type { FromEngine, ToEngine } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromEngine) => scope.postMessage(msg);
const engine = new Engine(systemClock, post, (settings, listener) => new MqttSession(settings, listener, systemClock), undefined, FEATURES);

scope.onmessage = (event: MessageEvent<ToEngine>) => {
  try {
    engine.handle(event.data);
  } catch (e) {
    post({ type: 'fatal', message: (e as Error).message });
  }
};
