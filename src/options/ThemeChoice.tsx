import { THEMES, type Theme } from '../shared/view';
import { t } from '../ui/i18n';

const THEME_WORDS: Record<Theme, string> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
};

/** The colour scheme setting: the system's, or always light or dark (radio buttons). */
export function ThemeChoice(props: {
  value: Theme;
  disabled: boolean;
  onChange: (theme: Theme) => void;
}) {
  return (
    <fieldset class="choice" disabled={props.disabled}>
      <legend>{t('themeLabel')}</legend>
      {THEMES.map((theme) => (
        <label key={theme}>
          <input
            type="radio"
            name="theme"
            id={`theme-${theme}`}
            value={theme}
            checked={props.value === theme}
            onChange={() => props.onChange(theme)}
          />
          {t(THEME_WORDS[theme])}
        </label>
      ))}
    </fieldset>
  );
}
