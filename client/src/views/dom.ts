// Tiny helpers for building DOM safely: text always goes in as text, never as HTML.
import { ApiError } from '../api/request.ts';
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

/** A same-page link that changes the view through the URL, so it also works with a middle click. */
export function viewLink(href: string, text: string, onOpen: () => void): HTMLAnchorElement {
  const link = el('a', { href }, text);
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen();
  });
  return link;
}

export function statusLine(text: string): HTMLParagraphElement {
  return el('p', { class: 'status' }, text);
}

/**
 * The one error box every view shows: the API's message (or `fallback` for anything else), the
 * request id to quote when there is one, and an optional button that offers a way on.
 */
export function errorBox(
  error: unknown,
  fallback: string,
  action?: { label: string; run: () => void },
): HTMLDivElement {
  const box = el(
    'div',
    { class: 'error', role: 'alert' },
    el('p', {}, error instanceof ApiError ? error.message : fallback),
  );
  if (error instanceof ApiError && error.requestId) {
    box.append(el('p', { class: 'reference' }, `Reference: ${error.requestId}`));
  }
  if (action) {
    const button = el('button', { type: 'button' }, action.label);
    button.addEventListener('click', action.run);
    box.append(button);
  }
  return box;
}
