/**
 * Staff usernames are case-insensitive and carry no surrounding spaces: every account is stored in this form
 * and every login is looked up in it. Without it MySQL/MariaDB (case-insensitive collation, trailing spaces
 * ignored in comparisons) and SQLite (exact comparison) disagree on who "Cashier.SH001 " is, and the login
 * limiter, keyed on the text, gave each spelling its own guess budget.
 */
export function normalizeStaffUsername(username: string): string {
  return username.trim().toLowerCase();
}
