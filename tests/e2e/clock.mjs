// The business date every journey runs on. run.mjs puts it in UNION_LEDGER_TODAY for
// tauri-driver (so the app's one clock reads it) and for every command-line call a journey
// makes (they inherit process.env). Journeys that need "today" import it from here and never
// read the machine's calendar, so they pass on any day.
export const TODAY = '2026-12-02';
