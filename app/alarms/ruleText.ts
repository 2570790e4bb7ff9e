import type { RuleProblem, RuleTestMessage, RuleTestResult } from '../../src/alarms';
import { t } from '../i18n/i18n';

/**
 * Engine rule checks in the UI language: compileRule's problems and "Test against the last
 * value" answers come as a code and parameters (src/alarms/types.ts); the English `text` is
 * shown only when none came. Topics, values, paths and limits are shown as they are.
 */
export function ruleProblemText(p: RuleProblem): string {
  switch (p.code) {
    case 'topic-filter':
      return t('must be a valid MQTT topic or filter (+ and # only as whole levels, # last)');
    case 'state-text':
      return t('give the state text to match (e.g. FAULT)');
    case 'interval':
      return t('must divide a day (15m, 1h, 8h…) or be days or weeks (1d, 1w)');
    case 'one-topic':
      return t('must be one topic (no + or #)');
    case 'number-for':
      return t('must be a number for "{condition}"', { condition: p.condition });
    case 'required-for':
      return t('is required for "{condition}"', { condition: p.condition });
    case 'not-for-derived':
      return t('"{condition}" does not apply to a transformed or aggregated value', { condition: p.condition });
  }
}

function messageText(m: RuleTestMessage): string {
  switch (m.code) {
    case 'invalid':
      return m.problems.map((e) => {
        const problem = e.problem ? ruleProblemText(e.problem) : e.message;
        return e.field ? t('{field}: {problem}', { field: e.field, problem }) : problem;
      }).join(t('; '));
    case 'waiting':
      return t('No value seen yet on {topic}; waiting up to 30 s for the next message…', { topic: m.topic });
    case 'timeout':
      return t('No message arrived on a matching topic within 30 s.');
    case 'stale':
      return m.stale
        ? t('Last message on {topic} {age} s ago: would be in alarm (stale).', { topic: m.topic, age: m.ageS })
        : t('Last message on {topic} {age} s ago: not stale.', { topic: m.topic, age: m.ageS });
    case 'rate':
      return t('Value {value} on {topic}. A rate of change needs two messages; it is evaluated live.', { value: m.value, topic: m.topic });
    case 'no-path':
      return t('The payload on {topic} has nothing at path "{path}".', { topic: m.topic, path: m.path });
    case 'not-comparable':
      return t('Value {value} on {topic} cannot be compared with {limit}.', { value: m.value, topic: m.topic, limit: m.limit });
    case 'value':
      return m.inAlarm
        ? t('Value {value} on {topic}: would be in alarm ({limit}).', { value: m.value, topic: m.topic, limit: m.limit })
        : t('Value {value} on {topic}: normal ({limit}).', { value: m.value, topic: m.topic, limit: m.limit });
    case 'many':
      return [
        t('{count, plural, one {# matching topic} other {# matching topics}}, {inAlarm} would be in alarm:', { count: m.count, inAlarm: m.inAlarm }),
        ...m.lines.map(messageText),
        ...(m.more > 0 ? [t('…and {more} more topics.', { more: m.more })] : []),
      ].join('\n');
  }
}

/** A rule test's answer as the operator reads it. */
export const ruleTestText = (r: RuleTestResult): string => (r.message ? messageText(r.message) : r.text);
