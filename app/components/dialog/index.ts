/** The app's one dialog module: every modal is a `Dialog` (native <dialog>, focus, Escape). */
export { Dialog } from './Dialog';
export { DialogActions } from './DialogActions';
export { Modal } from './Modal';
export { useConfirm } from './ConfirmDialog';
export type { ConfirmRequest } from './ConfirmDialog';
