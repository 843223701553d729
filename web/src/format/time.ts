/** An ISO timestamp as Beijing time, the way the hall's pages show it: 2024/6/3 09:30:00. */
export const beijingTime = (iso: string): string =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
