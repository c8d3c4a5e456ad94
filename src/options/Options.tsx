import { useEffect, useState } from 'preact/hooks';
import { browser } from '../ui/ext';
import type { Settings, ViewState } from '../shared/view';
import { Avatar } from '../ui/Avatar';
import { send } from '../ui/messaging';
import { t } from '../ui/i18n';
import { applyTheme } from '../ui/theme';
import { ThemeChoice } from './ThemeChoice';

type ClearStatus = 'idle' | 'clearing' | 'cleared';

export function Options() {
  const [state, setState] = useState<ViewState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [clear, setClear] = useState<ClearStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  // The background's refusal is for the console; the person reads what failed, translated.
  const failWith = (key: string) => (e: Error) => {
    console.warn('[options]', e.message);
    setError(t(key));
  };

  useEffect(() => {
    // peekState, not getState: opening the settings must not start a login.
    send('getSettings', {}).then(setSettings, failWith('settingsLoadFailed'));
    send('peekState', {}).then(setState, failWith('accountLoadFailed'));
  }, []);

  const clearSession = () => {
    setClear('clearing');
    send('clearSession', {}).then(
      (next) => {
        setState(next);
        setClear('cleared');
      },
      (e: Error) => {
        setClear('idle');
        failWith('clearFailed')(e);
      },
    );
  };

  const change = (patch: Partial<Settings>) => {
    if (!settings) return;
    send('setSettings', { ...settings, ...patch }).then((next) => {
      setError(null);
      setSettings(next);
      applyTheme(next.theme);
    }, failWith('settingsSaveFailed'));
  };

  // The notifications permission is optional: asked for inside this click, when switched on.
  const toggleNotify = (notify: boolean) => {
    if (!notify) return change({ notify });
    browser.permissions
      .request({ permissions: ['notifications'] })
      .then(
        (granted) => (granted ? change({ notify: true }) : setError(t('notifyDenied'))),
        failWith('notifyDenied'),
      );
  };

  const profile = state?.type === 'signedIn' ? state.dashboard.profile : null;
  const avatars = state?.type === 'signedIn' ? state.dashboard.avatars : {};
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <section class="card" data-section="account">
        {profile ? (
          <div class="account">
            <Avatar src={avatars[profile.userName]} name={profile.nickName} size={40} />
            <span class="signed-in-as">{t('signedInAs', profile.nickName)}</span>
          </div>
        ) : (
          <p class="signed-in-as">{t('notSignedIn')}</p>
        )}
        <div>
          <button
            type="button"
            class="primary"
            id="clear-session"
            disabled={clear === 'clearing'}
            onClick={clearSession}
          >
            {clear === 'clearing' ? t('clearing') : t('clearSession')}
          </button>
        </div>
        <p class="status" role="status" aria-live="polite">
          {clear === 'cleared' ? t('cleared') : ''}
        </p>
      </section>
      <section class="card" data-section="settings">
        <Toggle
          id="forget-on-close"
          label={t('forgetOnClose')}
          checked={settings?.forgetOnClose ?? false}
          disabled={!settings}
          onToggle={(forgetOnClose) => change({ forgetOnClose })}
        />
        <p class="hint">{t('forgetOnCloseHint')}</p>
      </section>
      <section class="card" data-section="notifications">
        <Toggle
          id="notify"
          label={t('notifyLabel')}
          checked={settings?.notify ?? false}
          disabled={!settings}
          onToggle={toggleNotify}
        />
        <Toggle
          id="notify-text"
          label={t('notifyTextLabel')}
          checked={settings?.notifyText ?? false}
          disabled={!settings?.notify}
          onToggle={(notifyText) => change({ notifyText })}
        />
        <p class="hint">{t('notifyHint')}</p>
      </section>
      <section class="card" data-section="appearance">
        <ThemeChoice
          value={settings?.theme ?? 'system'}
          disabled={!settings}
          onChange={(theme) => change({ theme })}
        />
      </section>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function Toggle(props: {
  id: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  onToggle: (checked: boolean) => void;
}) {
  return (
    <label>
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onToggle((e.target as HTMLInputElement).checked)}
      />
      {props.label}
    </label>
  );
}
