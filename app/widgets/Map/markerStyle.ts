import type { Priority } from './types';

/**
 * ISA-101: grey when normal; an abnormal marker gets its alarm colour AND a shape (the Lamp's
 * shapes: square for critical/high, triangles for medium/low) so colour is not the only cue.
 * Full class names so Tailwind sees them.
 */
export const PRIORITY_MARK: Readonly<Record<Priority, string>> = {
  critical: 'bg-alarm-critical',
  high: 'bg-alarm-high',
  medium: 'bg-alarm-medium [clip-path:polygon(50%_0,100%_100%,0_100%)]',
  low: 'bg-alarm-low [clip-path:polygon(0_0,100%_0,50%_100%)]',
};

/** Canvas/WebGL colours: CSS custom properties of the theme (app/index.css), read at draw time. */
export const PRIORITY_VAR: Readonly<Record<Priority, string>> = {
  critical: '--color-alarm-critical',
  high: '--color-alarm-high',
  medium: '--color-alarm-medium',
  low: '--color-alarm-low',
};
