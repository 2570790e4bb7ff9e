import { useVariablesStore } from './variablesStore';
import { withVariable } from './variables';

/**
 * Picks a dashboard variable's value. `toUrl`: the page's URL follows (replaceState, so Back
 * does not step through picks), and a reload or a kiosk screen opens on the same value.
 */
export function pickVariable(name: string, value: string, toUrl: boolean): void {
  const { values } = useVariablesStore.getState();
  if (values[name] !== value) useVariablesStore.setState({ values: { ...values, [name]: value } });
  if (toUrl && typeof window !== 'undefined') window.history.replaceState(window.history.state, '', withVariable(window.location.href, name, value));
}
