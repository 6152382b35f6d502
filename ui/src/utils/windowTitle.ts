import { getCurrentWindow } from '@tauri-apps/api/window'

/** Set both the document title and the native window title; outside Tauri only the first. */
export async function setWindowTitle(title: string): Promise<void> {
  if (typeof document !== 'undefined') document.title = title
  try {
    await getCurrentWindow().setTitle(title)
  } catch {
    // not running inside Tauri (vite dev in a browser, tests)
  }
}

export function bookTitle(appName: string, unionName: string | null | undefined, dbPath: string | undefined): string {
  return [appName, unionName, dbPath].filter((s) => !!s).join(' — ')
}
