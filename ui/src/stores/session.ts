// Who is using the app and which book is open. Role helpers live here so views never
// compare role strings themselves: hide editing controls with `canWrite`, not by disabling.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as appApi from '@/api/app'
import * as sessionApi from '@/api/session'
import type { AppInfo, SessionUser } from '@/bindings'
import { setToday } from './today'

export const useSessionStore = defineStore('session', () => {
  const appInfo = ref<AppInfo | null>(null)
  const user = ref<SessionUser | null>(null)
  /** Set when app_info itself failed; App.vue shows it instead of a blank window. */
  const startupError = ref<unknown>(null)

  const initialized = computed(() => appInfo.value?.initialized ?? false)
  const role = computed(() => user.value?.role ?? null)
  /** Only the treasurer records money. */
  const canWrite = computed(() => role.value === 'treasurer')
  const isAuditor = computed(() => role.value === 'auditor')
  const isChair = computed(() => role.value === 'chair')
  /** Treasurer or chair may change union settings and manage users. */
  const canManage = computed(() => role.value === 'treasurer' || role.value === 'chair')

  async function loadAppInfo(): Promise<AppInfo> {
    const info = await appApi.appInfo()
    setToday(info.today)
    appInfo.value = info
    startupError.value = null
    return info
  }

  /** Pick up a session that survived a webview reload. */
  async function restore(): Promise<void> {
    user.value = appInfo.value?.initialized ? await sessionApi.current() : null
  }

  /** After 打开/新建/初始化账套: the book's info, and today by the core's clock again. */
  function setAppInfo(info: AppInfo) {
    setToday(info.today)
    appInfo.value = info
    user.value = null
  }

  async function login(userId: number, password: string): Promise<SessionUser> {
    user.value = await sessionApi.login(userId, password)
    return user.value
  }

  async function logout(): Promise<void> {
    try {
      await sessionApi.logout()
    } finally {
      user.value = null
    }
  }

  return {
    appInfo,
    user,
    startupError,
    initialized,
    role,
    canWrite,
    isAuditor,
    isChair,
    canManage,
    loadAppInfo,
    restore,
    setAppInfo,
    login,
    logout,
  }
})
