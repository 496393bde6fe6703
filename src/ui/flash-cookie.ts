/** The cookie that carries a one-time success message across a redirect (set by setFlash, read by FlashBanner). */
export const FLASH_COOKIE = "cp_flash";
