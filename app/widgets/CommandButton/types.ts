/** Widget config `type: "button"`: publishes a command template (issue 6). */
export interface CommandButtonOptions {
  /** Id of a command template (site config `commands`). */
  readonly template?: string;
  /** Button text; default: the template's name. */
  readonly label?: string;
  /** Values for the template's variables, fixed by this button. */
  readonly values?: Record<string, string | number | boolean>;
}
