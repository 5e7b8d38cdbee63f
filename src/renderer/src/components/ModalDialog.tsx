import { useEffect, useRef, type ReactNode } from 'react';

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
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialog}
      className={props.className}
      aria-label={props.label}
      aria-labelledby={props.labelledBy}
      onClick={(event) =>
        props.closeOnBackdrop && event.target === event.currentTarget && props.onClose()
      }
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      {props.children}
    </dialog>
  );
}
