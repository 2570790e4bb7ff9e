export { TopicTrie, NodeRegistry, topicOf, rootOf } from './TopicTrie';
export { HistoryBudget } from './HistoryBudget';
export { forEachMatch } from './forEachMatch';
export { naturalCompare } from './naturalCompare';
export { TreeView } from './TreeView';
export { compileFilter, matchesFilter, isValidFilter, isValidTopicName, isWildcardFilter } from './mqttFilter';
export type { TopicMatcher } from './mqttFilter';
export { DEFAULT_LIMITS } from './defaultLimits';
export type { StoredMessage, TopicNode, TrieLimits } from './types';
