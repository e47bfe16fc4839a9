/**
 * True when focus fell back to the page because the element holding it went away (a closed
 * banner, a button replaced by its outcome), or sits on a control that just disabled itself, where
 * browsers drop it. Views then move it to what replaced the control.
 */
export function isFocusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.matches(":disabled");
}
