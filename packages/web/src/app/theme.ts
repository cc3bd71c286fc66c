import {
  Badge,
  createTheme,
  MultiSelect,
  NumberInput,
  PasswordInput,
  Select,
  Textarea,
  TextInput,
} from '@mantine/core';

// Required fields keep `required` on their input, but the asterisk is drawn by CSS (global.css) rather
// than put into the label, so a label's text is exactly its name (for people and for getByLabel).
const noAsterisk = { defaultProps: { withAsterisk: false } };

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
    TextInput: TextInput.extend(noAsterisk),
    PasswordInput: PasswordInput.extend(noAsterisk),
    Textarea: Textarea.extend(noAsterisk),
    Select: Select.extend(noAsterisk),
    MultiSelect: MultiSelect.extend(noAsterisk),
    NumberInput: NumberInput.extend(noAsterisk),
    // Badges carry statuses and kinds: sentence case, and never cut short in a narrow column.
    Badge: Badge.extend({ defaultProps: { tt: 'none' }, styles: { root: { minWidth: 'max-content' } } }),
  },
});
