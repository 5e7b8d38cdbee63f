import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const focusable =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the last control goes to the first and Shift+Tab the other way round: a modal dialog
 * inerts the page, but Chromium would still let the focus leave for the browser's own UI.
 */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const leaving = event.shiftKey
    ? document.activeElement === first
    : document.activeElement === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/**
 * A native modal `<dialog>`: the page behind is inert (focus cannot leave), Escape closes it, and
 * on closing the focus goes back to the control that opened it. Every dialog of the app is one.
 */
export function ModalDialog(props: {
  label?: string;
  labelledBy?: string;
  className?: string;
  onClose: () => void;
  /** A click outside the box closes it too (the box itself fills the dialog: no padding). */
  closeOnBackdrop?: boolean;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    return () => returnTo?.focus();
  }, []);
  return (
    // Escape is the keyboard's way out; the click on the backdrop is the pointer's.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialog}
      className={props.className}
      aria-label={props.label}
      aria-labelledby={props.labelledBy}
      onClick={(event) =>
        props.closeOnBackdrop && event.target === event.currentTarget && props.onClose()
      }
      onKeyDown={keepTabInside}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      {props.children}
    </dialog>
  );
}
