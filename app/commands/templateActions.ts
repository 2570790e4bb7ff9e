import type { CommandTemplateConfig } from '../../src/config';
import { updateSection } from '../state/siteStore';

/** Replaces the site's command templates (config section `commands`, saved and exported with it). */
export function saveTemplates(templates: readonly CommandTemplateConfig[]): void {
  updateSection('commands', [...templates]);
}
