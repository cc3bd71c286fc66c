import { createTheme } from '@mantine/core';

/** Calm and professional: a deep navy primary, neutral surfaces, system fonts. */
export const theme = createTheme({
  primaryColor: 'pharos',
  primaryShade: { light: 7, dark: 5 },
  colors: {
    pharos: [
      '#eef3fb',
      '#dbe4f3',
      '#b3c6e6',
      '#88a6d9',
      '#658bce',
      '#4f7ac8',
      '#4371c6',
      '#2f5b9f',
      '#27508f',
      '#1c3d6e',
    ],
  },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});
