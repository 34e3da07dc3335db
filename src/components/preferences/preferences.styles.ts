import { formCardStyles } from '../../internal/form-card-styles.js';

/** Shadow styles: the card around the slotted light-DOM form (form-card-styles.ts). */
export const preferencesStyles = formCardStyles('preferences');
