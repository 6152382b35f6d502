// The chart of accounts for pickers, loaded once per session and shared. `reload()` after
// the chart changes (the 科目设置 page belongs to the books module).
import { ref } from 'vue'
import { listAccounts } from '@/api/ledger'
import type { Account } from '@/bindings'

const accounts = ref<Account[]>([])
let loading: Promise<Account[]> | null = null

export function useLedgerAccounts() {
  function load(): Promise<Account[]> {
    if (accounts.value.length) return Promise.resolve(accounts.value)
    if (!loading) {
      loading = listAccounts()
        .then((list) => (accounts.value = list))
        .finally(() => (loading = null))
    }
    return loading
  }
  async function reload() {
    accounts.value = []
    return load()
  }
  return { accounts, load, reload }
}
