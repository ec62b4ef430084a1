/** Larger files are refused before reading: 200 MB is about four million rows of CSV. */
export const maxFileBytes = 200 * 1024 * 1024;
