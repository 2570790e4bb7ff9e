/**
 * Helpers for the "Topics" tree that rely only on the WAI-ARIA tree pattern, so they work
 * whether the tree uses a roving tabindex or aria-activedescendant, nested or flat
 * (aria-level) markup.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export function topicsTree(page: Page): Locator {
  return page.getByRole('tree', { name: 'Topics' });
}

/** A treeitem whose accessible name begins with the level's text, e.g. item(page, 'line1'). */
export function treeItem(scope: Page | Locator, level: string): Locator {
  const escaped = level.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByRole('treeitem', { name: new RegExp(`^${escaped}(?![\\w-])`) });
}

/** True if `item` is the tree's focused item (DOM focus or aria-activedescendant). */
export function isFocusedItem(item: Locator): Promise<boolean> {
  return item.evaluate((el) => {
    const active = document.activeElement;
    if (!active) return false;
    if (active === el) return true;
    const id = active.getAttribute('aria-activedescendant');
    return !!id && document.getElementById(id) === el;
  });
}

/** Puts keyboard focus into the tree the way Tab would: on its tabbable item, or the tree itself. */
export async function focusTree(tree: Locator): Promise<void> {
  await tree.evaluate((el) => {
    const target =
      el.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]') ??
      (el.hasAttribute('tabindex') ? (el as HTMLElement) : null) ??
      el.querySelector<HTMLElement>('[role="treeitem"][tabindex]') ??
      (el as HTMLElement);
    target.focus();
  });
  await expect.poll(() => tree.evaluate((el) => el.contains(document.activeElement)), { message: 'focus is inside the tree' }).toBe(true);
}

/** Moves keyboard focus onto `item` with ArrowDown/ArrowUp (no clicking). */
export async function moveFocusTo(tree: Locator, item: Locator, maxSteps = 40): Promise<void> {
  const page = tree.page();
  if (!(await tree.evaluate((el) => el.contains(document.activeElement)))) await focusTree(tree);
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let i = 0; i < maxSteps; i++) {
      if (await isFocusedItem(item)) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`could not move keyboard focus to ${item}`);
}

/** Expands `item` with the keyboard (ArrowRight) unless it already is expanded. */
export async function expandWithKeyboard(tree: Locator, item: Locator): Promise<void> {
  if ((await item.getAttribute('aria-expanded')) === 'true') return;
  await moveFocusTo(tree, item);
  await tree.page().keyboard.press('ArrowRight');
  await expect(item).toHaveAttribute('aria-expanded', 'true');
}
