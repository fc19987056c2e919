// Keyboard for a table whose rows open something: each row is focusable, ↑/↓ move between rows, Enter opens.
import type { KeyboardEvent } from 'react';

export function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, open: () => void): void {
  const row = event.currentTarget;
  if (event.key === 'Enter') {
    event.preventDefault();
    open();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    if (next instanceof HTMLElement) next.focus();
  }
}

/** Moves focus to the first row of the table inside `container` (↓ from a search box). */
export function focusFirstRow(container: HTMLElement | null): void {
  container?.querySelector<HTMLElement>('tbody tr[tabindex]')?.focus();
}
