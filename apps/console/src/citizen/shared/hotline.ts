/** 嘉祥县 政务服务 supervision hotline (DOMAIN.md: 热线 6851890; the window posters print it with the area code). */
export const SUPERVISION_HOTLINE = '0537-6851890';
