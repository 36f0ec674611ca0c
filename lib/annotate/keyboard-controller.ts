import { keyboardActionOf, type KeyboardAction } from './keyboard-marking';
import { isTrustedInput, type UserInputGuard } from './shadow-view';
import type { TagRowView } from './tag-row-view';

/** A drawn row and the page's element of its item (PageAnnotator.markableRows). */
export interface MarkableRow {
  readonly item: Element;
  readonly view: Pick<TagRowView, 'press' | 'showCurrent'>;
}

export interface KeyboardMarkingOptions {
  /** The rows the keys can act on; none while there is no project (the keys are then the page's). */
  rows: () => readonly MarkableRow[];
  /** The user's switch as read at start; `setEnabled` follows its changes. */
  enabled: boolean;
  /** Whether an event is the user's own; a test injects its own, since events it makes are never trusted. */
  isUserInput?: UserInputGuard;
}

const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;
const DOCUMENT_POSITION_FOLLOWING = 4;

/** Elements whose keys are typing: the keys go to them, never to marking. */
const TYPING_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="searchbox"], [role="combobox"]';

/**
 * Single-key marking on a page with tag rows: 1/2/3/0 mark the item positive/neutral/negative/irrelevant and r toggles
 * "recommends", exactly as a click on the row's button does (the row's own callbacks: saving, retries, the state the
 * row was drawn with); j/k choose the next/previous item, outlined inside its row and scrolled into view.
 *
 * The item a key acts on is the one under the pointer, else the one holding focus, else the current one (last chosen
 * with j/k); after j/k the current one comes first until the pointer moves again, so j then 3 marks the item j chose
 * wherever the pointer rests. With no such item 1/2/3/0/r are left to the page, and j/k choose the first item.
 *
 * A key it acts on is kept from the page: the listener is on the window in the capture phase, the first place an
 * event reaches, and stops the event there (with the matching keyup), so no listener on the document or an element,
 * nor one on the window in the bubble phase, sees it. The limit: listeners on one target and phase run in the order
 * they were added, so a page that added a window capture listener before the content script ran (it runs at
 * document_idle) still sees the key; it can neither make nor redirect a mark with it (only trusted input acts).
 *
 * It never acts, and leaves the key untouched, with Ctrl, Alt or Meta held, while composing text, when the key goes to
 * a field (input, textarea, select, contenteditable, a textbox role; open shadow roots included, while a field in a
 * page's closed shadow root shows only its host and is not seen as one), for events the page
 * made (untrusted), for a key a listener before ours already took (defaultPrevented), without a project, or when
 * switched off. It tells the page nothing: no attribute, focus change or event of its own.
 */
export class KeyboardMarking {
  private enabled: boolean;
  private readonly isUserInput: UserInputGuard;
  /** Where the pointer last was, as mouse events told (the innermost node the page can see). */
  private pointed: EventTarget | null = null;
  private lastPointer: { x: number; y: number } | null = null;
  /** j/k chose the current item since the pointer last moved: it comes first. */
  private keysLead = false;
  private current: MarkableRow | null = null;
  /** Keys whose keydown was ours: their keyup is kept from the page too. */
  private readonly swallowed = new Set<string>();

  constructor(
    private readonly window: Window,
    private readonly options: KeyboardMarkingOptions,
  ) {
    this.enabled = options.enabled;
    this.isUserInput = options.isUserInput ?? isTrustedInput;
  }

  /** Listens until `signal` aborts (the script is replaced or stopped). */
  start(signal: AbortSignal): void {
    const capture = { capture: true, signal };
    const observe = { capture: true, passive: true, signal };
    this.window.addEventListener('keydown', (event) => this.onKeyDown(event), capture);
    this.window.addEventListener('keyup', (event) => this.onKeyUp(event), capture);
    this.window.addEventListener('mouseover', (event) => this.onPointerOver(event), observe);
    this.window.addEventListener('mousemove', (event) => this.onPointerMove(event), observe);
    this.window.addEventListener('mouseout', (event) => this.onPointerOut(event), observe);
    this.window.addEventListener('wheel', (event) => this.onWheel(event), observe);
    signal.addEventListener('abort', () => this.choose(null), { once: true });
  }

  /** The user's switch changed: off, no key is ours and no item is outlined. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.choose(null);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.enabled || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    const action = keyboardActionOf(event);
    if (action === null || !this.isUserInput(event)) return;
    const origin = event.composedPath()[0] ?? event.target;
    if (isTyping(origin)) return;
    const rows = this.options.rows();
    if (rows.length === 0) return;
    if (!this.act(action, rows, origin, event.repeat)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.swallowed.add(event.code);
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (!this.swallowed.delete(event.code) || !this.isUserInput(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  private act(action: KeyboardAction, rows: readonly MarkableRow[], origin: EventTarget | null, repeat: boolean): boolean {
    if (action === 'next' || action === 'previous') return this.move(action, rows, origin);
    const row = this.target(rows, origin);
    if (!row) return false;
    // A held key marks once: repeated, it would set and clear the mark in turn.
    return repeat || row.view.press(action);
  }

  /** The row the keys act on now, or null. */
  private target(rows: readonly MarkableRow[], origin: EventTarget | null): MarkableRow | null {
    const pointed = rowHolding(this.pointed, rows);
    const focused = rowHolding(origin, rows);
    const current = rows.find((row) => row.item === this.current?.item) ?? null;
    return this.keysLead ? (current ?? pointed ?? focused) : (pointed ?? focused ?? current);
  }

  private move(direction: 'next' | 'previous', rows: readonly MarkableRow[], origin: EventTarget | null): boolean {
    const ordered = [...rows].sort((a, b) => (a.item.compareDocumentPosition(b.item) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const from = this.target(rows, origin);
    const index = from ? ordered.findIndex((row) => row.item === from.item) : -1;
    // From no item both keys start at the top; at either end they stay there.
    const next = index < 0 ? ordered[0]! : ordered[Math.min(ordered.length - 1, Math.max(0, index + (direction === 'next' ? 1 : -1)))]!;
    this.choose(next);
    this.keysLead = true;
    next.item.scrollIntoView({ block: 'nearest' });
    return true;
  }

  private choose(row: MarkableRow | null): void {
    if (this.current?.view !== row?.view) this.current?.view.showCurrent(false);
    this.current = row;
    row?.view.showCurrent(true);
  }

  private onPointerOver(event: MouseEvent): void {
    if (this.isUserInput(event)) this.pointed = event.composedPath()[0] ?? event.target;
  }

  /**
   * Only a real move gives the lead back to the pointer: the browser also sends mouse events when the page scrolls
   * under a pointer that stays (j/k scroll it), with the same screen position.
   */
  private onPointerMove(event: MouseEvent): void {
    if (!this.isUserInput(event)) return;
    this.pointed = event.composedPath()[0] ?? event.target;
    if (this.lastPointer?.x === event.screenX && this.lastPointer.y === event.screenY) return;
    this.lastPointer = { x: event.screenX, y: event.screenY };
    this.keysLead = false;
  }

  /** Out of the window the pointer is on no item. */
  private onPointerOut(event: MouseEvent): void {
    if (this.isUserInput(event) && event.relatedTarget === null) this.pointed = null;
  }

  /** Scrolling with the wheel is the pointer's: the item under it comes first again. */
  private onWheel(event: WheelEvent): void {
    if (this.isUserInput(event)) this.keysLead = false;
  }
}

/** The row whose item holds `node` (through open shadow roots up to their hosts), or null. */
function rowHolding(node: EventTarget | null, rows: readonly MarkableRow[]): MarkableRow | null {
  if (!isNode(node) || rows.length === 0) return null;
  const byItem = new Map(rows.map((row) => [row.item, row]));
  for (let current: Node | null = node; current; current = parentAcrossRoots(current)) {
    const row = byItem.get(current as Element);
    if (row) return row;
  }
  return null;
}

function parentAcrossRoots(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  return node.nodeType === DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : null;
}

/** Whether keys pressed with `target` focused are typed into a field (or the whole document is being edited). */
function isTyping(target: EventTarget | null): boolean {
  if (!isNode(target) || target.nodeType !== ELEMENT_NODE) return false;
  const element = target as HTMLElement;
  return element.ownerDocument.designMode === 'on' || element.isContentEditable || element.closest(TYPING_SELECTOR) !== null;
}

function isNode(target: EventTarget | null): target is Node {
  return target !== null && typeof (target as Node).nodeType === 'number';
}
