export { compileRule } from '../../src/alarms';
export type { RuleError } from '../../src/alarms';
export type { AlarmRuleConfig as AlarmRuleConfigLike } from '../../src/config';
