// The chart of accounts for pickers, loaded once per session and shared. `reload()` after
// the chart changes (the 科目设置 page belongs to the books module).
import { ref } from 'vue'
import { listAccounts, type LedgerAccount } from '@/api/ledger'

const accounts = ref<LedgerAccount[]>([])
let loading: Promise<LedgerAccount[]> | null = null

export function useLedgerAccounts() {
  function load(): Promise<LedgerAccount[]> {
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
