/**
 * A question put to the person at the keyboard before a change that cannot be taken back (a key
 * replaced in the dashboard, a secret revoked): asked by main's native dialog or the terminal,
 * never by the page (handler-types.ts, CallContext.confirm).
 */
export interface Confirmation {
  /** The button that goes ahead, such as "Rotate key". */
  action: string;
  /** The question, naming the application and its account. */
  message: string;
  /** What follows from a yes. */
  detail: string;
}
