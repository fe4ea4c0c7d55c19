// Tiny helpers for building DOM safely: text always goes in as text, never as HTML.
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
