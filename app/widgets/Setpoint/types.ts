/** Widget config `type: "setpoint"`: a number within a template variable's limits, then "Set" (issue 6). */
export interface SetpointOptions {
  /** Id of a command template (site config `commands`). */
  readonly template?: string;
  /** The variable set here; default: the template's first numeric variable. */
  readonly variable?: string;
  /** Values for the template's other variables. */
  readonly values?: Record<string, string | number | boolean>;
  readonly decimals?: number;
}
