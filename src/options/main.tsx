import { render } from 'preact';
import { localizePage } from '../ui/i18n';
import { followThemeSetting } from '../ui/theme';
import { Options } from './Options';

localizePage('optionsTitle');
followThemeSetting();
render(<Options />, document.getElementById('app') as HTMLElement);
