/** The library's version, for diagnostics. */
export const VERSION = '0.1.0';
