// Proves the boundary lint of issue 14 fails where it must: real ESLint, the real eslint.config.js,
// snippets linted as if they sat at the given path (the files need not exist).
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { checkImport, roleOf } from './eslintBoundaries.mjs';

// The real config: the rule as the project runs it.
const eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });

/** Rule ids (with the boundary rule's message id) ESLint reports for `code` at `filePath`. */
async function lint(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => (m.messageId && m.ruleId === 'sightglass/boundaries' ? m.messageId : m.ruleId));
}

describe('boundary lint (eslint.config.js)', { timeout: 30_000 }, () => {
  // Loading the config and the TypeScript parser takes seconds on a busy machine: pay it once.
  beforeAll(() => lint('src/series/Warm.ts', 'export const x = 1;\n'), 120_000);

  it.each([
    ['a view importing the bridge', 'app/components/NewPanel.tsx', "import { engine } from '../engine/engineClient';\nexport const x = engine;\n", 'viewBridge'],
    ['a nested view importing the bridge', 'app/widgets/NewWidget/NewWidget.tsx', "import { engine } from '../../engine/engineClient';\nexport const x = engine;\n", 'viewBridge'],
    ['a view importing a store', 'app/components/NewPanel.tsx', "import { useEngineStore } from '../state/engineStore';\nexport const x = useEngineStore;\n", 'viewStore'],
    ['a view importing a feature store', 'app/components/NewPanel.tsx', "import { useAuditStore } from '../commands/auditStore';\nexport const x = useAuditStore;\n", 'viewStore'],
    ['a helper module importing the bridge', 'app/lib/newHelper.ts', "import { engine } from '../engine/engineClient';\nexport const x = engine;\n", 'notWiringBridge'],
    ['the bridge importing a store', 'app/engine/newBridgePart.ts', "import { useEngineStore } from '../state/engineStore';\nexport const x = useEngineStore;\n", 'bridgeImportsStore'],
    ['a store importing a view', 'app/state/newStore.ts', "import { App } from '../App';\nexport const x = App;\n", 'storeImportsView'],
    ['a hook sending to the worker', 'app/hooks/useNew.ts', "import { engine } from '../engine/engineClient';\nexport const go = () => engine.send({ type: 'ack', seq: 1 });\n", 'sendOutsideAction'],
    ['src importing react', 'src/series/NewThing.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'srcFramework'],
    ['src importing zustand', 'src/series/NewThing.ts', "import { create } from 'zustand';\nexport const x = create;\n", 'srcFramework'],
    ['src importing app/', 'src/series/NewThing.ts', "import { formatBytes } from '../../app/lib/format';\nexport const x = formatBytes;\n", 'srcImportsApp'],
    ['src using document', 'src/series/NewThing.ts', "export const title = () => document.title;\n", 'no-restricted-globals'],
    ['src using window', 'src/engine/NewThing.ts', "export const w = () => window.innerWidth;\n", 'no-restricted-globals'],
    ['src referencing the DOM library', 'src/series/NewThing.ts', '/// <reference lib="dom" />\nexport const x = 1;\n', 'srcDomLib'],
    ['src calling setTimeout', 'src/series/NewThing.ts', 'export const later = (f) => setTimeout(f, 1);\n', 'no-restricted-globals'],
    ['src reading Date.now', 'src/series/NewThing.ts', 'export const now = () => Date.now();\n', 'no-restricted-properties'],
    ['src reaching into another capability', 'src/series/NewThing.ts', "import { decodePayload } from '../payload/decodePayload';\nexport const x = decodePayload;\n", 'srcInner'],
    ['app importing a src inner file', 'app/lib/newHelper.ts', "import { AlarmEngine } from '../../src/alarms/AlarmEngine';\nexport const x = AlarmEngine;\n", 'appSrcInner'],
    ['app importing a src types file', 'app/lib/newHelper.ts', "import type { QoS } from '../../src/mqtt/types';\nexport type X = QoS;\n", 'appSrcInner'],
    ['protocol importing a feature index', 'src/engine/protocol.ts', "import type { SeriesDelta } from '../series';\nexport type X = SeriesDelta;\n", 'protocolTypesOnly'],
    ['a type-only module holding a value', 'src/series/types.ts', 'export const LIMIT = 3;\n', 'typeModuleRuntime'],
    ['a type-only module importing runtime code', 'src/series/types.ts', "import type { SeriesOptions } from './SeriesFeature';\nexport type X = SeriesOptions;\n", 'typeModuleImport'],
    ['a lazy feature face imported outside the feature registry', 'src/engine/NewThing.ts', "export const load = () => import('../alarms/workerFeature');\n", 'srcInner'],
    ['src/testing outside tests', 'src/series/NewThing.ts', "import { makeMessage } from '../testing/makeMessage';\nexport const x = makeMessage;\n", 'srcTesting'],
  ])('fails on %s', async (_what, filePath, code, expected) => {
    expect(await lint(filePath, code)).toContain(expected);
  });

  it.each([
    ['a view using a hook and an action', 'app/components/NewPanel.tsx', "import { useEngine } from '../hooks/useEngine';\nimport { connect } from '../connections/connectionActions';\nexport const x = [useEngine, connect];\n"],
    ['a view importing protocol types', 'app/components/NewPanel.tsx', "import type { TreeRow } from '../../src/engine/protocol';\nexport type X = TreeRow;\n"],
    ['a view importing a capability index', 'app/components/NewPanel.tsx', "import { describeReasonCode } from '../../src/mqtt';\nexport const x = describeReasonCode;\n"],
    ['an action module sending to the worker', 'app/alarms/newActions.ts', "import { engine } from '../engine/engineClient';\nexport const go = () => engine.send({ type: 'ack', seq: 1 });\n"],
    ['startup wiring stores to the bridge', 'app/startup.ts', "import { engine } from './engine/engineClient';\nimport { useEngineStore } from './state/engineStore';\nexport const startApp = () => engine.onDelta(useEngineStore.getState().applyDelta);\n"],
    ['a store importing the bridge', 'app/state/newStore.ts', "import { engine } from '../engine/engineClient';\nexport const x = engine;\n"],
    ['src importing a capability index', 'src/series/NewThing.ts', "import { decodePayload } from '../payload';\nexport const x = decodePayload;\n"],
    ['src importing the engine face', 'src/series/NewThing.ts', "import type { Clock } from '../engine';\nexport type X = Clock;\n"],
    ['src importing its own inner files', 'src/series/NewThing.ts', "import { RingBuffer } from './RingBuffer';\nexport const x = RingBuffer;\n"],
    ['the engine importing MqttSession', 'src/engine/NewThing.ts', "import { MqttSession } from '../mqtt/MqttSession';\nexport const x = MqttSession;\n"],
    ['the feature registry import()ing a lazy feature', 'src/engine/features.ts', "export const load = () => import('../alarms/workerFeature');\n"],
    ['protocol importing a type-only module', 'src/engine/protocol.ts', "import type { SeriesDelta } from '../series/types';\nexport type X = SeriesDelta;\n"],
    ['a type-only module', 'src/series/types.ts', "import type { QoS } from '../mqtt/types';\nexport interface X { readonly qos: QoS }\nexport type Y = X;\n"],
    ['a src test reaching inner modules and timers', 'src/series/New.test.ts', "import { ManualClock } from '../engine/clock';\nexport const x = [ManualClock, setTimeout];\n"],
  ])('allows %s', async (_what, filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});

describe('roleOf', () => {
  it.each([
    ['app/components/TopicTree.tsx', 'view'],
    ['app/hooks/useEngine.ts', 'hook'],
    ['app/alarms/useAlarms.ts', 'hook'],
    ['app/commands/hooks.ts', 'hook'],
    ['app/alarms/alarmActions.ts', 'action'],
    ['app/state/featureDeltas.ts', 'store'],
    ['app/commands/commandStore.ts', 'store'],
    ['app/engine/engineClient.ts', 'bridge'],
    ['app/startup.ts', 'startup'],
    ['app/lib/format.ts', 'module'],
    ['app/lib/format.test.ts', 'appTest'],
    ['src/alarms/AlarmEngine.ts', 'src'],
    ['src/testing/FakeSession.ts', 'srcTest'],
    ['demo/plant.mjs', 'other'],
  ])('%s is a %s', (file, role) => {
    expect(roleOf(file)).toBe(role);
  });
});

describe('checkImport', () => {
  it('resolves relative paths, so depth does not matter', () => {
    expect(checkImport('app/widgets/LineChart/LineChart.tsx', '../../state/seriesStore')).toEqual(['viewStore']);
    expect(checkImport('app/widgets/LineChart/LineChart.tsx', '../../../src/engine/protocol')).toEqual([]);
    expect(checkImport('app/App.tsx', './engine/engineClient')).toEqual(['viewBridge']);
  });
  it('leaves files outside src/ and app/ alone', () => {
    expect(checkImport('bench/alarms-cost.test.ts', '../src/engine/Engine')).toEqual([]);
  });
});

describe('file length', { timeout: 30_000 }, () => {
  it('fails on a src/ or app/ file over 300 lines unless its top says why', async () => {
    const long = 'export const x = 1;\n'.repeat(301);
    expect(await lint('app/lib/newHelper.ts', long)).toContain('max-lines');
    expect(await lint('src/series/NewThing.ts', long)).toContain('max-lines');
    expect(await lint('src/series/NewThing.ts', `/* eslint-disable max-lines -- generated table */\n${long}`)).toEqual([]);
  }, 120_000);
});
