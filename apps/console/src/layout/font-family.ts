// Roboto has no CJK glyphs; name the usual Chinese UI fonts so each OS picks its own instead of falling back to a
// serif. A module of its own (no react-admin import), shared by the admin theme and the citizen pages' theme.
export const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');
