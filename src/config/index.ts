export { parseSiteConfig } from './parseSiteConfig';
export type { ParseResult } from './parseSiteConfig';
export { CONFIG_VERSION, SiteConfigSchema, AlarmRuleSchema } from './siteConfigSchema';
export type { SiteConfig, ConnectionConfig, AlarmRuleConfig, DashboardConfig, WidgetConfig, SeriesRef, CommandTemplateConfig, CommandVariableConfig } from './siteConfigSchema';
