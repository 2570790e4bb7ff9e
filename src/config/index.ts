export { parseSiteConfig } from './parseSiteConfig';
export type { ParseResult } from './parseSiteConfig';
export { CONFIG_VERSION, SiteConfigSchema } from './siteConfigSchema';
export type { SiteConfig, ConnectionConfig, AlarmRuleConfig, DashboardConfig, WidgetConfig, SeriesRef } from './siteConfigSchema';
