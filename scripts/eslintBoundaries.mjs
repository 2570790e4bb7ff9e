/**
 * ESLint plugin `sightglass`: the import boundaries of issue 14, checked on resolved paths so the
 * same rule holds at any folder depth. The arrows (ARCHITECTURE.md § Boundaries):
 *
 *   Views (.tsx) → hooks / actions → stores → bridge (app/engine) → worker (src/)
 *
 * - src/ never imports app/, React or zustand; one capability reaches another only through its
 *   index.ts; src/engine/protocol.ts imports only type-only modules (…/types, …/messages).
 * - app/ reaches src/ only through a capability's index.ts (src/engine/protocol is the engine's).
 * - Views never import the bridge or a store; only stores, hooks, actions and app/startup.ts do,
 *   and only actions and app/startup.ts call `engine.send`. The bridge never imports a store, and
 *   a store never imports a view.
 * Globals (the DOM in src/, raw timers) are checked by core rules configured in eslint.config.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const FRAMEWORKS = /^(react|react-dom|zustand|@tanstack\/react-[\w-]+|react-grid-layout)(\/.*)?$/;
const SOURCE_EXT = /\.(tsx?|mts|cts|mjs|cjs|js)$/;

/**
 * Inner modules that are deliberately not on their capability's index.ts, with who may import
 * them. MqttSession pulls in mqtt.js: re-exported from src/mqtt/index.ts it would ride into the
 * main-thread bundle with every type the UI imports from there.
 */
const EXTRA_FACES = [
  { target: 'src/mqtt/MqttSession', from: /^src\/engine\// },
  // A feature the worker import()s when first needed (src/engine/features.ts): its own face, so the
  // worker's start-up script does not keep what index.ts re-exports for the UI (issue 17).
  { target: /^src\/[^/]+\/workerFeature$/, from: /^src\/engine\/features\.ts$/ },
  // What the worker's start-up script needs from a lazy feature's capability: through index.ts it
  // would reach (and keep in the start-up chunk) the modules the feature's chunk shares with it.
  { target: 'src/commands/ReplyTracker', from: /^src\/engine\// },
  { target: 'src/config/brokerUrl', from: /^src\/mqtt\// },
];
const faceMatches = (face, target) => (typeof face === 'string' ? face === target : face.test(target));

const messages = {
  srcFramework:
    "src/ is the framework-free engine (it runs in a Web Worker): no '{{spec}}'. Put UI code in app/ and give it data through src/engine/protocol.ts.",
  srcImportsApp:
    "src/ never imports app/ ('{{spec}}'): the engine must not know its UI. Move shared pure code into a src/ capability and import it from app/.",
  srcInner:
    "'{{spec}}' is inside the '{{cap}}' capability: import its public face '{{face}}' (export what you need from src/{{cap}}/index.ts).",
  srcTesting: "src/testing/ holds fakes and builders for tests: import '{{spec}}' only from *.test.ts files.",
  protocolTypesOnly:
    "src/engine/protocol.ts is the worker⇄UI contract and imports only type-only modules, so it never depends on feature code: move the types from '{{spec}}' into src/<feature>/types.ts (or messages.ts) and import that.",
  appSrcInner:
    "app/ uses the engine through public faces: import '{{face}}' instead of '{{spec}}' (src/engine/protocol is the engine's face for messages).",
  viewBridge:
    "Views never talk to the worker: instead of '{{spec}}', call an action module (…Actions.ts) or read a hook; only actions and app/startup.ts use the bridge.",
  viewStore:
    "Views never touch stores: instead of '{{spec}}', read through a hook (app/hooks/ or a feature's use….ts) and change state through an action module (…Actions.ts).",
  notWiringBridge:
    "Only stores, hooks, action modules (…Actions.ts) and app/startup.ts import the bridge: move the call in this file into an action module instead of importing '{{spec}}'.",
  notWiringStore:
    "Only hooks, action modules (…Actions.ts), other stores and app/startup.ts import stores: take the value as a parameter, or move this code into a hook or action, instead of importing '{{spec}}'.",
  bridgeImportsStore:
    "The bridge never imports stores (stores → bridge, one way): publish the data with engine.onDelta and let app/startup.ts wire '{{spec}}' to it.",
  storeImportsView: "Stores never import views: move what '{{spec}}' shares into a .ts module next to it.",
  typeModuleImport:
    "src/<capability>/types.ts and messages.ts are type-only (protocol.ts depends on them): import only other type-only modules (src/<capability>/types), not '{{spec}}'.",
  typeModuleRuntime:
    'src/<capability>/types.ts and messages.ts hold types only (protocol.ts depends on them): move this value into a runtime module and export it from index.ts.',
  typeModuleValueImport: "A type-only module uses 'import type', so importing it never runs code.",
  srcDomLib: 'src/ runs in a Web Worker: no DOM library reference. DOM work belongs in app/.',
  sendOutsideAction:
    'Only action modules (…Actions.ts) and app/startup.ts send to the worker: add an action for this message and call it here.',
};

const posix = (p) => p.split(path.sep).join('/');
const stripExt = (p) => p.replace(SOURCE_EXT, '');

/** The importing file's role, from its root-relative path. */
export function roleOf(file) {
  // Tests and the fakes in src/testing wire real parts together, so they may reach inner modules.
  if (file.startsWith('src/')) return /\.test\.tsx?$/.test(file) || file.startsWith('src/testing/') ? 'srcTest' : 'src';
  if (!file.startsWith('app/')) return 'other';
  if (/\.test\.tsx?$/.test(file)) return 'appTest';
  if (file.startsWith('app/engine/')) return 'bridge';
  if (file === 'app/startup.ts' || file === 'app/main.tsx') return 'startup';
  const base = path.posix.basename(file);
  if (/Actions\.ts$/.test(base)) return 'action';
  if (file.startsWith('app/state/') || /Store\.ts$/.test(base)) return 'store';
  if (file.startsWith('app/hooks/') || /^use[A-Z]\w*\.ts$/.test(base) || base === 'hooks.ts') return 'hook';
  if (file.endsWith('.tsx')) return 'view';
  return 'module';
}

const isBridge = (target) => target.startsWith('app/engine/');
const isStore = (target) => target.startsWith('app/state/') || (target.startsWith('app/') && /Store$/.test(target));

function isView(target) {
  if (!target.startsWith('app/')) return false;
  const abs = path.join(ROOT, target);
  return fs.existsSync(`${abs}.tsx`) || fs.existsSync(path.join(abs, 'index.tsx'));
}

/** `src/<cap>` for `src/<cap>`, `src/<cap>/index` or any file inside it. */
const capabilityOf = (target) => target.split('/')[1];
const isIndex = (target) => /^src\/[^/]+(\/index)?$/.test(target);
const isTypeOnlyModule = (target) => /^src\/[^/]+\/(types|messages)$/.test(target);
/** The type-only modules (src/<capability>/types.ts or messages.ts) that protocol.ts may import. */
export const isTypeModuleFile = (file) => isTypeOnlyModule(stripExt(file));

/** Every finding for one import of `spec` from `file` (both root-relative); [] when allowed. */
export function checkImport(file, spec) {
  const role = roleOf(file);
  if (role === 'other') return [];
  if (!spec.startsWith('.')) {
    return (role === 'src' || role === 'srcTest') && FRAMEWORKS.test(spec) ? ['srcFramework'] : [];
  }
  const target = stripExt(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  if (role === 'src' || role === 'srcTest') return checkFromSrc(file, role, target);
  return checkFromApp(file, role, target);
}

function checkFromSrc(file, role, target) {
  if (target.startsWith('app/')) return ['srcImportsApp'];
  if (!target.startsWith('src/')) return [];
  if (file === 'src/engine/protocol.ts') return isTypeOnlyModule(target) ? [] : ['protocolTypesOnly'];
  if (isTypeModuleFile(file)) return isTypeOnlyModule(target) ? [] : ['typeModuleImport'];
  const cap = capabilityOf(target);
  if (cap === 'testing') return role === 'srcTest' ? [] : ['srcTesting'];
  if (role === 'srcTest' || cap === capabilityOf(file) || isIndex(target)) return [];
  if (EXTRA_FACES.some((f) => faceMatches(f.target, target) && f.from.test(file))) return [];
  return ['srcInner'];
}

function checkFromApp(file, role, target) {
  if (target.startsWith('src/')) {
    if (isIndex(target) || target === 'src/engine/protocol') return [];
    return ['appSrcInner'];
  }
  if (role === 'appTest') return [];
  const found = [];
  if (isBridge(target)) {
    if (role === 'view') found.push('viewBridge');
    else if (role === 'module') found.push('notWiringBridge');
  }
  if (isStore(target)) {
    if (role === 'view') found.push('viewStore');
    else if (role === 'module') found.push('notWiringStore');
    else if (role === 'bridge') found.push('bridgeImportsStore');
  }
  if (role === 'store' && isView(target)) found.push('storeImportsView');
  return found;
}

const TYPE_DECLARATIONS = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration']);
/** True for statements that vanish when TypeScript is erased. */
function isTypeStatement(statement) {
  switch (statement.type) {
    case 'ImportDeclaration':
    case 'EmptyStatement':
      return true;
    case 'ExportAllDeclaration':
      return statement.exportKind === 'type';
    case 'ExportNamedDeclaration':
      return statement.exportKind === 'type' || TYPE_DECLARATIONS.has(statement.declaration?.type);
    case 'TSModuleDeclaration':
      return statement.declare === true;
    default:
      return TYPE_DECLARATIONS.has(statement.type);
  }
}

const faceFor = (target) => (target.startsWith('src/engine/') ? 'src/engine (or src/engine/protocol)' : `src/${capabilityOf(target)}`);

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import boundaries between src/ capabilities, app/ layers and the worker (issue 14).' },
    messages,
    schema: [],
  },
  create(context) {
    const file = posix(path.relative(ROOT, context.filename));
    const role = roleOf(file);
    const report = (node, messageId, data) => context.report({ node, messageId, data });
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      for (const messageId of checkImport(file, spec)) {
        const target = stripExt(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
        report(node, messageId, { spec, cap: capabilityOf(target), face: faceFor(target) });
      }
    };
    /** Local names bound to the bridge's `engine`, to catch `engine.send` outside actions. */
    const engineNames = new Set();
    const maySend = role === 'action' || role === 'startup' || role === 'bridge' || role === 'appTest' || role === 'other';
    const typeModule = isTypeModuleFile(file);
    return {
      Program(node) {
        if (!file.startsWith('src/')) return;
        for (const comment of context.sourceCode.getAllComments()) {
          if (/^\/\s*<reference\s+lib=["']dom/i.test(comment.value)) report(comment, 'srcDomLib', {});
        }
        if (!typeModule) return;
        for (const statement of node.body) {
          if (!isTypeStatement(statement)) report(statement, 'typeModuleRuntime', {});
        }
      },
      ImportDeclaration(node) {
        check(node.source, node.source.value);
        const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((sp) => sp.importKind === 'type'));
        if (typeModule && !typeOnly) report(node, 'typeModuleValueImport', {});
        if (maySend || !String(node.source.value).endsWith('engine/engineClient')) return;
        for (const s of node.specifiers) {
          if (s.type === 'ImportSpecifier' && s.imported.name === 'engine') engineNames.add(s.local.name);
        }
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node.source, node.source.value);
      },
      ExportAllDeclaration(node) {
        check(node.source, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
      TSImportType(node) {
        const arg = node.argument;
        const literal = arg?.type === 'TSLiteralType' ? arg.literal : arg;
        if (literal?.type === 'Literal') check(node, literal.value);
      },
      'CallExpression > MemberExpression.callee'(node) {
        if (node.object.type === 'Identifier' && engineNames.has(node.object.name) && node.property.name === 'send') {
          report(node, 'sendOutsideAction', {});
        }
      },
    };
  },
};

export default {
  meta: { name: 'sightglass' },
  rules: { boundaries: importsRule },
};
