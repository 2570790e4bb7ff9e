export { parseSiteConfig } from './parseSiteConfig';
export { AlarmRuleSchema, CommandTemplateSchema } from './siteConfigSchema';
export type { SiteConfig, ConnectionConfig, AlarmRuleConfig, DashboardConfig, WidgetConfig, SeriesRef, CommandTemplateConfig, CommandVariableConfig } from './siteConfigSchema';
