/**
 * MQTT topic filter matching (MQTT 5.0 §4.7). `#` matches the parent level too ("a/#" matches "a");
 * filters starting with a wildcard never match topics starting with `$` (§4.7.2).
 */
export type TopicMatcher = (topic: string) => boolean;

export function isWildcardFilter(filter: string): boolean {
  return filter.includes('+') || filter.includes('#');
}

/** A valid filter: `#` only last and alone in its level, `+` alone in its level, not empty. */
export function isValidFilter(filter: string): boolean {
  if (filter.length === 0) return false;
  const levels = filter.split('/');
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) return false;
    if (level.includes('+') && level !== '+') return false;
  }
  return true;
}

/** A valid topic name for publishing: non-empty, no wildcards. */
export function isValidTopicName(topic: string): boolean {
  return topic.length > 0 && !topic.includes('+') && !topic.includes('#');
}

export function compileFilter(filter: string): TopicMatcher {
  const levels = filter.split('/');
  const startsWithWildcard = levels[0] === '+' || levels[0] === '#';
  if (!isWildcardFilter(filter)) return (topic) => topic === filter;
  return (topic) => {
    if (startsWithWildcard && topic.startsWith('$')) return false;
    let start = 0;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      if (level === '#') return true;
      if (start > topic.length) return false;
      let end = topic.indexOf('/', start);
      if (end < 0) end = topic.length;
      if (level !== '+' && topic.slice(start, end) !== level) return false;
      start = end + 1;
      if (i === levels.length - 1) return end === topic.length;
      // "a/#" also matches "a": the topic ended exactly before a final "#".
      if (end === topic.length) return i === levels.length - 2 && levels[i + 1] === '#';
    }
    return false;
  };
}

export function matchesFilter(filter: string, topic: string): boolean {
  return compileFilter(filter)(topic);
}
