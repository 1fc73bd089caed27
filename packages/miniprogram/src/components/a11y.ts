/**
 * Accessibility on both targets. On H5, Taro's components are custom elements: a form control's real `<input>` sits
 * inside, reached only by `nativeProps`, and a view's props become attributes as they are named. WeChat ignores both.
 */

/**
 * Spread on a tappable view or image (`<View {...PRESSABLE} onClick=…>`): on H5 it is then a button to screen readers
 * and reachable with Tab, and Enter or Space press it (lib/h5-shell.h5.ts). Written `tabindex` in lower case:
 * `tabIndex` would become a `tab-index` attribute.
 */
export const PRESSABLE: object = { role: 'button', tabindex: 0 };

/** Spread on an Input, Textarea or Switch: its name for screen readers, on the element and on the control inside. */
export function named(label: string): { 'aria-label': string; nativeProps: Record<string, unknown> } {
  return { 'aria-label': label, nativeProps: { 'aria-label': label } };
}
