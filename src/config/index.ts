export { parseSiteConfig } from './parseSiteConfig';
export { BROKER_URL_PATTERN, brokerHost, brokerHostname, brokerScheme } from './brokerUrl';
export { AlarmRuleSchema, CommandTemplateSchema } from './siteConfigSchema';
export type { SiteConfig, ConnectionConfig, AlarmRuleConfig, DashboardConfig, WidgetConfig, SeriesRef, TableColumnConfig, DashboardVariableConfig, CommandTemplateConfig, CommandVariableConfig } from './siteConfigSchema';
