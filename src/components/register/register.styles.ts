import { formCardStyles } from '../../internal/form-card-styles.js';

/** Shadow styles: the card around the slotted light-DOM form (form-card-styles.ts, form-light-styles.ts). */
export const registerStyles = formCardStyles('register');
