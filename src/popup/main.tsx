import { render } from 'preact';
// first-state goes first: its request starts before the views' modules are evaluated.
import { firstState } from './first-state';
import { localizePage } from '../ui/i18n';
import { followThemeSetting } from '../ui/theme';
import { App } from './App';

localizePage('extShortName');
followThemeSetting();
render(<App firstState={firstState} />, document.getElementById('app') as HTMLElement);
