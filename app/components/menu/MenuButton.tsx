import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { assertNever } from '../../lib/assertNever';
import { menuFocusTarget, typeAheadTarget } from './menuKeys';

/** One entry of a menu group: a link (a view), a command, a check box or one of a set of radios. */
export type MenuEntry =
  | { readonly kind: 'link'; readonly label: string; readonly href: string; readonly current: boolean }
  | { readonly kind: 'action'; readonly label: string; run(): void }
  | { readonly kind: 'check'; readonly label: string; readonly checked: boolean; run(): void }
  | { readonly kind: 'radio'; readonly label: string; readonly checked: boolean; run(): void };

export interface MenuGroup {
  readonly label: string;
  readonly entries: readonly MenuEntry[];
}

const ITEMS = '[role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"]';
const itemClass = (current = false) =>
  `flex min-h-11 w-full items-center gap-2 rounded px-3 py-1.5 text-left text-[13px] text-hmi-text hover:bg-hmi-select focus:bg-hmi-select focus:outline-none ${current ? 'font-semibold' : ''}`;

/**
 * A menu button (WAI-ARIA APG "menu button"): Enter, Space or ArrowDown opens the menu on its first
 * item, ArrowUp on its last; arrows, Home/End and type-ahead move; Escape closes and gives focus
 * back to the button; Tab, a click outside or choosing an item close it too.
 */
export function MenuButton({ label, groups, className }: { label: string; groups: readonly MenuGroup[]; className?: string }) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []);

  useEffect(() => {
    if (!open) return;
    const list = items();
    list[open === 'first' ? 0 : list.length - 1]?.focus();
    const outside = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menuRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (entry: MenuEntry) => {
    close(true);
    if (entry.kind !== 'link') entry.run();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const current = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
      return;
    }
    if (e.key === 'Tab') return close(false);
    if (e.key === ' ' && list[current]?.tagName === 'A') {
      // Space does not follow a link by itself; in a menu it chooses the item like Enter.
      e.preventDefault();
      list[current]?.click();
      return;
    }
    const next = menuFocusTarget(e.key, current, list.length) ?? (e.ctrlKey || e.metaKey || e.altKey ? null : typeAheadTarget(e.key, current, list.map((el) => el.dataset.label ?? '')));
    if (next === null) return;
    e.preventDefault();
    list[next]?.focus();
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={open ? menuId : undefined}
        className={className}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          className="absolute right-0 top-full z-50 mt-1 max-h-[80vh] w-64 overflow-y-auto rounded border border-hmi-border bg-hmi-raised p-1 shadow-lg"
        >
          {groups.map((g, gi) => (
            <div key={g.label} role="group" aria-label={g.label} className={gi > 0 ? 'mt-1 border-t border-hmi-border pt-1' : ''}>
              <div aria-hidden="true" className="px-3 pb-0.5 pt-1 text-xs font-semibold uppercase tracking-wide text-hmi-muted">
                {g.label}
              </div>
              {g.entries.map((entry) => (
                <MenuItem key={entry.label} entry={entry} onChoose={() => choose(entry)} />
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function MenuItem({ entry, onChoose }: { entry: MenuEntry; onChoose(): void }): ReactNode {
  switch (entry.kind) {
    case 'link':
      return (
        <a role="menuitem" data-label={entry.label} tabIndex={-1} href={entry.href} aria-current={entry.current ? 'page' : undefined} className={itemClass(entry.current)} onClick={onChoose}>
          <Mark text={entry.current ? '›' : ''} />
          {entry.label}
        </a>
      );
    case 'action':
      return (
        <button type="button" role="menuitem" data-label={entry.label} tabIndex={-1} className={itemClass()} onClick={onChoose}>
          <Mark text="" />
          {entry.label}
        </button>
      );
    case 'check':
    case 'radio':
      return (
        <button type="button" role={entry.kind === 'check' ? 'menuitemcheckbox' : 'menuitemradio'} aria-checked={entry.checked} data-label={entry.label} tabIndex={-1} className={itemClass()} onClick={onChoose}>
          <Mark text={entry.checked ? (entry.kind === 'check' ? '✓' : '●') : ''} />
          {entry.label}
        </button>
      );
    default:
      return assertNever(entry, 'menu entry');
  }
}

/** The leading column: ✓ or ● for a checked item, › for the current view; keeps the labels aligned. */
const Mark = ({ text }: { text: string }) => (
  <span aria-hidden="true" className="inline-block w-4 shrink-0 text-center">
    {text}
  </span>
);
