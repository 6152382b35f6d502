// The full integrity check of the open book. Opening a book makes only cheap checks (so the
// window starts at once); the page-by-page SQLite check runs here, in the background, once
// per book after the first page is shown. It is a shell command (it reads the file through
// its own read-only connection), so like files.ts it talks to Tauri directly.
import { invoke } from '@tauri-apps/api/core'
import { AppError, toAppError } from './ipc'

/** Run the check; resolves to null when the book is sound, else the error to show. */
export async function checkBookIntegrity(): Promise<AppError | null> {
  try {
    await invoke('check_integrity')
    return null
  } catch (e) {
    return toAppError(e)
  }
}

const checked = new Set<string>()

/**
 * Check each opened book once per window session. `bookPath` identifies the book (the
 * same file is not checked twice; switching books checks the new one). Resolves to the
 * failure, or null when the book is sound or was already checked.
 */
export async function checkBookIntegrityOnce(bookPath: string | null | undefined): Promise<AppError | null> {
  if (!bookPath || checked.has(bookPath)) return null
  checked.add(bookPath)
  return checkBookIntegrity()
}

/** For tests: forget which books were checked. */
export function resetIntegrityChecks(): void {
  checked.clear()
}
