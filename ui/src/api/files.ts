// Saving an export (XLSX, HTML, …) the core produced as base64: the native save dialog picks
// the path, then the shell's `save_file` command writes the bytes. This and ipc.ts are the
// only places that talk to Tauri directly (save_file is a shell command, not a core one).
import { invoke } from '@tauri-apps/api/core'
import { save } from '@tauri-apps/plugin-dialog'
import { toAppError } from './ipc'

function filtersFor(fileName: string): { name: string; extensions: string[] }[] | undefined {
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : ''
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : undefined
}

/**
 * Ask where to save `fileName` and write it. Resolves to the chosen path, or null when the
 * user cancelled the dialog. Errors come back as AppError.
 */
export async function saveBase64File(fileName: string, base64: string): Promise<string | null> {
  try {
    const path = await save({ defaultPath: fileName, filters: filtersFor(fileName) })
    if (!path) return null
    await invoke('save_file', { path, dataBase64: base64 })
    return path
  } catch (e) {
    throw toAppError(e)
  }
}
